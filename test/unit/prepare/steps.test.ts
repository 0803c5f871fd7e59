import { describe, expect, test } from 'vitest';
import { datasetFrame, dropOrFlag, newRowsFrame } from '../../../src/prepare/frame';
import { applyPipeline, fitPipeline, prepareParts } from '../../../src/prepare/pipeline';
import type { StepSpec } from '../../../src/prepare/step';
import { STEPS } from '../../../src/prepare/steps';
import { duplicateRows } from '../../../src/prepare/steps/dedupe';
import { cells, col, frameOf, names, snapshot, table } from './tables';

/** A training frame with numbers, a label column, a boolean and gaps in each. */
const train = () =>
  frameOf(
    col('x', 'numeric', ['1', '2', '', '4', '100', '2']),
    col('y', 'numeric', ['10', '20', '30', '40', '50', '20']),
    col('colour', 'categorical', ['red', 'blue', 'red', '', 'green', 'blue']),
    col('ok', 'boolean', ['true', 'false', 'true', 'true', '', 'false']),
  );
/** Other rows, with a value and a category training never saw. */
const other = () =>
  frameOf(
    col('x', 'numeric', ['', '3', '-50']),
    col('y', 'numeric', ['5', '', '1']),
    col('colour', 'categorical', ['purple', 'red', '']),
    col('ok', 'boolean', ['false', '', 'true']),
  );

const spec = (kind: string, params: unknown): StepSpec => ({ id: kind, kind, enabled: true, params });

/** One working spec per step kind, for the conformance checks every step must pass. */
const EXAMPLES: Record<string, unknown> = {
  'drop-columns': { columns: ['y'] },
  cast: { column: 'y', to: 'categorical' },
  impute: { columns: ['x', 'colour'], strategy: 'most-frequent', indicator: true },
  'drop-missing': { columns: ['x'] },
  dedupe: { columns: [] },
  outliers: { columns: ['x'], rule: 'iqr', action: 'remove' },
  filter: { condition: { column: 'y', op: '>', value: '10' } },
  rename: { column: 'x', to: 'ex' },
  'one-hot': { column: 'colour', maxCategories: 2 },
  ordinal: { column: 'colour', order: [] },
  scale: { columns: ['x', 'y'], method: 'standard' },
  log: { columns: ['y'], plusOne: true },
  bin: { column: 'y', bins: 2, strategy: 'width' },
  derive: { name: 'ratio', expression: 'x / y' },
  'edit-cells': { edits: [{ row: 1, column: 'colour', value: 'green' }], bulk: [] },
};

describe('every step', () => {
  test('has an example here', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(STEPS.map((s) => s.kind).sort());
  });

  for (const def of STEPS) {
    test(`${def.kind}: fits on training rows, transforms other rows, never mutates input, and its learned state survives JSON`, () => {
      const t = train();
      const o = other();
      const [before, otherBefore] = [snapshot(t), snapshot(o)];
      const fit = fitPipeline([spec(def.kind, EXAMPLES[def.kind])], t);
      if (!fit.ok) throw new Error(fit.problem);
      const roundTrip = JSON.parse(JSON.stringify(fit.fitted));
      expect(roundTrip).toEqual(fit.fitted);
      const applied = applyPipeline(roundTrip, o);
      expect(snapshot(t)).toBe(before);
      expect(snapshot(o)).toBe(otherBefore);
      // Rows to predict are never dropped.
      expect(applied.table.rowCount).toBe(3);
      expect(applied.rowIds).toEqual(o.rowIds);
      expect(def.explain.length).toBeGreaterThan(20);
    });

    test(`${def.kind}: a value missing in an untouched column stays missing`, () => {
      const fit = fitPipeline([spec(def.kind, EXAMPLES[def.kind])], train());
      if (!fit.ok) throw new Error(fit.problem);
      const applied = applyPipeline(fit.fitted, other());
      if (names(applied).includes('ok')) expect(cells(applied, 'ok')[1]).toBe('');
    });
  }
});

