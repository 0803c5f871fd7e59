/** Steps that transform a column's values: scaling, log, binning, derived columns, cast and rename, and casting text to dates. */
import { describe, expect, test } from 'vitest';
import { datasetFrame, newRowsFrame } from '../../../src/prepare/frame';
import { applyPipeline, fitPipeline, prepareParts } from '../../../src/prepare/pipeline';
import { fitOne, other, problemOf, spec } from './step-fixtures';
import { cells, col, frameOf, names, table } from './tables';

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
    expect(cells(fit.train, 'y')).toEqual(['< 30', '< 30', '≥ 30', '≥ 30', '≥ 30', '< 30']);
    expect(cells(applyPipeline(fit.fitted, other()), 'y')).toEqual(['< 30', '', '< 30']);
    const q = fitOne('bin', { column: 'y', bins: 2, strategy: 'quantile' });
    expect(q.fitted.steps[0]!.learned).toEqual({ edges: [10, 25, 50], openEnds: true, printed: true });
  });

  test('bin labels get as many digits as it takes to tell every edge apart', () => {
    const close = frameOf(col('x', 'numeric', ['1000.01', '1000.02', '1000.03', '1000.05', '1000.07', '1000.09']));
    const binned = fitOne('bin', { column: 'x', bins: 4, strategy: 'width' }, close);
    const labels = cells(binned.train, 'x');
    expect(new Set(labels).size).toBe(4);
    expect(labels[0]).toBe('< 1000.03');
    expect(labels[5]).toBe('≥ 1000.07');
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
