/** A backend's measured speed, or why there is none, from the outcome of its short training. */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildModel } from '../../../src/train/build-model';
import { measuredSpeed, TIMED_EPOCH } from '../../../src/train/measured-speed';
import { normalizeTrainSpec } from '../../../src/train/model-spec';
import { trainLoop, type EpochRecord } from '../../../src/train/train-loop';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const epoch = (n: number, samplesPerSec: number): EpochRecord => ({ epoch: n, loss: 1, valLoss: null, metric: 1, valMetric: null, seconds: 1, samplesPerSec });

describe('a backend measurement', () => {
  test('is the speed of the timed epoch, not the first, which includes warming up', () => {
    expect(measuredSpeed({ ending: 'completed', history: [epoch(1, 100), epoch(2, 900)], bestEpoch: 2, message: null })).toEqual({ samplesPerSec: 900 });
  });

  test('when the loss blew up before the timed epoch, says so in words instead of a JavaScript error', () => {
    const message = 'The loss exploded at epoch 1. Lower the learning rate (try 0.0003), or scale the features with a scaling step in Prepare.';
    const expected = { samplesPerSec: null, problem: `${message} The speed is timed on epoch 2, which training never reached.` };
    expect(measuredSpeed({ ending: 'diverged', history: [], bestEpoch: 0, message })).toEqual(expected);
    // Diverged at the timed epoch itself: the first epoch's speed (warming up included) is not passed off as the measurement.
    expect(measuredSpeed({ ending: 'diverged', history: [epoch(1, 100)], bestEpoch: 1, message })).toEqual(expected);
  });

  test('a measurement that ended early for another reason says it too', () => {
    expect(measuredSpeed({ ending: 'cancelled', history: [], bestEpoch: 0, message: null })).toEqual({ samplesPerSec: null, problem: 'Training ended before epoch 2, the one that is timed.' });
  });

  test('a real training whose first epoch diverges gives the divergence message', async () => {
    const rows = 300;
    const x = Float32Array.from({ length: rows }, (_, i) => 1e4 * (1 + (i % 7)));
    const spec = normalizeTrainSpec({ model: 'linear', optimizer: 'sgd', momentum: 0.9, learningRate: 10, epochs: TIMED_EPOCH, patience: 0, batchSize: 10, seed: 1 });
    const model = buildModel(spec, 1, null);
    const outcome = await trainLoop({ model, spec, classCount: null, train: { rows, x, y: x.map((v) => v * 5) }, validation: null, features: 1 }, { request: () => 'continue', onEpoch: () => undefined });
    model.dispose();
    expect(outcome.history).toEqual([]);
    const speed = measuredSpeed(outcome);
    expect(speed.samplesPerSec).toBeNull();
    expect('problem' in speed && speed.problem).toMatch(/^The loss .* at epoch 1\. Lower the learning rate \(try 1\), .* The speed is timed on epoch 2, which training never reached\.$/);
  });
});