const fitOne = (kind: string, params: unknown, frame = train()) => {
  const fit = fitPipeline([spec(kind, params)], frame);
  if (!fit.ok) throw new Error(fit.problem);
  return fit;
};
const problemOf = (kind: string, params: unknown, frame = train()) => {
  const fit = fitPipeline([spec(kind, params)], frame);
  if (fit.ok) throw new Error('expected a problem');
  return fit.problem;
};

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

describe('encoders', () => {
  test('one-hot: the most frequent values, an other bucket for the rest and for unseen values, missing stays missing', () => {
    // At most 2 columns, "other" counted, as scikit-learn's max_categories: one value and "other".
    // red and blue tie on 2 rows: the later in sorted order stays, as scikit-learn; never by dictionary order (see the leakage test)
    const fit = fitOne('one-hot', { column: 'colour', maxCategories: 2 });
    expect(fit.fitted.steps[0]!.learned).toEqual({ categories: ['red'], other: true });
    expect(names(fit.train)).toEqual(['x', 'y', 'colour=red', 'colour=other', 'ok']);
    const applied = applyPipeline(fit.fitted, other());
    expect(cells(applied, 'colour=other')).toEqual(['true', 'false', '']);
    expect(cells(applied, 'colour=red')).toEqual(['false', 'true', '']);
    // Rows whose value went to "other" are not flagged: the column is there for them.
    expect(Array.from(applied.flagged)).toEqual([0, 0, 0]);
  });

  test('one-hot counts "other" among its columns, as scikit-learn: a, a, a, b, b, c, d with max_categories=2 gives a and other', () => {
    const f = frameOf(col('c', 'categorical', ['a', 'a', 'a', 'b', 'b', 'c', 'd']));
    expect(names(fitOne('one-hot', { column: 'c', maxCategories: 2 }, f).train)).toEqual(['c=a', 'c=other']);
    expect(names(fitOne('one-hot', { column: 'c', maxCategories: 3 }, f).train)).toEqual(['c=a', 'c=b', 'c=other']);
    // As many values as columns allowed: no "other".
    expect(names(fitOne('one-hot', { column: 'c', maxCategories: 4 }, f).train)).toEqual(['c=a', 'c=b', 'c=c', 'c=d']);
    // a, c and d tie on one row for the one place left beside b: d, last in sorted order, stays.
    const tie = frameOf(col('c', 'categorical', ['d', 'c', 'a', 'b', 'b', 'b']));
    expect(fitOne('one-hot', { column: 'c', maxCategories: 3 }, tie).fitted.steps[0]!.learned).toEqual({ categories: ['b', 'd'], other: true });
    expect(names(fitOne('one-hot', { column: 'c', maxCategories: 1 }, f).train)).toEqual(['c=other']);
  });

  test('one-hot without an "other" column: a value training never saw gives no column, and the row is flagged', () => {
    const fit = fitOne('one-hot', { column: 'colour', maxCategories: 20 });
    const applied = applyPipeline(fit.fitted, other());
    expect(names(applied).filter((n) => n.startsWith('colour='))).toEqual(['colour=blue', 'colour=red', 'colour=green']);
    expect(['blue', 'red', 'green'].map((c) => cells(applied, `colour=${c}`)[0])).toEqual(['false', 'false', 'false']);
    expect(Array.from(applied.flagged)).toEqual([1, 0, 0]);
    expect(fit.train.flagged.every((f) => f === 0)).toBe(true);
  });

  test('one-hot over 50,000 categories and of a numeric column is refused', () => {
    const many = Array.from({ length: 50_001 }, (_, i) => `id${i}`);
    expect(problemOf('one-hot', { column: 'c', maxCategories: 20 }, frameOf(col('c', 'categorical', many)))).toMatch(/50,001 different values/);
    expect(problemOf('one-hot', { column: 'x', maxCategories: 20 })).toMatch(/"x" is numeric/);
  });

  test('ordinal: alphabetical by default or in a given order; unseen values become missing and flagged; an incomplete order is refused', () => {
    const fit = fitOne('ordinal', { column: 'colour', order: [] });
    expect(cells(fit.train, 'colour')).toEqual(['2', '0', '2', '', '1', '0']);
    const applied = applyPipeline(fit.fitted, other());
    expect(cells(applied, 'colour')).toEqual(['', '2', '']);
    // The unseen "purple" is made missing, and said so; the row that was missing already is not flagged.
    expect(Array.from(applied.flagged)).toEqual([1, 0, 0]);
    expect(cells(fitOne('ordinal', { column: 'colour', order: ['red', 'green', 'blue'] }).train, 'colour')).toEqual(['0', '2', '0', '', '1', '2']);
    expect(problemOf('ordinal', { column: 'colour', order: ['red'] })).toMatch(/does not place "blue", "green"/);
  });
});

