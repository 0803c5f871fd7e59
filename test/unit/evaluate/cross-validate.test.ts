import { describe, expect, test } from 'vitest';
import { crossValidate, meanAndStd, type FitAndPredict } from '../../../src/evaluate/cross-validate';
import { datasetFrame, type Frame } from '../../../src/prepare/frame';
import { defaultRecipe, type Recipe } from '../../../src/prepare/recipe';
import { assignFolds } from '../../../src/prepare/folds';
import { foldBaseline, runMatrices } from '../../../src/workers/in-worker/run-matrices';
import { col, table } from '../prepare/tables';

const N = 40;
/** x = 0 … 39 with a wobble, but the test rows (every tenth) are far out; the class is b from x = 26 on. */
const xs = Array.from({ length: N }, (_, i) => (i % 10 === 9 ? 100 + i : i + (i % 3) * 0.4));
const frameOf = (x: readonly number[]) => datasetFrame(table(col('x', 'numeric', x.map(String)), col('y', 'categorical', xs.map((v) => (v >= 26 ? 'b' : 'a')))));
const parts = new Uint8Array(N).map((_, i) => (i % 10 === 9 ? 2 : 0)); // every tenth row is test
const folds = assignFolds(4, { rowCount: N }, 3, 'random');

/** A model of one line: class b when the (scaled) x is above 0. Sensitive to how x was scaled. */
const signModel: FitAndPredict = async (_train: Frame, held: Frame) => {
  const x = held.table.columns.find((c) => c.name === 'x')!;
  const y = held.table.columns.find((c) => c.name === 'y')!;
  const n = held.table.rowCount;
  const predictions = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) predictions[i * 2 + (x.values[i]! > 0 ? 1 : 0)] = 1;
  return { rows: held.rowIds, yTrue: Float32Array.from(y.values.subarray(0, n), (code) => (y.dictionary![code] === 'b' ? 1 : 0)), predictions, classes: ['a', 'b'] };
};

const withScaling = (): Recipe => ({ ...defaultRecipe(1, true), steps: [{ id: 's', kind: 'scale', enabled: true, params: { columns: ['x'], method: 'standard' } }] });
const run = (frame: Frame, recipe: Recipe) => crossValidate({ frame, parts, folds, k: 4, recipe, target: 'y', task: 'classification' }, signModel);

