import { expect, test } from 'vitest';
import { columnFromStrings } from '../../../src/data/column-builder';
import { formatCell } from '../../../src/data/format-cell';

test('cells read back as the table shows them', () => {
  const opts = { decimalComma: false };
  const num = columnFromStrings('n', 'numeric', ['1.50', 'NA', '1e21', '-0.1'], opts);
  expect([0, 1, 2, 3].map((r) => formatCell(num, r))).toEqual(['1.5', '', '1e+21', '-0.1']);
  const when = columnFromStrings('d', 'datetime', ['2024-03-05', '2024-03-05T14:30:15Z', ''], { ...opts, dateOrder: 'ymd' });
  expect([0, 1, 2].map((r) => formatCell(when, r))).toEqual(['2024-03-05', '2024-03-05T14:30:15Z', '']);
  // True/false as the file wrote them; 1 and 0 chosen as true/false are shown as true and false.
  const flag = columnFromStrings('f', 'boolean', ['yes', 'no'], opts);
  expect([0, 1].map((r) => formatCell(flag, r))).toEqual(['yes', 'no']);
  const bits = columnFromStrings('b', 'boolean', ['1', '0'], opts);
  expect([0, 1].map((r) => formatCell(bits, r))).toEqual(['true', 'false']);
  const label = columnFromStrings('l', 'categorical', ['<b>x</b>', '=1+1', 'None'], opts);
  expect([0, 1, 2].map((r) => formatCell(label, r))).toEqual(['<b>x</b>', '=1+1', '']);
});
