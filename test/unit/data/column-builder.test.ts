import { describe, expect, test } from 'vitest';
import { columnFromStrings, createColumnBuilder } from '../../../src/data/column-builder';
import { bitmapBytes, countMissing, isValid, type Column } from '../../../src/shared/column';
import { CHUNK_ROWS, chunkedMissing, toColumn } from '../../../src/shared/chunked-column';

const plain = { decimalComma: false };
const validity = (column: Column, length: number) => Array.from({ length }, (_, i) => isValid(column.valid, i));

describe('each kind in its typed array', () => {
  test('numeric: Float64Array, missing slots hold 0 and are not valid', () => {
    const column = columnFromStrings('n', 'numeric', ['1.5', 'NA', '-2', '', '1,234', '0'], plain);
    expect(column).toMatchObject({ name: 'n', kind: 'numeric' });
    expect(column.values).toBeInstanceOf(Float64Array);
    expect(Array.from(column.values)).toEqual([1.5, 0, -2, 0, 1234, 0]);
    expect(validity(column, 6)).toEqual([true, false, true, false, true, true]);
    expect(column.dictionary).toBeUndefined();
  });

  test('numeric with a decimal comma', () => {
    const column = columnFromStrings('n', 'numeric', ['1.234,5', '0,25'], { decimalComma: true });
    expect(Array.from(column.values)).toEqual([1234.5, 0.25]);
  });

  test('a cell reading NaN is missing; a real 0 is not', () => {
    const column = columnFromStrings('n', 'numeric', ['NaN', '0', 'nan'], plain);
    expect(Array.from(column.values)).toEqual([0, 0, 0]);
    expect(validity(column, 3)).toEqual([false, true, false]);
    expect(countMissing(column.valid, 3)).toBe(2);
  });

  test('boolean: Uint8Array of 0 and 1', () => {
    const column = columnFromStrings('b', 'boolean', ['yes', 'no', 'NA', 'TRUE', 'f'], plain);
    expect(column.values).toBeInstanceOf(Uint8Array);
    expect(Array.from(column.values)).toEqual([1, 0, 0, 1, 0]);
    expect(validity(column, 5)).toEqual([true, true, false, true, true]);
    // Chosen as true/false in the preview, a 0/1 column keeps its values.
    const bits = columnFromStrings('paid', 'boolean', ['1', '0', ' 1 ', 'NA'], plain);
    expect(Array.from(bits.values)).toEqual([1, 0, 1, 0]);
    expect(validity(bits, 4)).toEqual([true, true, true, false]);
  });

  test('datetime: epoch milliseconds in the given order', () => {
    const dmy = columnFromStrings('d', 'datetime', ['05/03/2024', '2024-03-05T12:00Z', 'N/A'], { decimalComma: false, dateOrder: 'dmy' });
    expect(dmy.values).toBeInstanceOf(Float64Array);
    expect(Array.from(dmy.values)).toEqual([Date.UTC(2024, 2, 5), Date.UTC(2024, 2, 5, 12), 0]);
    expect(validity(dmy, 3)).toEqual([true, true, false]);
    const mdy = columnFromStrings('d', 'datetime', ['05/03/2024'], { decimalComma: false, dateOrder: 'mdy' });
    expect(mdy.values[0]).toBe(Date.UTC(2024, 4, 3));
  });

  test.each(['categorical', 'text', 'identifier'] as const)('%s: Uint32Array codes into a first-seen dictionary', (kind) => {
    const column = columnFromStrings('c', kind, ['b', 'a', ' b', '', 'a', 'c', '?', 'B'], plain);
    expect(column.values).toBeInstanceOf(Uint32Array);
    // Spaces around a label are not part of it; case is.
    expect(column.dictionary).toEqual(['b', 'a', 'c', 'B']);
    expect(Array.from(column.values)).toEqual([0, 1, 0, 0, 1, 2, 0, 3]);
    expect(validity(column, 8)).toEqual([true, true, true, false, true, true, false, true]);
  });

  test('labels that are also Object.prototype names are ordinary labels', () => {
    const column = columnFromStrings('c', 'categorical', ['__proto__', 'constructor', '__proto__', 'toString'], plain);
    expect(column.dictionary).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Array.from(column.values)).toEqual([0, 1, 0, 2]);
  });
});

