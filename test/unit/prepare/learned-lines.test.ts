/** Each step's preview says what its fit learned from the training rows, the very numbers it applies to other rows. */
import { describe, expect, test } from 'vitest';
import { defaultRecipe } from '../../../src/prepare/recipe';
import { labelList } from '../../../src/prepare/learned-lines';
import { stepDef, STEPS } from '../../../src/prepare/steps';
import { binLabels } from '../../../src/prepare/steps/bin';
import { prepareReport } from '../../../src/workers/in-worker/prepare-report';
import { fitOne } from './step-fixtures';
import { col, frameOf, table } from './tables';

/** The lines for one step fitted on the shared training frame (x: 1, 2, –, 4, 100, 2; y: 10, 20, 30, 40, 50, 20). */
function linesOf(kind: string, params: unknown) {
  const fitted = fitOne(kind, params).fitted.steps[0]!;
  return stepDef(kind)!.learnedLines?.(fitted.params, fitted.learned, (_c, v) => String(v));
}
const numbers = (text: string) => [...text.matchAll(/-?\d+(\.\d+)?/g)].map((m) => Number(m[0]));

describe('what a step learned, in its preview', () => {
  test('fill values: the training rows’ median, and for rows to predict, the median of the rows a drop keeps', () => {
    expect(linesOf('impute', { columns: ['x'], strategy: 'median' })).toEqual([{ column: 'x', learned: 'fills with 2, the training rows’ median value' }]);
    expect(linesOf('impute', { columns: ['colour'], strategy: 'most-frequent' })![0]!.learned).toMatch(/^fills with (red|blue), the training rows’ most frequent value$/);
    expect(linesOf('drop-missing', { columns: ['x'] })).toEqual([{ column: 'x', learned: 'training rows missing it are dropped; rows to predict get 2, the kept training rows’ median' }]);
  });

  test('scales: the mean and standard deviation over the n rows, the min and max, the median and IQR', () => {
    const y = [10, 20, 30, 40, 50, 20];
    const mean = y.reduce((a, b) => a + b, 0) / y.length;
    const std = Math.sqrt(y.reduce((a, b) => a + (b - mean) ** 2, 0) / y.length);
    const standard = linesOf('scale', { columns: ['y'], method: 'standard' })![0]!;
    expect(standard.learned).toMatch(/^mean \S+, std \S+$/);
    const [m, s] = numbers(standard.learned);
    expect(m).toBeCloseTo(mean, 10);
    expect(s).toBeCloseTo(std, 10);
    expect(linesOf('scale', { columns: ['y'], method: 'minmax' })![0]!.learned).toBe('min 10, max 50');
    // Quartiles interpolated as numpy's: 20 and 37.5 around the median 25.
    expect(linesOf('scale', { columns: ['y'], method: 'robust' })![0]!.learned).toBe('median 25, IQR 17.5');
  });

  test('outlier bounds: 1.5 IQR outside the quartiles of the present values', () => {
    // x present: 1, 2, 2, 4, 100: quartiles 2 and 4.
    expect(linesOf('outliers', { columns: ['x'], rule: 'iqr', action: 'remove' })![0]!.learned).toBe('bounds -1 and 7: training rows outside them are removed, rows to predict clipped and flagged');
    expect(linesOf('outliers', { columns: ['x'], rule: 'iqr', action: 'clip' })![0]!.learned).toBe('bounds -1 and 7: values outside them are clipped to them');
  });

  test('encodings name the categories seen in training; binning its ranges', () => {
    const oneHot = linesOf('one-hot', { column: 'colour', maxCategories: 20 })![0]!.learned;
    for (const c of ['red', 'blue', 'green']) expect(oneHot).toContain(`"${c}"`);
    expect(oneHot).not.toContain('other');
    expect(linesOf('one-hot', { column: 'colour', maxCategories: 2 })![0]!.learned).toMatch(/^a column for each of "(red|blue)", and "other" for the rest$/);
    expect(linesOf('ordinal', { column: 'colour', order: [] })).toEqual([{ column: 'colour', learned: '"blue", "green" and "red" become 0 to 2, in this order' }]);
    const fitted = fitOne('bin', { column: 'y', bins: 2, strategy: 'width' }).fitted.steps[0]!.learned as { edges: number[] };
    expect(linesOf('bin', { column: 'y', bins: 2, strategy: 'width' })![0]!.learned).toBe(`ranges ${binLabels(fitted.edges, true, true).join(', ')}`);
  });

  test('a change of type says the date order it learned; every step but the edit step says what it learned', () => {
    const frame = frameOf(col('when', 'categorical', ['03/01/2024', '25/02/2024', '04/05/2024']));
    const fitted = fitOne('cast', { column: 'when', to: 'datetime' }, frame).fitted.steps[0]!;
    expect(stepDef('cast')!.learnedLines!(fitted.params, fitted.learned, String)).toEqual([{ column: 'when', learned: 'dates read day first, as the training rows show them' }]);
    expect(linesOf('cast', { column: 'y', to: 'categorical' })).toEqual([]);
    expect(STEPS.filter((s) => !s.learnedLines).map((s) => s.kind)).toEqual(['edit-cells']);
  });

  test('a step that learns nothing says so; the edit step is not said', () => {
    expect(linesOf('log', { columns: ['y'], plusOne: true })).toEqual([]);
    expect(linesOf('derive', { name: 'r', expression: 'x / y' })).toEqual([]);
    expect(stepDef('edit-cells')!.learnedLines).toBeUndefined();
  });

  test('labelList quotes, joins with "and", and counts what it leaves out', () => {
    expect(labelList(['a'])).toBe('"a"');
    expect(labelList(['a', 'b', 'c'])).toBe('"a", "b" and "c"');
    expect(labelList(['a', 'b', 'c', 'd'], 2)).toBe('"a", "b" and 2 more');
  });
});

test('the report’s preview carries the lines, a date shown as a date', () => {
  const n = 20;
  const data = table(
    col('d', 'datetime', Array.from({ length: n }, (_, i) => (i % 5 === 0 ? '' : `2024-01-${String(i + 1).padStart(2, '0')}`))),
    col('y', 'numeric', Array.from({ length: n }, (_, i) => String(i))),
  );
  const recipe = { ...defaultRecipe(1, false), steps: [{ id: 'fill', kind: 'impute', enabled: true, params: { columns: ['d'], strategy: 'median', constant: '', indicator: false } }] };
  const report = prepareReport(data, { datasetId: 'd', recipe, target: 'y', task: 'regression', previewStepId: 'fill', scatter: null }, () => undefined);
  expect(report.preview?.learned).toEqual([{ column: 'd', learned: expect.stringMatching(/^fills with 2024-01-\d\d, the training rows’ median value$/) }]);
});
