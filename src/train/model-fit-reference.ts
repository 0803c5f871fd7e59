/**
 * The reference bench:train compares the app's training loop with: TF.js's own model.fit, on the
 * same backend, data, architecture and initial weights. Lives in the app so the benchmark
 * measures both in the same worker, one after the other.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import seedrandom from 'seedrandom';
import { buildModel } from './build-model';
import type { TrainSpec } from './model-spec';
import { METRIC_SAMPLE, trainLoop } from './train-loop';
import type { Matrices } from './training-data';

/** Deterministic rows × features in [-1, 1], target 1 when x1 + x2 plus noise is positive. */
export function generatedBinary(rows: number, features: number, seed: number): Matrices {
  const rng = seedrandom.alea(`bench-${seed}`);
  const x = new Float32Array(rows * features);
  const y = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    for (let f = 0; f < features; f++) x[r * features + f] = rng() * 2 - 1;
    y[r] = x[r * features]! + x[r * features + 1]! + (rng() - 0.5) * 0.6 > 0 ? 1 : 0;
  }
  return { rows, x, y };
}

export interface SpeedResult {
  samplesPerSec: number;
  /** mean batch loss over the timed epoch */
  loss: number;
  seconds: number;
}

/**
 * The rows both warm-ups train on (a separate model each): enough for every shape the timed
 * epoch uses to be compiled first, the loop's end-of-epoch metric sample included.
 */
const warmRows = (spec: TrainSpec, data: Matrices) => Math.min(data.rows, Math.max(spec.batchSize * 3, METRIC_SAMPLE));
const firstRows = (data: Matrices, rows: number, features: number): Matrices => ({ rows, x: data.x.subarray(0, rows * features), y: data.y.subarray(0, rows) });

/** One epoch of the app's loop over the data (after a warm-up that compiles kernels). */
export async function timeOurs(spec: TrainSpec, data: Matrices, features: number): Promise<SpeedResult> {
  const warm = buildModel(spec, features, ['0', '1']);
  const few = firstRows(data, warmRows(spec, data), features);
  await trainLoop({ model: warm, spec: { ...spec, epochs: 1 }, classCount: 2, train: few, validation: null, features }, { request: () => 'continue', onEpoch: () => undefined });
  warm.dispose();
  const model = buildModel(spec, features, ['0', '1']);
  const t0 = performance.now();
  const outcome = await trainLoop({ model, spec: { ...spec, epochs: 1, patience: 0 }, classCount: 2, train: data, validation: null, features }, { request: () => 'continue', onEpoch: () => undefined });
  const seconds = (performance.now() - t0) / 1000;
  model.dispose();
  return { samplesPerSec: data.rows / seconds, loss: outcome.history[0]!.loss, seconds };
}

/** The same with model.fit: the same layers and initial weights, a sigmoid on the output, binary cross-entropy. */
export async function timeModelFit(spec: TrainSpec, data: Matrices, features: number): Promise<SpeedResult> {
  const make = () => {
    const model = buildModel(spec, features, ['0', '1']);
    model.add(tfl.layers.activation({ activation: 'sigmoid' }));
    model.compile({ optimizer: tf.train.adam(spec.learningRate), loss: 'binaryCrossentropy' });
    return model;
  };
  const fit = async (model: tfl.Sequential, m: Matrices) => {
    const x = tf.tensor2d(m.x, [m.rows, features]);
    const y = tf.tensor2d(m.y, [m.rows, 1]);
    const history = await model.fit(x, y, { batchSize: spec.batchSize, epochs: 1, shuffle: true, verbose: 0 });
    x.dispose();
    y.dispose();
    return history.history.loss![0] as number;
  };
  const warm = make();
  await fit(warm, firstRows(data, warmRows(spec, data), features));
  warm.dispose();
  const model = make();
  const t0 = performance.now();
  const loss = await fit(model, data);
  const seconds = (performance.now() - t0) / 1000;
  model.dispose();
  return { samplesPerSec: data.rows / seconds, loss, seconds };
}
