import { describe, expect, test } from 'vitest';
import { defaultRecipe, type Recipe } from '../../../src/prepare/recipe';
import { prepareDataset, prepareReport, splitRows } from '../../../src/workers/in-worker/prepare-report';
import { col, table } from './tables';

const N = 40;
const data = () =>
  table(
    col('x', 'numeric', Array.from({ length: N }, (_, i) => (i % 7 === 0 ? '' : String(i)))),
    col('group', 'categorical', Array.from({ length: N }, (_, i) => `g${i % 8}`)),
    col('y', 'categorical', Array.from({ length: N }, (_, i) => (i < 30 ? 'a' : 'b'))),
  );
const recipe = (patch: Partial<Recipe> = {}): Recipe => ({ ...defaultRecipe(3, true), ...patch });
const request = (r: Recipe, previewStepId: string | null = null) => ({ datasetId: 'd', recipe: r, target: 'y', task: 'classification' as const, previewStepId, scatter: null });
const quiet = () => undefined;

describe('the Prepare report', () => {
  test('the split reports each part’s rows and classes', () => {
    const report = prepareReport(data(), request(recipe()), quiet);
    expect(report.split).toEqual({
      ok: true,
      parts: [
        { part: 'train', rows: 28, classes: [{ label: 'a', count: 21 }, { label: 'b', count: 7 }] },
        // Per class: a 30 → 21 / round(4.5) = 5 / 4; b 10 → 7 / round(1.5) = 2 / 1.
        { part: 'validation', rows: 7, classes: [{ label: 'a', count: 5 }, { label: 'b', count: 2 }] },
        { part: 'test', rows: 5, classes: [{ label: 'a', count: 4 }, { label: 'b', count: 1 }] },
      ],
    });
  });

  test('a grouped split without a group column, or a stratified one without a target, says what to choose', () => {
    expect(splitRows(data(), { ...recipe().split, strategy: 'grouped' }, 'y', true)).toMatchObject({ ok: false, problem: expect.stringMatching(/^Choose the column/) });
    expect(splitRows(data(), recipe().split, null, false)).toMatchObject({ ok: false, problem: expect.stringMatching(/needs a classification target/) });
    const grouped = splitRows(data(), { ...recipe().split, strategy: 'grouped', groupColumn: 'group' }, 'y', true);
    expect(grouped.ok).toBe(true);
  });

  test('without the class balance the parts are the same, the classes are not read for a random split, and still are for a stratified one', () => {
    for (const strategy of ['random', 'stratified'] as const) {
      const settings = { ...recipe().split, strategy };
      const full = splitRows(data(), settings, 'y', true);
      const lean = splitRows(data(), settings, 'y', true, false);
      if (!full.ok || !lean.ok) throw new Error('the split failed');
      expect(Array.from(lean.parts)).toEqual(Array.from(full.parts));
      expect(lean.report.map((p) => p.rows)).toEqual(full.report.map((p) => p.rows));
      expect(lean.report.every((p) => p.classes === null)).toBe(strategy === 'random');
      expect(lean.inputs.classes === undefined).toBe(strategy === 'random');
    }
  });

  test('steps are fitted in order; the first that cannot apply is named and the rest not reached', () => {
    const steps = [
      { id: 'a', kind: 'impute', enabled: true, params: { columns: ['x'], strategy: 'median' } },
      { id: 'off', kind: 'drop-columns', enabled: false, params: { columns: ['group'] } },
      { id: 'b', kind: 'scale', enabled: true, params: { columns: ['group'], method: 'standard' } },
      { id: 'c', kind: 'log', enabled: true, params: { columns: ['x'] } },
    ];
    const report = prepareReport(data(), request(recipe({ steps }), 'a'), quiet);
    expect(report.steps.map((s) => s.state)).toEqual(['fitted', 'disabled', 'problem', 'not-reached']);
    expect(report.steps[2]!.problem).toBe('Column "group" is categorical, not numeric: change its type first, or encode it.');
    expect(report.preview).toMatchObject({ rowsBefore: 28, rowsAfter: 28, columns: ['x'] });
    expect(report.preview!.cellsChanged).toBeGreaterThan(0);
    expect(report.columns).toEqual([]);
  });

  test('augmentation reports class balance and real against generated points', () => {
    const report = prepareReport(data(), request(recipe({ augment: { ...recipe().augment, method: 'oversample' } })), quiet);
    expect(report.augment).toMatchObject({ ok: true, added: 14, before: [{ label: 'a', count: 21 }, { label: 'b', count: 7 }], after: [{ label: 'a', count: 21 }, { label: 'b', count: 21 }] });
  });

  test('prepareDataset fits on training rows and applies to the rest, with timings per phase', () => {
    const steps = [{ id: 'drop', kind: 'drop-missing', enabled: true, params: { columns: ['x'] } }];
    const result = prepareDataset(data(), { recipe: recipe({ steps }), target: 'y', task: 'classification' }, quiet);
    if (!result.ok) throw new Error(result.problem);
    expect(result.summary.rows.validation + result.summary.rows.test).toBe(12); // never dropped outside training
    expect(result.summary.rows.train).toBeLessThan(28);
    expect(result.summary.timings.map((t) => t.phase)).toEqual(['split', 'drop', 'gather training rows', 'gather validation and test rows']);
  });
});