describe('failures', () => {
  test('cells that do not parse are missing and counted, with the first one located', () => {
    const b = createColumnBuilder('age', 'numeric', plain);
    for (const cell of ['31', 'NA', 'unknown', '40', 'n/k', 'old']) b.push(cell);
    expect(b.failures).toEqual({ count: 3, firstRow: 2, firstValue: 'unknown' });
    const column = b.finish();
    expect(validity(column, 6)).toEqual([true, false, false, true, false, false]);
    expect(column.values[2]).toBe(0);
  });

  test('missing cells are not failures', () => {
    const b = createColumnBuilder('n', 'numeric', plain);
    for (const cell of ['1', 'NA', '', '-', 'null']) b.push(cell);
    expect(b.failures).toBeNull();
  });

  test.each([
    ['boolean', 'maybe'],
    ['boolean', '2'],
    ['datetime', '2023-02-29'],
    ['numeric', '12abc'],
  ] as const)('%s: %s is a failure', (kind, cell) => {
    const b = createColumnBuilder('x', kind, plain);
    b.push('NA');
    b.push(cell);
    expect(b.failures).toEqual({ count: 1, firstRow: 1, firstValue: cell });
  });

  test('label kinds never fail', () => {
    const b = createColumnBuilder('x', 'categorical', plain);
    for (const cell of ['12abc', '', 'anything at all']) b.push(cell);
    expect(b.failures).toBeNull();
  });

  test('a long first failure is cut to 100 characters, never through an emoji', () => {
    const long = 'x'.repeat(500);
    const b = createColumnBuilder('n', 'numeric', plain);
    b.push(long);
    expect(b.failures!.firstValue).toBe(`${'x'.repeat(99)}…`);
    expect(b.failures!.firstValue).toHaveLength(100);
    const exactly = createColumnBuilder('n', 'numeric', plain);
    exactly.push('y'.repeat(100));
    expect(exactly.failures!.firstValue).toBe('y'.repeat(100));
    const emoji = createColumnBuilder('n', 'numeric', plain);
    // The 99th and 100th units are one emoji: keeping 99 units would split it.
    emoji.push(`${'z'.repeat(98)}😀${'z'.repeat(50)}`);
    expect(emoji.failures!.firstValue).toBe(`${'z'.repeat(98)}…`);
    const whole = createColumnBuilder('n', 'numeric', plain);
    whole.push(`${'z'.repeat(97)}😀${'z'.repeat(50)}`);
    expect(whole.failures!.firstValue).toBe(`${'z'.repeat(97)}😀…`);
  });
});

describe('chunks and finish', () => {
  const n = CHUNK_ROWS * 2 + 1000;

  test('fills chunk after chunk, keeping every value and validity bit', () => {
    const b = createColumnBuilder('n', 'numeric', plain);
    for (let i = 0; i < n; i++) b.push(i % 10 === 3 ? 'NA' : String(i));
    expect(b.length).toBe(n);
    const column = b.finish();
    expect(column.values).toHaveLength(n);
    expect(column.valid).toHaveLength(bitmapBytes(n));
    for (let i = 0; i < n; i++) {
      if (isValid(column.valid, i) !== (i % 10 !== 3)) throw new Error(`validity of row ${i}`);
      if (column.values[i] !== (i % 10 === 3 ? 0 : i)) throw new Error(`value of row ${i}`);
    }
  });

  test('finishChunked hands over storage-sized chunks holding the same rows', () => {
    const b = createColumnBuilder('c', 'categorical', plain);
    for (let i = 0; i < n; i++) b.push(i % 11 === 0 ? '' : `k${i % 7}`);
    const chunked = b.finishChunked();
    expect(chunked.length).toBe(n);
    expect(chunked.chunks).toHaveLength(3);
    expect(chunked.chunks.every((c) => c.length === CHUNK_ROWS)).toBe(true);
    expect(chunked.valid.every((v) => v.length === CHUNK_ROWS / 8)).toBe(true);
    expect(chunked.dictionary).toEqual(['k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k0']);
    const column = toColumn(chunked);
    expect(column.values[n - 1]).toBe(chunked.dictionary!.indexOf(`k${(n - 1) % 7}`));
    expect(countMissing(column.valid, n)).toBe(Math.ceil(n / 11));
    expect(chunkedMissing(chunked)).toBe(Math.ceil(n / 11));
  });

  test.each([0, 1, 7, 8, 9, 1023, 1024, 1025, 5000])('finish trims to exactly %i values and their bitmap', (n) => {
    for (const kind of ['numeric', 'boolean', 'categorical'] as const) {
      const b = createColumnBuilder('x', kind, plain);
      for (let i = 0; i < n; i++) b.push(kind === 'boolean' ? 'yes' : String(i));
      const column = b.finish();
      expect(column.values.length, kind).toBe(n);
      expect(column.valid.length, kind).toBe(bitmapBytes(n));
      expect(countMissing(column.valid, n), kind).toBe(0);
    }
  });

  test('no bit is set past the last row', () => {
    const column = columnFromStrings('n', 'numeric', ['1', '2', '3'], plain);
    expect(column.valid[0]).toBe(0b111);
  });

  test('the length counts pushes', () => {
    const b = createColumnBuilder('n', 'numeric', plain);
    expect(b.length).toBe(0);
    expect(b.failures).toBeNull();
    for (let i = 0; i < 3000; i++) b.push('1');
    expect(b.length).toBe(3000);
    expect(b.finish().values).toHaveLength(3000);
  });
});
