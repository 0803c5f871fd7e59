/** The training loop's reported figures, on TF.js's CPU backend in Node. */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildModel } from '../../../src/train/build-model';
import { denseKernels } from '../../../src/train/loss';
import { normalizeTrainSpec } from '../../../src/train/model-spec';
import { METRIC_SAMPLE, metricRows, trainLoop, type EpochRecord, type TrainControl } from '../../../src/train/train-loop';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const quiet: TrainControl = { request: () => 'continue', onEpoch: () => undefined };

describe('an epoch cut short by Stop', () => {
  // x is 0 and y is ±1 in turn, so at a learning rate this small every row's squared error stays 1.
  const n = 400;
  const train = { rows: n, x: new Float32Array(n), y: Float32Array.from({ length: n }, (_, i) => (i % 2 ? 1 : -1)) };

  /** Stop requested at the first batch of epoch 2: epoch 1's end is made slow, so the loop looks at its messages straight away. */
  function stopInSecondEpoch(): TrainControl {
    let epochs = 0;
    let endChecks = 0;
    return {
      onEpoch: () => void epochs++,
      request: () => {
        if (epochs === 0) return 'continue';
        if (endChecks++ < 2) {
          const until = performance.now() + 80;
          while (performance.now() < until);
          return 'continue';
        }
        return 'stop';
      },
    };
  }

  test('reports the mean loss and the speed over the rows it saw, says it was partial, and is not taken as best on its training loss', async () => {
    const spec = normalizeTrainSpec({ model: 'linear', optimizer: 'sgd', momentum: 0, learningRate: 1e-7, epochs: 5, batchSize: 10, patience: 0, seed: 1 });
    const model = buildModel(spec, 1, null);
    const outcome = await trainLoop({ model, spec, classCount: null, train, validation: null, features: 1 }, stopInSecondEpoch());
    expect(outcome.ending).toBe('stopped');
    expect(outcome.history).toHaveLength(2);
    const [full, partial] = outcome.history as [EpochRecord, EpochRecord];
    expect(full.loss).toBeCloseTo(1, 4);
    expect(full.rows).toBeUndefined();
    expect(partial.loss).toBeCloseTo(1, 4);
    expect(partial.rows).toBe(10);
    expect(partial.samplesPerSec * partial.seconds).toBeCloseTo(10, 6);
    expect(outcome.bestEpoch).toBe(1);
  });
});

describe('the training metric', () => {
  test('is measured on a seeded sample spread over the training rows, not the first rows of a sorted file', async () => {
    // Sorted by class: the first METRIC_SAMPLE rows are all class 0, and a featureless model predicts class 0.
    const n = 5000;
    const y = Float32Array.from({ length: n }, (_, i) => (i < METRIC_SAMPLE ? 0 : 1));
    const spec = normalizeTrainSpec({ model: 'linear', epochs: 1, batchSize: 500, patience: 0, seed: 3 });
    const model = buildModel(spec, 1, ['0', '1']);
    const outcome = await trainLoop({ model, spec, classCount: 2, train: { rows: n, x: new Float32Array(n), y }, validation: null, features: 1 }, quiet);
    expect(Math.abs(outcome.history[0]!.metric - METRIC_SAMPLE / n)).toBeLessThan(0.02);
  });

  test('the sample is distinct rows in order, the same for the same seed, and all rows when there are few', () => {
    const rows = metricRows(10_000, 500, 4)!;
    expect(rows).toHaveLength(500);
    expect(new Set(rows).size).toBe(500);
    expect(Array.from(rows)).toEqual(Array.from(rows).sort((a, b) => a - b));
    expect(rows[0]).toBeGreaterThanOrEqual(0);
    expect(rows.at(-1)).toBeLessThan(10_000);
    expect(rows.at(-1)).toBeGreaterThan(9000);
    expect(metricRows(10_000, 500, 4)).toEqual(rows);
    expect(metricRows(10_000, 500, 5)).not.toEqual(rows);
    expect(metricRows(500, 500, 4)).toBeNull();
  });
});

describe('the validation loss', () => {
  test('includes the L2 penalty, as the training loss does (Keras adds regularisation losses to both)', async () => {
    const n = 200;
    const x = Float32Array.from({ length: n }, (_, i) => (i / n) * 2 - 1);
    const part = { rows: n, x, y: x.map((v) => 3 * v) };
    const spec = normalizeTrainSpec({ model: 'linear', learningRate: 0.05, epochs: 20, batchSize: 20, patience: 0, l2: 0.1, seed: 2 });
    const model = buildModel(spec, 1, null);
    const outcome = await trainLoop({ model, spec, classCount: null, train: part, validation: part, features: 1 }, quiet);
    const best = outcome.history[outcome.bestEpoch - 1]!;
    const [dataLoss, penalty] = tf.tidy(() => {
      const predicted = model.predict(tf.tensor2d(x, [n, 1])) as tf.Tensor;
      const mse = tf.losses.meanSquaredError(tf.tensor2d(part.y, [n, 1]), predicted).dataSync()[0]!;
      return [mse, 0.1 * tf.sum(tf.square(denseKernels(model)[0]!)).dataSync()[0]!];
    });
    expect(penalty).toBeGreaterThan(0.1 * dataLoss);
    expect(best.valLoss).toBeCloseTo(dataLoss + penalty, 5);
  });
});
