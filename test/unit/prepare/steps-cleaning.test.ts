/** Steps that clean the rows: filling gaps (impute), removing rows (drop-missing, dedupe, outliers, filter) and editing labels. */
import { describe, expect, test } from 'vitest';
import { newRowsFrame } from '../../../src/prepare/frame';
import { applyPipeline, fitPipeline } from '../../../src/prepare/pipeline';
import { duplicateRows } from '../../../src/prepare/steps/dedupe';
import { fitOne, other, problemOf, spec, train } from './step-fixtures';
import { cells, col, frameOf, snapshot, table } from './tables';

describe('impute', () => {
  test('mean, median and most frequent come from the training rows; the indicator marks what was filled', () => {
    const mean = fitOne('impute', { columns: ['x'], strategy: 'mean', indicator: true });
    expect(mean.fitted.steps[0]!.learned).toEqual({ fills: [21.8] });
    expect(cells(mean.train, 'x')).toEqual(['1', '2', '21.8', '4', '100', '2']);
    expect(cells(mean.train, 'x was missing')).toEqual(['false', 'false', 'true', 'false', 'false', 'false']);
    expect(fitOne('impute', { columns: ['x'], strategy: 'median' }).fitted.steps[0]!.learned).toEqual({ fills: [2] });
    expect(fitOne('impute', { columns: ['colour'], strategy: 'most-frequent' }).fitted.steps[0]!.learned).toEqual({ fills: ['blue'] }); // red and blue tie: the smallest, as scikit-learn
    const constant = fitOne('impute', { columns: ['colour'], strategy: 'constant', constant: 'unknown' });
    expect(cells(constant.train, 'colour')[3]).toBe('unknown');
  });

  test('an all-missing column, a mean of labels and a non-number constant are refused with a reason', () => {
    const empty = frameOf(col('x', 'numeric', ['', '']), col('c', 'categorical', ['a', 'b']));
    expect(problemOf('impute', { columns: ['x'], strategy: 'mean' }, empty)).toMatch(/"x" has no values in the training rows/);
    expect(problemOf('impute', { columns: ['colour'], strategy: 'mean' })).toMatch(/holds labels, which have no mean/);
    expect(problemOf('impute', { columns: ['x'], strategy: 'constant', constant: 'abc' })).toMatch(/must be a number/);
    expect(problemOf('impute', { columns: ['nope'], strategy: 'mean' })).toMatch(/no column "nope"/);
    expect(problemOf('impute', { columns: [], strategy: 'mean' })).toMatch(/Choose at least one column/);
  });
});

