/** The message of a run whose loss blew up: what happened, at which epoch, and a learning rate to try. */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildModel } from '../../../src/train/build-model';
import { divergedMessage } from '../../../src/train/divergence';
import { normalizeTrainSpec } from '../../../src/train/model-spec';
import { trainLoop } from '../../../src/train/train-loop';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('a diverged run', () => {
  test('suggests a tenth of the learning rate, rounded to two significant digits', () => {
    expect(divergedMessage(5e6, 2, 0.003)).toBe('The loss exploded at epoch 2. Lower the learning rate (try 0.0003), or scale the features with a scaling step in Prepare.');
    expect(divergedMessage(5e6, 3, 0.0123)).toMatch(/\(try 0\.0012\)/);
    expect(divergedMessage(5e6, 3, 0.07)).toMatch(/\(try 0\.007\)/);
    expect(divergedMessage(5e6, 3, 5)).toMatch(/\(try 0\.5\)/);
    // Plain digits, never 1e-8, which a learner may not read as a number.
    expect(divergedMessage(5e6, 3, 1e-7)).toMatch(/\(try 0\.00000001\)/);
  });

  test('says the loss became too large to hold when it overflowed, and not a number when it did', () => {
    expect(divergedMessage(Infinity, 1, 0.01)).toBe('The loss grew too large for the computer to hold (it became infinite) at epoch 1. Lower the learning rate (try 0.001), or scale the features with a scaling step in Prepare.');
    expect(divergedMessage(NaN, 4, 0.01)).toBe('The loss stopped being a number (it became NaN) at epoch 4. Lower the learning rate (try 0.001), or scale the features with a scaling step in Prepare.');
  });

  test('SGD at 0.003 on unscaled features is stopped, and the suggestion is a number a learner can type', async () => {
    const n = 200;
    const x = Float32Array.from({ length: n }, (_, i) => 1000 + (i % 50) * 40);
    const spec = normalizeTrainSpec({ model: 'linear', optimizer: 'sgd', momentum: 0.9, learningRate: 0.003, epochs: 20, batchSize: 10, seed: 1 });
    const model = buildModel(spec, 1, null);
    const outcome = await trainLoop({ model, spec, classCount: null, train: { rows: n, x, y: x.map((v) => v * 3) }, validation: null, features: 1 }, { request: () => 'continue', onEpoch: () => undefined });
    model.dispose();
    expect(outcome.ending).toBe('diverged');
    expect(outcome.message).toMatch(/\(try 0\.0003\), or scale the features/);
  });
});
