import { describe, expect, test } from 'vitest';
import { defaultRecipe, type Recipe } from '../../../src/prepare/recipe';
import { runBaseline, runMatrices } from '../../../src/workers/in-worker/run-matrices';
import { prepareFrames } from '../../../src/workers/in-worker/prepare-report';
import { col, table } from '../prepare/tables';

const quiet = () => undefined;

/** 100 rows, class a 10 of them and b 90, split 80/20 by class: training a 8, b 72; validation a 2, b 18. */
const skewed = () => table(col('x', 'numeric', Array.from({ length: 100 }, (_, i) => String(i))), col('y', 'categorical', Array.from({ length: 100 }, (_, i) => (i % 10 === 0 ? 'a' : 'b'))));

function prepared(recipe: Recipe, data = skewed()) {
  const out = prepareFrames(data, { recipe, target: 'y', task: 'classification' }, quiet);
  if (!out.ok) throw new Error(out.problem);
  return out.frames;
}

describe('a run’s matrices and baseline', () => {
  test('the baseline is fitted on the real training rows, not on the rows oversampling added', () => {
    const recipe: Recipe = { ...defaultRecipe(1, true), split: { ...defaultRecipe(1, true).split, fractions: [0.8, 0.2, 0] } };
    const frames = prepared({ ...recipe, augment: { ...recipe.augment, method: 'oversample' } });
    expect(frames.added).toBe(64);
    const m = runMatrices(frames, frames.validation, frames.test, 'y', 'classification');
    if (!m.ok) throw new Error(m.problem);
    // The model trains on every row, the added ones too; the baseline only on the learner's own.
    expect([m.data.train.rows, m.data.real.rows]).toEqual([144, 80]);
    const baseline = runBaseline(m.data);
    expect(baseline.model).toEqual({ kind: 'prior', prior: [0.1, 0.9] });
    expect(baseline.validation.metric).toBeCloseTo(0.9, 12);
    expect(baseline.validation.loss).toBeCloseTo(-(0.9 * Math.log(0.9) + 0.1 * Math.log(0.1)), 6);
    expect(baseline.train.metric).toBeCloseTo(0.9, 12);
    // Without augmentation, the same baseline.
    const plain = runMatrices(prepared(recipe), frames.validation, frames.test, 'y', 'classification');
    if (!plain.ok) throw new Error(plain.problem);
    expect(runBaseline(plain.data).model).toEqual(baseline.model);
  });

  test('missing values that block training are counted in the real training rows, not in their noisy copies', () => {
    // 28 rows, all training; x is missing in 4 of them. Noise adds 10 copies of each, the gaps copied too.
    const data = table(col('x', 'numeric', Array.from({ length: 28 }, (_, i) => (i % 7 === 3 ? '' : String(i)))), col('y', 'categorical', Array.from({ length: 28 }, (_, i) => (i % 2 ? 'a' : 'b'))));
    const recipe = defaultRecipe(1, true);
    const frames = prepared({ ...recipe, split: { ...recipe.split, strategy: 'random', fractions: [1, 0, 0] }, augment: { ...recipe.augment, method: 'noise', count: 10 } }, data);
    expect(frames.added).toBe(280);
    const m = runMatrices(frames, frames.validation, frames.test, 'y', 'classification');
    expect(m).toEqual({ ok: false, problem: 'Column "x" has 4 missing values in the training rows: add a "Fill missing values" step for it in Prepare, or drop it.' });
  });

  test('rows with no target are counted per part, apart from rows of a class training never had, and none of them is scored', () => {
    // 40 rows; y is missing in every 8th (5 rows), wherever the split puts them.
    const data = table(col('x', 'numeric', Array.from({ length: 40 }, (_, i) => String(i))), col('y', 'categorical', Array.from({ length: 40 }, (_, i) => (i % 8 === 0 ? '' : i % 2 ? 'a' : 'b'))));
    const recipe: Recipe = { ...defaultRecipe(1, true), split: { ...defaultRecipe(1, true).split, strategy: 'random' } };
    const frames = prepared(recipe, data);
    const m = runMatrices(frames, frames.validation, frames.test, 'y', 'classification');
    if (!m.ok) throw new Error(m.problem);
    const { unlabelled } = m.data;
    const missingIn = (rowIds: Uint32Array) => Array.from(rowIds).filter((r) => r % 8 === 0).length;
    expect(unlabelled).toEqual({ train: missingIn(frames.real.rowIds), validation: missingIn(frames.validation.rowIds), test: missingIn(frames.test.rowIds) });
    expect(unlabelled.train + unlabelled.validation + unlabelled.test).toBe(5);
    expect(m.data.validation.rows + m.data.test.rows + m.data.real.rows).toBe(35);
  });
});
