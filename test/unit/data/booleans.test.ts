import { describe, expect, test } from 'vitest';
import { parseBoolean, zeroOrOne } from '../../../src/data/booleans';
import { columnFromStrings } from '../../../src/data/column-builder';
import { streamCsv } from '../../../src/data/csv-stream';
import { formatCell } from '../../../src/data/format-cell';
import { inspectHead } from '../../../src/data/inspect';
import { retypeColumn } from '../../../src/data/retype';
import type { Column } from '../../../src/shared/column';

describe('parseBoolean', () => {
  test('reads true/false, yes/no, t/f and y/n in any case, trimmed', () => {
    expect(['true', 'TRUE', 'True', 'yes', 'Yes', ' T ', 't', 'y', 'Y'].map(parseBoolean)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(['false', 'FALSE', 'no', 'NO', 'f', 'F', 'n', 'N', '\tno\n'].map(parseBoolean)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  test('0/1 and other words are not booleans', () => {
    const not = ['1', '0', '', ' ', 'maybe', 'tru', 'truee', 'yess', 'ye', 'nope', 'x', 'on', 'off', 'true false', 'NA'];
    for (const t of not) expect(parseBoolean(t), JSON.stringify(t)).toBe(-1);
  });
});

/** Spellings of one and zero as numbers, and texts that are neither true/false nor 0/1. */
const ONES = ['1', ' 1 ', '1.0', '1.00', '+1', '01', '1e0'];
const ZEROS = ['0', '\t0', '0.0', '0.000', '-0', '00', '0e5'];
const NEITHER = ['2', '0.5', '-1', '10', '1%', '$1', '0 €', '1,000', '0x1', '1.0.0', 'one', ''];

describe('zeroOrOne: the numbers 0 and 1 as false and true', () => {
  test('reads any plain number equal to 1 or 0, however it is written', () => {
    for (const t of ONES) expect(zeroOrOne(t, false), JSON.stringify(t)).toBe(1);
    for (const t of ZEROS) expect(zeroOrOne(t, false), JSON.stringify(t)).toBe(0);
  });

  test('other numbers, numbers with a unit and words are -1', () => {
    for (const t of [...NEITHER, 'yes', 'false']) expect(zeroOrOne(t, false), JSON.stringify(t)).toBe(-1);
  });

  test('the decimal separator is the file’s', () => {
    expect(zeroOrOne('1,0', true)).toBe(1);
    expect(zeroOrOne('0,00', true)).toBe(0);
    expect(zeroOrOne('1,0', false)).toBe(-1);
    expect(zeroOrOne('1.000', true)).toBe(-1); // one thousand, written with a dot between groups
  });
});

describe('a column read as true/false reads 0 and 1 alike on import and on retype', () => {
  const texts = [...ONES, ...ZEROS, ...NEITHER.filter((t) => t !== '')];
  const cells = (c: Column) => Array.from({ length: texts.length }, (_, r) => formatCell(c, r));
  const expected = [...ONES.map(() => 'true'), ...ZEROS.map(() => 'false'), ...NEITHER.filter((t) => t !== '').map(() => '')];

  test('imported: a 0/1 column the user chose as true/false', async () => {
    const csv = `paid\n${texts.map((t) => (/[\s,]/.test(t) ? `"${t}"` : t)).join('\n')}\n`;
    const bytes = new TextEncoder().encode(csv);
    const inspection = inspectHead(bytes, { name: 'f.csv', size: bytes.length });
    if (!inspection.ok) throw new Error(inspection.problem);
    const { dialect, encoding, columns } = inspection.inspection;
    const outcome = await streamCsv(csv, 'f.csv', { dialect, encoding, columns: columns.map((c) => ({ ...c, kind: 'boolean' as const })), skipRagged: false });
    if (!outcome.ok) throw new Error(outcome.problem);
    expect(cells(outcome.table.columns[0]!)).toEqual(expected);
  });

  test('retyped: the same texts as labels, then as true/false', () => {
    const labels = columnFromStrings('paid', 'categorical', texts, { decimalComma: false });
    const { column, failures } = retypeColumn(labels, texts.length, 'boolean');
    expect(cells(column)).toEqual(expected);
    expect(failures?.count).toBe(NEITHER.length - 1);
  });

  test('retyped from numbers: 1 and 0 are true and false, with a decimal comma too', () => {
    const numbers = columnFromStrings('paid', 'numeric', ['1,0', '0,0', '2,5'], { decimalComma: true });
    const { column } = retypeColumn(numbers, 3, 'boolean', { decimalComma: true });
    expect([0, 1, 2].map((r) => formatCell(column, r))).toEqual(['true', 'false', '']);
  });
});