describe('cross-validation', () => {
  test('the pipeline is refitted inside every fold, on that fold’s training rows only', async () => {
    const result = await run(frameOf(xs), withScaling());
    expect(result.folds).toHaveLength(4);
    result.pipelines.forEach((fitted, fold) => {
      const training = xs.filter((_, i) => parts[i] !== 2 && folds[i] !== fold);
      const { center } = (fitted.steps[0]!.learned as { params: { center: number }[] }).params[0]!;
      expect(center).toBeCloseTo(training.reduce((a, b) => a + b, 0) / training.length, 10);
    });
    // Test rows are never held out, never trained on.
    const seen = result.outOfFold.flatMap((p) => Array.from(p.rows));
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: N }, (_, i) => i).filter((i) => parts[i] !== 2));
  });

  test('scaling with whole-data statistics (the leak) changes the fold scores', async () => {
    const proper = await run(frameOf(xs), withScaling());
    // The leak: x scaled once with the mean and std of every row, held-out and test rows included,
    // so the far-out test rows move every fold's zero point.
    const { mean, std } = meanAndStd(xs);
    const leaky = await run(frameOf(xs.map((x) => (x - mean) / std)), { ...withScaling(), steps: [] });
    expect(leaky.folds.map((f) => f.scores.accuracy)).not.toEqual(proper.folds.map((f) => f.scores.accuracy));
  });

  test('mean and sample standard deviation over folds', async () => {
    const result = await run(frameOf(xs), withScaling());
    const accuracies = result.folds.map((f) => f.scores.accuracy!);
    expect(result.mean.accuracy).toBeCloseTo(accuracies.reduce((a, b) => a + b, 0) / 4, 12);
    expect(meanAndStd([1, 2, 3, 4])).toEqual({ mean: 2.5, std: Math.sqrt(5 / 3) });
  });

  test('in time order, each fold trains on the blocks before it only and is scored on the next', async () => {
    const order = Float64Array.from(xs, (_, i) => N - i); // the latest rows first
    const timeParts = new Uint8Array(N);
    const blocks = assignFolds(4, { rowCount: N, order }, 3, 'ordered', timeParts);
    const result = await crossValidate({ frame: frameOf(xs), parts: timeParts, folds: blocks, k: 4, recipe: withScaling(), target: 'y', task: 'classification', forward: true }, signModel);
    expect(result.folds.map((f) => f.fold)).toEqual([1, 2, 3, 4]);
    result.pipelines.forEach((fitted, i) => {
      const training = xs.filter((_, r) => blocks[r]! <= i);
      const { center } = (fitted.steps[0]!.learned as { params: { center: number }[] }).params[0]!;
      expect(center).toBeCloseTo(training.reduce((a, b) => a + b, 0) / training.length, 10);
      // Scored on block i + 1, every row of it later in time than every training row.
      const scored = Array.from(result.outOfFold[i]!.rows);
      expect(scored.every((r) => blocks[r] === i + 1)).toBe(true);
      const trainedOn = xs.map((_, r) => r).filter((r) => blocks[r]! <= i);
      expect(Math.min(...scored.map((r) => order[r]!))).toBeGreaterThan(Math.max(...trainedOn.map((r) => order[r]!)));
    });
  });

  test('a baseline fold is fitted on the fold’s real training rows, not on the rows oversampling added', async () => {
    // Class a is every tenth row: 10 of 100, none of them test.
    const frame = datasetFrame(table(col('x', 'numeric', Array.from({ length: 100 }, (_, i) => String(i))), col('y', 'categorical', Array.from({ length: 100 }, (_, i) => (i % 10 === 0 ? 'a' : 'b')))));
    const none = new Uint8Array(100);
    const fiveFolds = assignFolds(5, { rowCount: 100 }, 3, 'random');
    const recipe: Recipe = { ...defaultRecipe(1, true), augment: { ...defaultRecipe(1, true).augment, method: 'oversample' } };
    const baselineModel: FitAndPredict = async (train, held, _fold, real) => {
      const m = runMatrices({ train, real }, held, null, 'y', 'classification');
      if (!m.ok) throw new Error(m.problem);
      expect(m.data.train.rows).toBeGreaterThan(m.data.real.rows); // the model would train on the added rows
      return foldBaseline(m.data);
    };
    const result = await crossValidate({ frame, parts: none, folds: fiveFolds, k: 5, recipe, target: 'y', task: 'classification' }, baselineModel);
    result.outOfFold.forEach((p, fold) => {
      const trainedOn = Array.from({ length: 100 }, (_, i) => i).filter((i) => fiveFolds[i] !== fold);
      const share = trainedOn.filter((i) => i % 10 === 0).length / trainedOn.length;
      expect(Array.from(p.predictions.subarray(0, 2))).toEqual([Math.fround(share), Math.fround(1 - share)]);
    });
    expect(result.mean.accuracy).toBeCloseTo(0.9, 12);
  });

  test('an augmentation that fails in one fold names the fold and says what to do', async () => {
    // Class b has 2 rows, one in each fold: each fold trains on one, and SMOTE needs two.
    const frame = datasetFrame(table(col('x', 'numeric', Array.from({ length: 20 }, (_, i) => String(i))), col('y', 'categorical', Array.from({ length: 20 }, (_, i) => (i < 2 ? 'b' : 'a')))));
    const classes = Int32Array.from({ length: 20 }, (_, i) => (i < 2 ? 1 : 0));
    const twoFolds = assignFolds(2, { rowCount: 20, classes }, 1, 'stratified');
    expect(twoFolds[0]).not.toBe(twoFolds[1]);
    const recipe: Recipe = { ...defaultRecipe(1, true), augment: { ...defaultRecipe(1, true).augment, method: 'smote', k: 1 } };
    await expect(crossValidate({ frame, parts: new Uint8Array(20), folds: twoFolds, k: 2, recipe, target: 'y', task: 'classification' }, signModel)).rejects.toThrow(
      /^Fold 1 \(its training rows\): Class "b" has 1 training row: SMOTE needs at least 2 to interpolate between\. Use random oversampling instead\. Each fold trains on fewer rows than the training part Prepare checked: choose fewer folds, or another augmentation\.$/,
    );
  });
});