describe('scaling and transforms', () => {
  test('standard, min-max and robust scaling learn from training rows only', () => {
    const std = fitOne('scale', { columns: ['y'], method: 'standard' });
    const { center, spread } = (std.fitted.steps[0]!.learned as { params: { center: number; spread: number }[] }).params[0]!;
    expect(center).toBeCloseTo(28.3333, 3);
    expect(spread).toBeCloseTo(13.437, 3); // numpy.std([10,20,30,40,50,20])
    const minmax = fitOne('scale', { columns: ['y'], method: 'minmax' });
    expect(cells(minmax.train, 'y')).toEqual(['0', '0.25', '0.5', '0.75', '1', '0.25']);
    expect(cells(applyPipeline(minmax.fitted, other()), 'y')).toEqual(['-0.125', '', '-0.225']);
    const robust = fitOne('scale', { columns: ['y'], method: 'robust' });
    expect((robust.fitted.steps[0]!.learned as { params: unknown[] }).params[0]).toEqual({ center: 25, spread: 17.5 });
  });

  test('scaling a constant column is refused', () => {
    expect(problemOf('scale', { columns: ['k'], method: 'standard' }, frameOf(col('k', 'numeric', ['3', '3', '3'])))).toMatch(/same value in every training row/);
  });

  test('log(1 + x) and log(x); values outside the domain become missing and flagged when predicting', () => {
    const fit = fitOne('log', { columns: ['y'], plusOne: false });
    expect(Number(cells(fit.train, 'y')[0])).toBeCloseTo(Math.log(10));
    const applied = applyPipeline(fit.fitted, frameOf(col('y', 'numeric', ['-1', '1'])));
    expect(cells(applied, 'y')).toEqual(['', '0']);
    expect(Array.from(applied.flagged)).toEqual([1, 0]);
    expect(problemOf('log', { columns: ['x'], plusOne: false }, frameOf(col('x', 'numeric', ['0', '1'])))).toMatch(/values down to 0/);
  });

  test('binning by width and by quantile; values beyond the training range go to the end bins', () => {
    const fit = fitOne('bin', { column: 'y', bins: 2, strategy: 'width' });
    expect(cells(fit.train, 'y')).toEqual(['[10, 30)', '[10, 30)', '[30, 50]', '[30, 50]', '[30, 50]', '[10, 30)']);
    expect(cells(applyPipeline(fit.fitted, other()), 'y')).toEqual(['[10, 30)', '', '[10, 30)']);
    const q = fitOne('bin', { column: 'y', bins: 2, strategy: 'quantile' });
    expect(q.fitted.steps[0]!.learned).toEqual({ edges: [10, 25, 50] });
  });

  test('bin labels get as many digits as it takes to tell every edge apart', () => {
    const close = frameOf(col('x', 'numeric', ['1000.01', '1000.02', '1000.03', '1000.05', '1000.07', '1000.09']));
    const binned = fitOne('bin', { column: 'x', bins: 4, strategy: 'width' }, close);
    const labels = cells(binned.train, 'x');
    expect(new Set(labels).size).toBe(4);
    expect(labels[0]).toBe('[1000.01, 1000.03)');
    expect(labels[5]).toBe('[1000.07, 1000.09]');
    // One-hot then makes one column per bin, ordinal one number per bin.
    const encoded = fitPipeline([spec('bin', { column: 'x', bins: 4, strategy: 'width' }), { ...spec('one-hot', { column: 'x', maxCategories: 20 }), id: 'oh' }], close);
    if (!encoded.ok) throw new Error(encoded.problem);
    expect(names(encoded.train).filter((n) => n.startsWith('x='))).toHaveLength(4);
    // Four significant digits still, where they are enough.
    expect(cells(fitOne('bin', { column: 'x', bins: 3, strategy: 'width' }, frameOf(col('x', 'numeric', ['0', '1', '2', '3']))).train, 'x')[1]).toBe('[1, 2)');
  });

  test('derived column: computed per row; a division by zero in the training rows is refused', () => {
    const fit = fitOne('derive', { name: 'sum', expression: 'x + y * 2' });
    expect(cells(fit.train, 'sum')).toEqual(['21', '42', '', '84', '200', '42']);
    expect(problemOf('derive', { name: 'r', expression: 'y / (x - 2)' })).toMatch(/divides by zero in row 2/);
    expect(problemOf('derive', { name: 'r', expression: 'y / nope' })).toMatch(/no column "nope"/);
    expect(problemOf('derive', { name: 'x', expression: 'y' })).toMatch(/already a column "x"/);
  });

  test('cast reads a column as another type, rename renames and refuses a clash', () => {
    expect(fitOne('cast', { column: 'y', to: 'categorical' }).train.table.columns[1]!.kind).toBe('categorical');
    expect(names(fitOne('rename', { column: 'x', to: 'ex' }).train)[0]).toBe('ex');
    expect(problemOf('rename', { column: 'x', to: 'y' })).toMatch(/already a column "y"/);
  });
});

