/** The models and the training loop, on TF.js's CPU backend in Node. */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { columnFromStrings } from '../../../src/data/column-builder';
import { datasetFrame } from '../../../src/prepare/frame';
import { prepareParts } from '../../../src/prepare/pipeline';
import { assignParts } from '../../../src/prepare/split';
import { fitBaseline, scoreBaseline } from '../../../src/train/baseline';
import { buildModel } from '../../../src/train/build-model';
import { captureModel, restoreModel } from '../../../src/train/model-io';
import { normalizeTrainSpec, type TrainSpec } from '../../../src/train/model-spec';
import { trainLoop, type EpochRecord } from '../../../src/train/train-loop';
import { layoutOf, toMatrices, type Matrices } from '../../../src/train/training-data';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const quiet = { request: () => 'continue' as const, onEpoch: () => undefined };

function irisParts() {
  const lines = readFileSync(join(import.meta.dirname, '../../../public/samples/iris.csv'), 'utf8').trim().split('\n');
  const header = lines[0]!.split(',');
  const rows = lines.slice(1).map((l) => l.split(','));
  const columns = header.map((name, j) => columnFromStrings(name, j === header.length - 1 ? 'categorical' : 'numeric', rows.map((r) => r[j]!), { decimalComma: false }));
  const frame = datasetFrame({ rowCount: rows.length, columns });
  const target = header.at(-1)!;
  const classes = Int32Array.from(rows, (r) => ['setosa', 'versicolor', 'virginica'].findIndex((s) => r.at(-1)!.includes(s)));
  const parts = assignParts({ strategy: 'stratified', fractions: [0.7, 0.3, 0], seed: 4 }, { rowCount: rows.length, classes });
  const numeric = header.slice(0, -1);
  const prepared = prepareParts([{ id: 's', kind: 'scale', enabled: true, params: { columns: numeric, method: 'standard' } }], frame, parts);
  if (!prepared.ok) throw new Error(prepared.problem);
  const layout = layoutOf(prepared.frames.train, target, 'classification');
  if (!layout.ok) throw new Error(layout.problem);
  return {
    layout: layout.layout,
    train: toMatrices(prepared.frames.train, layout.layout, target).matrices,
    validation: toMatrices(prepared.frames.validation, layout.layout, target).matrices,
  };
}

async function fit(spec: TrainSpec, train: Matrices, validation: Matrices | null, classes: string[] | null, features: number) {
  const model = buildModel(spec, features, classes);
  const outcome = await trainLoop({ model, spec, classCount: classes ? classes.length : null, train, validation, features }, quiet);
  return { model, outcome };
}

function accuracy(model: ReturnType<typeof buildModel>, m: Matrices, features: number): number {
  return tf.tidy(() => {
    const logits = model.predict(tf.tensor2d(m.x, [m.rows, features])) as tf.Tensor;
    const predicted = tf.argMax(logits, 1).dataSync();
    return predicted.filter((p, i) => p === m.y[i]).length / m.rows;
  });
}

