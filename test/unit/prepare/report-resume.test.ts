import { beforeEach, describe, expect, test } from 'vitest';
import { defaultRecipe, type Recipe } from '../../../src/prepare/recipe';
import type { StepSpec } from '../../../src/prepare/step';
import { forgetFits } from '../../../src/workers/in-worker/kept-fits';
import { prepareReport } from '../../../src/workers/in-worker/prepare-report';
import type { PrepareReport } from '../../../src/workers/prepare-protocol';
import { col, table } from './tables';

const N = 400;
// Missing values, a category, duplicate rows (every 9th repeats the one before) and outliers.
const src = (i: number) => (i % 9 === 0 && i > 0 ? i - 1 : i);
const data = table(
  col('a', 'numeric', Array.from({ length: N }, (_, i) => (i % 11 === 0 ? '' : String(i === 5 ? 5000 : src(i))))),
  col('b', 'numeric', Array.from({ length: N }, (_, i) => String((src(i) * 7) % 31))),
  col('colour', 'categorical', Array.from({ length: N }, (_, i) => ['red', 'green', 'blue', 'pink'][src(i) % 4]!)),
  col('y', 'categorical', Array.from({ length: N }, (_, i) => (src(i) % 3 === 0 ? 'yes' : 'no'))),
);
const step = (id: string, kind: string, params: Record<string, unknown>, enabled = true): StepSpec => ({ id, kind, enabled, params });
const base: StepSpec[] = [
  step('impute', 'impute', { columns: ['a'], strategy: 'median' }),
  step('one-hot', 'one-hot', { column: 'colour', maxCategories: 10 }),
  step('scale', 'scale', { columns: ['a', 'b'], method: 'standard' }),
  step('outliers', 'outliers', { columns: ['a', 'b'], rule: 'zscore', factor: 2, action: 'remove' }),
  step('dedupe', 'dedupe', { columns: [] }),
  step('derive', 'derive', { name: 'ab', expression: 'a * b + 1' }),
];
const recipe = (steps: StepSpec[], seed = 3): Recipe => ({ ...defaultRecipe(seed, true), steps, split: { ...defaultRecipe(seed, true).split, strategy: 'random', seed } });
const report = (r: Recipe, previewStepId: string | null = null) =>
  prepareReport(data, { datasetId: 'd', recipe: r, target: 'y', task: 'classification', previewStepId, scatter: null }, () => undefined);
/** A report as fitting every step from the start gives it. */
const cold = (r: Recipe, previewStepId: string | null = null) => {
  forgetFits();
  return report(r, previewStepId);
};
const figures = ({ seconds: _s, reusedSteps: _r, ...rest }: PrepareReport) => rest;
const changed = (id: string, params: Record<string, unknown>) => base.map((s) => (s.id === id ? { ...s, params: { ...(s.params as Record<string, unknown>), ...params } } : s));

describe('a report carries on from the last report’s fit of the same rows', () => {
  beforeEach(forgetFits);

  test('each report of an editing session is the report fitting every step gives, and reuses the steps before the first change', () => {
    // [recipe, step previewed, steps reused]. Scale and outliers over the same columns are fitted together, column by column: one checkpoint after both.
    const session: [Recipe, string | null, number][] = [
      [recipe(base), 'scale', 0],
      [recipe(base), 'dedupe', 6], // another step previewed: nothing is fitted again
      [recipe(base), 'outliers', 6], // its columns before are scale's after
      [recipe(base), 'scale', 6], // previewed before: the same preview
      [recipe(changed('derive', { expression: 'a - b' })), 'derive', 5],
      [recipe(changed('one-hot', { maxCategories: 3 })), 'one-hot', 1],
      [recipe([...changed('one-hot', { maxCategories: 3 }), step('filter', 'filter', { condition: { column: 'b', op: '>', value: '0' } })]), 'filter', 6],
      [recipe(base.map((s) => (s.id === 'outliers' ? { ...s, enabled: false } : s))), 'dedupe', 1], // one-hot as it was before
      // Outliers on again: scale, fitted alone last time, is reused, and outliers carries on from it.
      [recipe(base), 'outliers', 3],
      [recipe(base, 4), 'scale', 0], // another seed: other training rows
      [recipe(base, 4), null, 6],
      // A step that cannot apply at the end: the steps before it are reused, and it is reported as fitting from the start reports it.
      [recipe([...base, step('bad', 'derive', { name: 'c', expression: 'nope + 1' })], 4), null, 0],
      [recipe(base, 4), 'derive', 6],
    ];
    for (const [r, preview, reused] of session) {
      const warm = report(r, preview);
      expect([r.steps.length, preview, warm.reusedSteps]).toEqual([r.steps.length, preview, reused]);
      const fresh = cold(r, preview);
      expect(figures(warm)).toEqual(figures(fresh));
      // cold() forgot the session's fits: fit again, warm, so the next recipe carries on from this one's.
      report(r, preview);
    }
  });

  test('a report of other rows (a changed label) fits every step again', () => {
    report(recipe(base));
    const edit = step('edit', 'edit-cells', { edits: [{ row: 0, column: 'b', value: '30' }] });
    const edited = report(recipe([edit, ...base]));
    expect(edited.reusedSteps).toBe(0);
    expect(figures(edited)).toEqual(figures(cold(recipe([edit, ...base]))));
  });
});