describe('cast to dates', () => {
  const day = (f: { table: { columns: { name: string; values: ArrayLike<number> }[] } }, name: string, row: number) => new Date(f.table.columns.find((c) => c.name === name)!.values[row]!).toISOString().slice(0, 10);

  test('the date order is learned from the training rows, kept as learned state, and used for every part', () => {
    // Training row 1, edited to 01/13/2024, proves month first; the test part's labels read either way.
    const data = table(col('d', 'categorical', ['03/04/2024', '01/02/2024', '03/04/2024', '03/04/2024']));
    const parts = Uint8Array.from([0, 0, 0, 2]);
    const steps = [
      { id: 'e', kind: 'edit-cells', enabled: true, params: { edits: [{ row: 1, column: 'd', value: '01/13/2024' }], bulk: [] } },
      { id: 'c', kind: 'cast', enabled: true, params: { column: 'd', to: 'datetime' } },
    ];
    const prepared = prepareParts(steps, datasetFrame(data), parts);
    if (!prepared.ok) throw new Error(prepared.problem);
    expect(prepared.fitted.steps[1]!.learned).toEqual({ dateOrder: 'mdy' });
    expect(JSON.parse(JSON.stringify(prepared.fitted))).toEqual(prepared.fitted);
    expect(day(prepared.frames.train, 'd', 0)).toBe('2024-03-04');
    expect(day(prepared.frames.test, 'd', 0)).toBe('2024-03-04');
  });

  test('labels only validation or test rows hold do not decide the order', () => {
    const data = table(col('d', 'categorical', ['03/04/2024', '05/06/2024', '12/25/2023']));
    const fit = fitPipeline([spec('cast', { column: 'd', to: 'datetime' })], frameOf(col('d', 'categorical', ['03/04/2024', '05/06/2024'])));
    if (!fit.ok) throw new Error(fit.problem);
    const learned = fit.fitted.steps[0]!.learned;
    const onPart = prepareParts([spec('cast', { column: 'd', to: 'datetime' })], datasetFrame(data), Uint8Array.from([0, 0, 2]));
    if (!onPart.ok) throw new Error(onPart.problem);
    // Only the test row's 12/25/2023 proves month first: training's rows read either way, so the usual day first is learned.
    expect(onPart.fitted.steps[0]!.learned).toEqual(learned);
    expect(learned).toEqual({ dateOrder: 'dmy' });
  });

  test('the same text reads as the same date in the training and test parts, whatever other labels prove', () => {
    // Training's labels read either way, so day first is learned; only the test part's 12/25/2023 reads month first.
    const data = table(col('d', 'categorical', ['03/04/2024', '05/06/2024', '03/04/2024', '12/25/2023']));
    const steps = [spec('cast', { column: 'd', to: 'datetime' })];
    const prepared = prepareParts(steps, datasetFrame(data), Uint8Array.from([0, 0, 2, 2]));
    if (!prepared.ok) throw new Error(prepared.problem);
    expect(prepared.fitted.steps[0]!.learned).toEqual({ dateOrder: 'dmy' });
    expect(cells(prepared.frames.train, 'd')).toEqual(['2024-04-03', '2024-06-05']);
    expect(cells(prepared.frames.test, 'd')).toEqual(['2024-04-03', '']);
    // New rows read by the fitted pipeline: the same again.
    const applied = applyPipeline(prepared.fitted, newRowsFrame(table(col('d', 'categorical', ['03/04/2024', '12/25/2023']))));
    expect(cells(applied, 'd')).toEqual(['2024-04-03', '']);
  });

  test('a cast that reads no text learns nothing', () => {
    expect(fitOne('cast', { column: 'y', to: 'categorical' }).fitted.steps[0]!.learned).toEqual({});
    expect(fitOne('cast', { column: 'ymd', to: 'datetime' }, frameOf(col('ymd', 'numeric', ['20240305', '20231225']))).fitted.steps[0]!.learned).toEqual({});
  });

  test('a type no training value can be read as is refused in the form, as on the Data page', () => {
    expect(problemOf('cast', { column: 'colour', to: 'numeric' })).toMatch(/^Column "colour" cannot be read as numbers: none of its .* in the training rows, so this step would leave it empty\.$/);
    // Years are not dates: refused, with the hint.
    expect(problemOf('cast', { column: 'year', to: 'datetime' }, frameOf(col('year', 'numeric', ['2023', '2024'])))).toMatch(/a year alone, like 2024, is best kept as a number/);
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

describe('pipeline', () => {
  test('steps fit in order on the output of the steps before; disabled steps are skipped', () => {
    const steps = [spec('impute', { columns: ['x'], strategy: 'median' }), { ...spec('drop-columns', { columns: ['y'] }), enabled: false }, spec('scale', { columns: ['x'], method: 'minmax' })];
    const fit = fitPipeline(steps, train());
    if (!fit.ok) throw new Error(fit.problem);
    expect(fit.fitted.steps.map((s) => s.kind)).toEqual(['impute', 'scale']);
    expect(cells(fit.train, 'x')).toEqual(['0', String(1 / 99), String(1 / 99), String(3 / 99), '1', String(1 / 99)]);
  });

  test('the first step that cannot apply is named, with its problem', () => {
    const fit = fitPipeline([spec('impute', { columns: ['x'], strategy: 'mean' }), { ...spec('scale', { columns: ['nope'], method: 'standard' }), id: 'bad' }], train());
    expect(fit).toEqual({ ok: false, stepId: 'bad', problem: 'There is no column "nope" at this point of the pipeline.' });
    expect(fitPipeline([spec('teleport', {})], train())).toMatchObject({ ok: false, problem: 'Looplab does not know a step called "teleport".' });
  });

  test('dropOrFlag never drops when applying', () => {
    const f = train();
    expect(dropOrFlag(f, new Uint8Array([1, 0, 0, 0, 0, 1]), 'apply').table.rowCount).toBe(6);
  });
});

describe('a number field cleared in a step form (null)', () => {
  test('is refused, naming the field by its label, never read as the default', () => {
    expect(problemOf('one-hot', { column: 'colour', maxCategories: null })).toMatch(/^One-hot encode: At most this many columns: enter a whole number from 1 to 1000\./);
    expect(problemOf('outliers', { columns: ['x'], rule: 'iqr', factor: null, action: 'remove' })).toMatch(/^Remove or clip outliers: Factor: enter a number, 0 or more \(0: the rule’s usual one\)\./);
    expect(problemOf('bin', { column: 'y', bins: null, strategy: 'width' })).toMatch(/^Bin into ranges: Bins: enter a whole number from 2 to 100\./);
  });

  test('a field an older recipe did not have still takes its default', () => {
    expect(fitOne('one-hot', { column: 'colour' }).fitted.steps[0]!.params).toEqual({ column: 'colour', maxCategories: 20 });
    expect(fitOne('outliers', { columns: ['x'], rule: 'iqr', action: 'clip' }).fitted.steps[0]!.params).toMatchObject({ factor: 0 });
  });
});
