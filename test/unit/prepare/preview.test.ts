import { describe, expect, test } from 'vitest';
import { profileColumn } from '../../../src/data/profile';
import { columnSummary, stepPreview } from '../../../src/prepare/preview';
import type { Frame } from '../../../src/prepare/frame';
import type { Column } from '../../../src/shared/column';
import { col, frameOf } from './tables';

const rowsOf = (frame: Frame, keep: number[], columns: Column[]): Frame => ({ ...frame, table: { rowCount: keep.length, columns }, rowIds: Uint32Array.from(keep, (i) => frame.rowIds[i]!), flagged: new Uint8Array(keep.length) });

describe('the step preview', () => {
  test('counts changed cells column by column, and samples removed and changed rows in row order', () => {
    const before = frameOf(col('x', 'numeric', ['1', '2', '3', '4', '']), col('c', 'categorical', ['a', 'b', 'a', 'b', 'a']));
    // Row 1 removed; x of row 3 changed and row 4's filled in; c as it was.
    const after = rowsOf(before, [0, 2, 3, 4], [col('x', 'numeric', ['1', '3', '40', '0']), col('c', 'categorical', ['a', 'a', 'b', 'a'])]);
    const preview = stepPreview(before, after, ['x']);
    expect(preview).toMatchObject({ rowsBefore: 5, rowsAfter: 4, cellsChanged: 2, added: [], removed: [], columns: ['x'] });
    expect(preview.sample).toEqual([
      { row: 1, change: 'removed', before: ['2'], after: null },
      { row: 3, change: 'changed', before: ['4'], after: ['40'] },
      { row: 4, change: 'changed', before: [''], after: ['0'] },
    ]);
  });

  test('sample numbers are shown to six significant digits, and a row whose change is past them still says changed', () => {
    const before = frameOf(col('x', 'numeric', ['0.1', '2', '1234567.891']), col('c', 'categorical', ['007', 'b', 'a']));
    const after = rowsOf(before, [0, 1, 2], [col('x', 'numeric', ['-0.4940454816964806', '2.0000000001', '1234567.891']), col('c', 'categorical', ['007', 'b', 'a']), col('new', 'numeric', ['1', '1', '1'])]);
    const preview = stepPreview(before, after, ['x', 'c']);
    expect(preview.sample).toEqual([
      { row: 0, change: 'changed', before: ['0.1', '007', null], after: ['-0.494045', '007', '1'] },
      { row: 1, change: 'changed', before: ['2', 'b', null], after: ['2', 'b', '1'] },
      { row: 2, change: 'added', before: ['1234568', 'a', null], after: ['1234568', 'a', '1'] },
    ]);
  });

  test('with a column added, the rows the step changed come first in the sample, before rows that only gained the column', () => {
    // A fill with a "was missing" column: 12 rows, only rows 9 and 11 filled.
    const x = Array.from({ length: 12 }, (_, i) => (i === 9 || i === 11 ? '' : String(i)));
    const before = frameOf(col('x', 'numeric', x));
    const filled = x.map((v) => (v === '' ? '5' : v));
    const after = rowsOf(before, x.map((_, i) => i), [col('x', 'numeric', filled), col('x was missing', 'boolean', x.map((v) => String(v === '')))]);
    const sample = stepPreview(before, after, ['x']).sample;
    expect(sample.map((r) => [r.row, r.change])).toEqual([[9, 'changed'], [11, 'changed'], [0, 'added'], [1, 'added'], [2, 'added'], [3, 'added'], [4, 'added'], [5, 'added']]);
    expect(sample[0]).toEqual({ row: 9, change: 'changed', before: ['', null], after: ['5', 'true'] });
  });

  test('rows removed by a step that names no column (duplicates over every column) are shown by their first columns', () => {
    const before = frameOf(col('x', 'numeric', ['1', '2', '1']), col('c', 'categorical', ['a', 'b', 'a']));
    const after = rowsOf(before, [0, 1], [col('x', 'numeric', ['1', '2']), col('c', 'categorical', ['a', 'b'])]);
    const preview = stepPreview(before, after, []);
    expect(preview.columns).toEqual(['x', 'c']);
    expect(preview.sample).toEqual([{ row: 2, change: 'removed', before: ['1', 'a'], after: null }]);
    // Shown to recognise the rows, not profiled: the step did not touch them.
    expect(preview.profiles).toEqual([]);
  });

  test('a column whose kind changed compares by its text: only cells that read differently count', () => {
    const before = frameOf(col('x', 'numeric', ['1', '2', '3']));
    const after = rowsOf(before, [0, 1, 2], [col('x', 'categorical', ['1', 'two', '3'])]);
    expect(stepPreview(before, after, ['x']).cellsChanged).toBe(1);
  });

  test('column summaries give the profile’s figures, to the bit: missing, distinct (-0 and 0 one value, a present NaN one more), min, max, mean, std', () => {
    const values = Float64Array.from({ length: 5000 }, (_, i) => (i % 7 === 0 ? -0 : i % 11 === 0 ? 0 : Math.round(Math.sin(i) * 300) / 4));
    values[17] = Number.NaN;
    const valid = new Uint8Array(625).fill(255);
    valid[3] = 0b11110000; // rows 24–27 missing
    const numeric: Column = { name: 'x', kind: 'numeric', values, valid };
    for (const column of [numeric, col('c', 'categorical', ['a', 'b', '', 'a']), col('one', 'numeric', ['5']), col('none', 'numeric', ['', ''])]) {
      const n = column.valid === valid ? 5000 : column.values.length;
      const profile = profileColumn(column, n);
      const summary = columnSummary(column, n);
      expect([summary.missing, summary.unique, summary.labels]).toEqual([profile.missing, profile.unique, profile.labels]);
      if (!profile.numeric) continue;
      const { min, max, mean, std } = profile.numeric;
      expect(summary.numeric).toEqual({ min, max, mean, std });
    }
  });
});