describe('models', () => {
  test('multinomial logistic regression reaches ≥ 0.9 accuracy on iris with a fixed seed', async () => {
    const { layout, train, validation } = irisParts();
    const spec = normalizeTrainSpec({ model: 'linear', learningRate: 0.05, epochs: 60, batchSize: 16, patience: 0, seed: 7 });
    const { model, outcome } = await fit(spec, train, validation, layout.classes, layout.features.length);
    expect(layout.classes).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(outcome.ending).toBe('completed');
    expect(accuracy(model, validation, 4)).toBeGreaterThanOrEqual(0.9);
    expect(outcome.history.at(-1)!.valMetric).toBeGreaterThanOrEqual(0.9);
    expect(outcome.history.at(-1)!.loss).toBeLessThan(outcome.history[0]!.loss);
  });

  // 150 epochs of 13 steps at 0.05 could move a slope learnt in the target's units about 100: the target is learnt standardised (target-scale.ts).
  test.each([
    [3, -2, 1],
    [500, -300, 1000],
  ])('linear regression recovers known coefficients, %d and %d, intercept %d, whatever the target’s units', async (ka, kb, intercept) => {
    const n = 400;
    const x = new Float32Array(n * 2);
    const y = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const a = Math.sin(i * 1.7);
      const b = Math.cos(i * 0.37);
      x.set([a, b], i * 2);
      y[i] = ka * a + kb * b + intercept;
    }
    const spec = normalizeTrainSpec({ model: 'linear', learningRate: 0.05, epochs: 150, batchSize: 32, patience: 0, seed: 1 });
    const { model } = await fit(spec, { rows: n, x, y }, null, null, 2);
    const [kernel, bias] = model.getWeights().map((w) => Array.from(w.dataSync()));
    const digits = 2 - Math.floor(Math.log10(Math.abs(ka)));
    expect(kernel![0]).toBeCloseTo(ka, digits);
    expect(kernel![1]).toBeCloseTo(kb, digits);
    expect(bias![0]).toBeCloseTo(intercept, digits);
  });

  test('an MLP with batch normalisation and dropout learns a non-linear boundary', async () => {
    const n = 600;
    const x = new Float32Array(n * 2);
    const y = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const a = Math.sin(i * 12.9898) * 2;
      const b = Math.cos(i * 78.233) * 2;
      x.set([a, b], i * 2);
      y[i] = a * a + b * b < 2 ? 1 : 0; // a disc: no straight line separates it
    }
    const layers = [{ units: 32, activation: 'relu', dropout: 0.1, batchNorm: true }, { units: 16, activation: 'tanh' }];
    const spec = normalizeTrainSpec({ model: 'mlp', layers, learningRate: 0.01, epochs: 40, batchSize: 32, patience: 0, seed: 3 });
    const { outcome } = await fit(spec, { rows: n, x, y }, null, ['in', 'out'], 2);
    expect(outcome.history.at(-1)!.metric).toBeGreaterThan(0.9);
    // 40 taped epochs take about 4 s alone on CPU: more under a loaded machine.
  }, 30_000);
});

describe('the training loop', () => {
  test('early stopping stops after `patience` epochs without improvement and restores the best epoch', async () => {
    const n = 200;
    const x = Float32Array.from({ length: n }, (_, i) => (i / n) * 2 - 1);
    // Validation disagrees with training: the better the fit, the worse the validation loss.
    const train = { rows: n, x, y: x.map((v) => v) };
    const validation = { rows: n, x, y: x.map((v) => -v) };
    const spec = normalizeTrainSpec({ model: 'linear', learningRate: 0.05, epochs: 100, batchSize: 20, patience: 3, seed: 2 });
    const { model, outcome } = await fit(spec, train, validation, null, 1);
    const losses = outcome.history.map((h: EpochRecord) => h.valLoss!);
    const best = losses.indexOf(Math.min(...losses)) + 1;
    expect(outcome.ending).toBe('early-stopped');
    expect(outcome.bestEpoch).toBe(best);
    expect(outcome.history).toHaveLength(best + 3);
    expect(outcome.message!.startsWith(`Stopped early after epoch ${best + 3}: the validation loss had not improved for 3 epochs. The model keeps the weights of epoch ${best}, where the validation loss was lowest.`)).toBe(true);
    const restored = tf.tidy(() => tf.losses.meanSquaredError(tf.tensor2d(validation.y, [n, 1]), model.predict(tf.tensor2d(x, [n, 1])) as tf.Tensor).dataSync()[0]!);
    expect(restored).toBeCloseTo(losses[best - 1]!, 5);
  });

  test('a seeded run repeats exactly on the CPU backend; another seed differs', async () => {
    const { layout, train, validation } = irisParts();
    const run = async (seed: number) => {
      const spec = normalizeTrainSpec({ model: 'mlp', layers: [{ units: 8, dropout: 0.2 }], epochs: 5, batchSize: 8, seed });
      const { model, outcome } = await fit(spec, train, validation, layout.classes, 4);
      return { history: outcome.history.map((h) => [h.loss, h.valLoss]), weights: model.getWeights().map((w) => Array.from(w.dataSync())) };
    };
    const a = await run(11);
    expect(await run(11)).toEqual(a);
    expect((await run(12)).weights).not.toEqual(a.weights);
  });

  test('a learning rate far too high is stopped with advice', async () => {
    const n = 100;
    const x = Float32Array.from({ length: n }, (_, i) => i * 100);
    const spec = normalizeTrainSpec({ model: 'linear', optimizer: 'sgd', learningRate: 5, momentum: 0.9, epochs: 50, batchSize: 10, seed: 1 });
    const { outcome } = await fit(spec, { rows: n, x, y: x.map((v) => v * 2) }, null, null, 1);
    expect(outcome.ending).toBe('diverged');
    expect(outcome.message).toMatch(/Lower the learning rate \(try 0\.5\), or scale the features/);
  });

  test('stop keeps the model so far; cancel reports cancelled', async () => {
    const { layout, train, validation } = irisParts();
    const spec = normalizeTrainSpec({ model: 'linear', epochs: 50, seed: 1, patience: 0 });
    let epochs = 0;
    const model = buildModel(spec, 4, layout.classes);
    const stopped = await trainLoop(
      { model, spec, classCount: 3, train, validation, features: 4 },
      { request: () => (epochs >= 2 ? 'stop' : 'continue'), onEpoch: () => void epochs++ },
    );
    expect(stopped.ending).toBe('stopped');
    expect(stopped.history).toHaveLength(2);
    const cancelled = await trainLoop({ model, spec, classCount: 3, train, validation, features: 4 }, { request: () => 'cancel', onEpoch: () => undefined });
    expect(cancelled.ending).toBe('cancelled');
  });
});

