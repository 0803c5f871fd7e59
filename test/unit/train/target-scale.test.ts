/** A regression target learnt standardised and folded back: on TF.js's CPU backend in Node. */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { columnFromStrings } from '../../../src/data/column-builder';
import { datasetFrame } from '../../../src/prepare/frame';
import { prepareParts } from '../../../src/prepare/pipeline';
import { assignParts } from '../../../src/prepare/split';
import { buildModel } from '../../../src/train/build-model';
import { normalizeTrainSpec } from '../../../src/train/model-spec';
import { foldIntoOutput, targetScaleOf } from '../../../src/train/target-scale';
import { trainLoop } from '../../../src/train/train-loop';
import { layoutOf, toMatrices, type Matrices } from '../../../src/train/training-data';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const quiet = { request: () => 'continue' as const, onEpoch: () => undefined };

const predictions = (model: ReturnType<typeof buildModel>, m: Matrices, features: number) =>
  tf.tidy(() => Array.from((model.predict(tf.tensor2d(m.x, [m.rows, features])) as tf.Tensor).dataSync()));

const rmse = (predicted: number[], y: Float32Array) => Math.sqrt(predicted.reduce((a, p, i) => a + (p - y[i]!) ** 2, 0) / y.length);

/** The diabetes sample (a target of 25–346), split 70/15/15, its features standard-scaled by Prepare's step. */
function diabetesParts() {
  const lines = readFileSync(join(import.meta.dirname, '../../../public/samples/diabetes.csv'), 'utf8').trim().split('\n');
  const header = lines[0]!.split(',');
  const rows = lines.slice(1).map((l) => l.split(','));
  const columns = header.map((name, j) => columnFromStrings(name, 'numeric', rows.map((r) => r[j]!), { decimalComma: false }));
  const frame = datasetFrame({ rowCount: rows.length, columns });
  const target = header.at(-1)!;
  const parts = assignParts({ strategy: 'random', fractions: [0.7, 0.15, 0.15], seed: 4 }, { rowCount: rows.length });
  const prepared = prepareParts([{ id: 's', kind: 'scale', enabled: true, params: { columns: header.slice(0, -1), method: 'standard' } }], frame, parts);
  if (!prepared.ok) throw new Error(prepared.problem);
  const layout = layoutOf(prepared.frames.train, target, 'regression');
  if (!layout.ok) throw new Error(layout.problem);
  const matrices = (f: typeof prepared.frames.train) => toMatrices(f, layout.layout, target).matrices;
  return { features: layout.layout.features.length, train: matrices(prepared.frames.train), validation: matrices(prepared.frames.validation) };
}

describe('targetScaleOf', () => {
  test('is the training targets’ mean and population spread; a constant target keeps a spread of 1', () => {
    expect(targetScaleOf(Float32Array.from([100, 200, 300, 400]))).toEqual({ mean: 250, spread: Math.sqrt(12500) });
    expect(targetScaleOf(Float32Array.from([7, 7, 7]))).toEqual({ mean: 7, spread: 1 });
    expect(targetScaleOf(new Float32Array(0))).toEqual({ mean: 0, spread: 1 });
  });
});

describe('foldIntoOutput', () => {
  test('makes an MLP predict mean + spread × what it predicted before', () => {
    const spec = normalizeTrainSpec({ model: 'mlp', layers: [{ units: 5, activation: 'tanh' }], seed: 2 });
    const model = buildModel(spec, 3, null);
    const m = { rows: 4, x: Float32Array.from([1, 2, 3, -1, 0, 2, 0.5, 0.5, 0.5, 3, -2, 1]), y: new Float32Array(4) };
    const before = predictions(model, m, 3);
    foldIntoOutput(model, { mean: 150, spread: 80 });
    predictions(model, m, 3).forEach((p, i) => expect(p).toBeCloseTo(150 + 80 * before[i]!, 3));
  });
});

describe('a regression run', () => {
  test('a linear model at the form’s defaults beats the mean on the diabetes sample, and its figures are in the target’s units', async () => {
    const { features, train, validation } = diabetesParts();
    const spec = normalizeTrainSpec({ model: 'linear', seed: 3 });
    expect(spec.learningRate).toBe(0.001);
    const model = buildModel(spec, features, null);
    const outcome = await trainLoop({ model, spec, classCount: null, train, validation, features }, quiet);
    const best = outcome.history[outcome.bestEpoch - 1]!;
    const theirs = rmse(predictions(model, validation, features), validation.y);
    // The stored model (folded) and the epoch's figures (converted) agree, in the target's units.
    expect(best.valMetric!).toBeCloseTo(theirs, 1);
    expect(best.valLoss!).toBeCloseTo(theirs ** 2, -1);
    const mean = validation.y.reduce((a, b) => a + b, 0) / validation.rows;
    const spreadOfTarget = rmse(Array.from(validation.y, () => mean), validation.y);
    // R² over 0.3: before, the same run scored about 0 (no better than the mean).
    expect(1 - (theirs / spreadOfTarget) ** 2).toBeGreaterThan(0.3);
  }, 30_000);
});