describe('row-removing steps', () => {
  test('drop-missing removes training rows, but fills and flags rows to predict', () => {
    const fit = fitOne('drop-missing', { columns: ['x'] });
    expect(cells(fit.train, 'x')).toEqual(['1', '2', '4', '100', '2']);
    expect(Array.from(fit.train.rowIds)).toEqual([0, 1, 3, 4, 5]);
    const applied = applyPipeline(fit.fitted, other());
    expect(cells(applied, 'x')).toEqual(['2', '3', '-50']);
    expect(Array.from(applied.flagged)).toEqual([1, 0, 0]);
  });

  test('drop-missing learns the fill for rows to predict from the training rows it keeps', () => {
    // Row 0 is dropped (b missing): its a = 1 must not pull the median of a down to 3.
    const f = frameOf(col('a', 'numeric', ['1', '', '3', '10']), col('b', 'numeric', ['', '2', '2', '4']), col('k', 'categorical', ['p', 'q', 'r', 'r']));
    const fit = fitOne('drop-missing', { columns: ['a', 'b', 'k'] }, f);
    expect(Array.from(fit.train.rowIds)).toEqual([2, 3]);
    expect(fit.fitted.steps[0]!.learned).toEqual({ fills: [6.5, 3, 'r'] });
    const applied = applyPipeline(fit.fitted, frameOf(col('a', 'numeric', ['', '4']), col('b', 'numeric', ['1', '']), col('k', 'categorical', ['', 'p'])));
    expect(cells(applied, 'a')).toEqual(['6.5', '4']);
    expect(cells(applied, 'b')).toEqual(['1', '3']);
    expect(cells(applied, 'k')).toEqual(['r', 'p']);
  });

  test('dedupe keeps the first of equal rows; missing equals missing; over chosen columns', () => {
    const f = frameOf(col('a', 'numeric', ['1', '1', '', '', '1']), col('b', 'categorical', ['p', 'p', 'q', 'q', 'r']));
    expect(Array.from(duplicateRows(f.table.columns, 5))).toEqual([0, 1, 0, 1, 0]);
    expect(Array.from(fitOne('dedupe', { columns: ['a'] }, f).train.rowIds)).toEqual([0, 2]);
    expect(Array.from(fitOne('dedupe', { columns: [] }, train()).train.rowIds)).toEqual([0, 1, 2, 3, 4]);
  });

  test('outliers: IQR bounds from training rows; removal in training, clip and flag elsewhere', () => {
    const fit = fitOne('outliers', { columns: ['x'], rule: 'iqr', action: 'remove' });
    // training x present: 1 2 4 100 2 → q1 2, q3 4, IQR 2 → [-1, 7]
    expect(fit.fitted.steps[0]!.learned).toEqual({ bounds: [[-1, 7]] });
    expect(cells(fit.train, 'x')).toEqual(['1', '2', '', '4', '2']);
    const applied = applyPipeline(fit.fitted, other());
    expect(cells(applied, 'x')).toEqual(['', '3', '-1']);
    expect(Array.from(applied.flagged)).toEqual([0, 0, 1]);
    const z = fitOne('outliers', { columns: ['y'], rule: 'zscore', factor: 1, action: 'clip' });
    expect(z.train.table.rowCount).toBe(6);
    expect(Number(cells(z.train, 'y')[4])).toBeCloseTo(28.33 + 13.44, 1);
  });

  test('outliers: rows to predict with a complete column read through scaling are clipped to the bounds and flagged; -0 stays -0 on a bound of 0', () => {
    const fitted = fitPipeline([spec('scale', { columns: ['y'], method: 'standard' }), spec('outliers', { columns: ['y'], rule: 'zscore', factor: 1, action: 'remove' })], train());
    if (!fitted.ok) throw new Error(fitted.problem);
    const { center, spread } = (fitted.fitted.steps[0]!.learned as { params: { center: number; spread: number }[] }).params[0]!;
    const [lo, hi] = (fitted.fitted.steps[1]!.learned as { bounds: [number, number][] }).bounds[0]!;
    const rows = frameOf(col('y', 'numeric', ['-100', '25', '1000', String(center)]));
    const applied = applyPipeline(fitted.fitted, rows);
    const scaled = [-100, 25, 1000, center].map((y) => (y - center) * (1 / spread));
    expect(cells(applied, 'y').map(Number)).toEqual(scaled.map((x) => Math.min(Math.max(x, lo), hi)));
    expect(Array.from(applied.flagged)).toEqual([1, 0, 1, 0]);
    // Bounds of exactly 0: a column of zeros, IQR 0.
    const zero = frameOf(col('z', 'numeric', ['-0', '0', '-1', '1']));
    const clipped = fitPipeline([spec('outliers', { columns: ['z'], rule: 'iqr', factor: 0, action: 'remove' })], frameOf(col('z', 'numeric', ['0', '0', '0', '0'])));
    if (!clipped.ok) throw new Error(clipped.problem);
    expect((clipped.fitted.steps[0]!.learned as { bounds: unknown }).bounds).toEqual([[0, 0]]);
    const out = applyPipeline(clipped.fitted, zero);
    expect(Object.is(out.table.columns[0]!.values[0], -0)).toBe(true);
    expect(Array.from(out.table.columns[0]!.values)).toEqual([-0, 0, 0, 0]);
    expect(Array.from(out.flagged)).toEqual([0, 0, 1, 1]);
  });

  test('filter keeps matching training rows and flags the others; bad comparisons are explained', () => {
    const fit = fitOne('filter', { condition: { column: 'colour', op: '==', value: 'red' } });
    expect(Array.from(fit.train.rowIds)).toEqual([0, 2]);
    expect(Array.from(applyPipeline(fit.fitted, other()).flagged)).toEqual([1, 0, 1]);
    expect(problemOf('filter', { condition: { column: 'colour', op: '<', value: 'red' } })).toMatch(/labels: use == or !=, not </);
    expect(problemOf('filter', { condition: { column: 'x', op: '>', value: 'ten' } })).toMatch(/compare it with a number/);
    expect(problemOf('filter', { condition: { column: 'x', op: '>', value: '1000' } })).toMatch(/would remove them all/);
  });
});

describe('label edits', () => {
  test('edit single cells by dataset row and relabel in bulk by a condition; the data itself is untouched', () => {
    const t = train();
    const before = snapshot(t);
    const fit = fitOne('edit-cells', { edits: [{ row: 3, column: 'colour', value: 'blue' }], bulk: [{ where: { column: 'x', op: '>', value: '50' }, column: 'colour', value: 'outlier' }] }, t);
    expect(cells(fit.train, 'colour')).toEqual(['red', 'blue', 'red', 'blue', 'outlier', 'blue']);
    expect(snapshot(t)).toBe(before);
  });

  test('edits follow rows through earlier row removal, and do not touch a new file', () => {
    const fit = fitPipeline([spec('drop-missing', { columns: ['x'] }), spec('edit-cells', { edits: [{ row: 4, column: 'y', value: '' }], bulk: [] })], train());
    if (!fit.ok) throw new Error(fit.problem);
    expect(cells(fit.train, 'y')).toEqual(['10', '20', '40', '', '20']);
    const fresh = newRowsFrame(table(...train().table.columns));
    expect(cells(applyPipeline(fit.fitted, fresh), 'y')[4]).toBe('50');
  });

  test('a value the column cannot hold is refused', () => {
    expect(problemOf('edit-cells', { edits: [{ row: 0, column: 'x', value: 'many' }], bulk: [] })).toMatch(/"many" is not one/);
  });
});