describe('baselines', () => {
  test('the class prior: majority accuracy and −log p(true class)', () => {
    const train = { rows: 4, x: new Float32Array(4), y: Float32Array.of(0, 0, 0, 1) };
    const baseline = fitBaseline(train, 2);
    expect(baseline).toEqual({ kind: 'prior', prior: [0.75, 0.25] });
    const scored = scoreBaseline(baseline, { rows: 2, x: new Float32Array(2), y: Float32Array.of(0, 1) });
    expect(scored.metric).toBe(0.5);
    expect(scored.loss).toBeCloseTo(-(Math.log(0.75) + Math.log(0.25)) / 2, 12); // sklearn.metrics.log_loss([0, 1], [[.75, .25]] * 2)
  });

  test('the mean: MSE and RMSE', () => {
    const baseline = fitBaseline({ rows: 3, x: new Float32Array(3), y: Float32Array.of(1, 2, 6) }, null);
    expect(baseline).toEqual({ kind: 'mean', mean: 3 });
    expect(scoreBaseline(baseline, { rows: 2, x: new Float32Array(2), y: Float32Array.of(3, 7) })).toEqual({ loss: 8, metric: Math.sqrt(8) });
  });

  test('a trained logistic regression beats the prior on iris', async () => {
    const { layout, train, validation } = irisParts();
    const prior = scoreBaseline(fitBaseline(train, 3), validation);
    const spec = normalizeTrainSpec({ model: 'linear', learningRate: 0.05, epochs: 30, batchSize: 16, patience: 0, seed: 7 });
    const { outcome } = await fit(spec, train, validation, layout.classes, 4);
    expect(outcome.history.at(-1)!.valLoss).toBeLessThan(prior.loss);
    expect(outcome.history.at(-1)!.valMetric).toBeGreaterThan(prior.metric + 0.4);
  });
});

describe('model artifacts', () => {
  test('a captured model restores to the same predictions', async () => {
    const spec = normalizeTrainSpec({ model: 'mlp', layers: [{ units: 5, batchNorm: true, dropout: 0.1 }], seed: 9 });
    const model = buildModel(spec, 3, ['a', 'b', 'c']);
    const stored = await captureModel(model);
    expect(stored.format).toBe('looplab-model/1');
    // The topology goes through JSON, as it does into IndexedDB and the project file.
    const copy = await restoreModel({ ...stored, modelTopology: JSON.parse(JSON.stringify(stored.modelTopology)), weightData: stored.weightData.slice(0) });
    const x = tf.tensor2d([[1, 2, 3], [-1, 0, 4]]);
    expect(Array.from((copy.predict(x) as tf.Tensor).dataSync())).toEqual(Array.from((model.predict(x) as tf.Tensor).dataSync()));
  });
});

describe('regression start', () => {
  test('the output starts at the training target’s mean (the standardised target’s 0), so a distant target level costs no epochs', async () => {
    const n = 50;
    const x = Float32Array.from({ length: n }, (_, i) => i / n);
    const y = x.map((v) => 150 + v);
    const spec = normalizeTrainSpec({ model: 'linear', learningRate: 1e-9, epochs: 1, patience: 0, seed: 1 });
    const { model } = await fit(spec, { rows: n, x, y }, null, null, 1);
    const bias = model.getWeights()[1]!.dataSync()[0]!;
    expect(bias).toBeCloseTo(y.reduce((a, b) => a + b, 0) / n, 2);
  });
});
