/**
 * The dense training path (hand-written backward pass, fused kernels) against TF.js's taped
 * optimizer.minimize on the same model, batches and initial weights: the same losses, class
 * weights, L2 penalty and optimiser maths, so the same weights after a few steps.
 */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildModel } from '../../../src/train/build-model';
import { denseStack, denseTrainer } from '../../../src/train/dense-trainer';
import { fusedAdam, tfStepOptimizer } from '../../../src/train/fused-adam';
import { balancedWeights } from '../../../src/train/loss';
import { normalizeTrainSpec, type TrainSpec } from '../../../src/train/model-spec';
import { tapeTrainer } from '../../../src/train/tape-trainer';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function optimizer(spec: TrainSpec): tf.Optimizer {
  if (spec.optimizer === 'sgd') return tf.train.momentum(spec.learningRate, spec.momentum);
  if (spec.optimizer === 'rmsprop') return tf.train.rmsprop(spec.learningRate);
  return tf.train.adam(spec.learningRate);
}

const layer = (units: number, activation: 'relu' | 'tanh' | 'sigmoid' | 'elu') => ({ units, activation, dropout: 0, batchNorm: false });

const CASES = [
  { name: 'binary MLP, relu, Adam', classCount: 2, raw: { layers: [layer(8, 'relu'), layer(6, 'relu')], optimizer: 'adam', learningRate: 0.01 } },
  { name: 'binary MLP, tanh and sigmoid, class weights, Adam', classCount: 2, raw: { layers: [layer(7, 'tanh'), layer(5, 'sigmoid')], optimizer: 'adam', learningRate: 0.01, classWeights: true } },
  { name: 'linear regression with L2, Adam', classCount: null, raw: { model: 'linear', optimizer: 'adam', learningRate: 0.05, l2: 0.01 } },
  { name: 'multinomial MLP, elu, SGD with momentum, class weights', classCount: 3, raw: { layers: [layer(6, 'elu')], optimizer: 'sgd', learningRate: 0.05, classWeights: true } },
  { name: 'binary MLP, relu, RMSprop, L2', classCount: 2, raw: { layers: [layer(8, 'relu')], optimizer: 'rmsprop', learningRate: 0.01, l2: 0.001 } },
] as const;

describe('the dense path trains as TF.js’s taped optimizer.minimize does', () => {
  test.each(CASES)('$name', async ({ classCount, raw }) => {
    const spec = normalizeTrainSpec({ ...raw, seed: 3 });
    const features = 5;
    const rows = 40;
    const x = tf.randomUniform([rows, features], -2, 2, 'float32', 1);
    const rawY = classCount === null ? tf.randomUniform([rows], -3, 3, 'float32', 2) : tf.floor(tf.randomUniform([rows], 0, classCount, 'float32', 2));
    const yValues = (await rawY.data()) as Float32Array;
    const y = classCount !== null && classCount > 2 ? tf.cast(tf.oneHot(tf.cast(rawY, 'int32'), classCount), 'float32') : tf.reshape(rawY, [rows, 1]);
    const w = spec.classWeights && classCount !== null ? tf.tensor1d(balancedWeights(yValues, classCount)) : undefined;
    const classes = classCount === null ? null : Array.from({ length: classCount }, (_, i) => String(i));
    const [ours, theirs] = [buildModel(spec, features, classes), buildModel(spec, features, classes)];
    expect(denseStack(ours)).not.toBeNull();
    const dense = denseTrainer(ours, spec.optimizer === 'adam' ? fusedAdam(spec.learningRate) : tfStepOptimizer(optimizer(spec)), classCount, spec.l2);
    const tape = tapeTrainer(theirs, optimizer(spec), classCount, spec.l2);
    // Batches of 16, 16 and a short one of 8, twice over.
    for (let step = 0; step < 6; step++) {
      const start = (step % 3) * 16;
      const size = Math.min(16, rows - start);
      for (const trainer of [dense, tape]) {
        tf.tidy(() => trainer.step(tf.slice(x, [start, 0], [size, -1]), tf.slice(y, [start, 0], [size, -1]), w ? tf.slice(w, start, size) : undefined));
      }
    }
    const [denseSum, tapeSum] = [dense.takeEpochSum(), tape.takeEpochSum()];
    expect((await denseSum.data())[0]).toBeCloseTo((await tapeSum.data())[0]!, 4);
    const [a, b] = [ours.getWeights(), theirs.getWeights()];
    expect(a.length).toBe(b.length);
    for (let i = 0; i < a.length; i++) {
      const [da, db] = [await a[i]!.data(), await b[i]!.data()];
      const largest = Math.max(...[...da].map((v, j) => Math.abs(v - db[j]!)));
      expect(largest, `weight ${i}`).toBeLessThan(1e-5);
    }
    // The weights moved: the comparison is not between two untouched models.
    const initial = buildModel(spec, features, classes);
    expect(Math.max(...(await tf.abs(tf.sub(a[0]!, initial.getWeights()[0]!)).data()))).toBeGreaterThan(1e-3);
    [dense, tape].forEach((t) => t.dispose());
    [denseSum, tapeSum, x, rawY, y, w].forEach((t) => t?.dispose());
    [ours, theirs, initial].forEach((m) => m.dispose());
  });
});

describe('which models take the dense path', () => {
  test('plain dense stacks do; dropout and batch normalisation keep TF.js’s tape', () => {
    const make = (layers: object[]) => buildModel(normalizeTrainSpec({ layers }), 4, ['a', 'b']);
    expect(denseStack(make([layer(8, 'relu'), layer(4, 'tanh')]))?.map((l) => l.activation)).toEqual(['relu', 'tanh', 'linear']);
    expect(denseStack(buildModel(normalizeTrainSpec({ model: 'linear' }), 4, null))).toHaveLength(1);
    expect(denseStack(make([{ ...layer(8, 'relu'), dropout: 0.2 }]))).toBeNull();
    expect(denseStack(make([{ ...layer(8, 'relu'), batchNorm: true }]))).toBeNull();
  });
});
