/** The built model's layers, on TF.js's CPU backend in Node. */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildModel } from '../../../src/train/build-model';
import { captureModel, restoreModel } from '../../../src/train/model-io';
import { normalizeTrainSpec } from '../../../src/train/model-spec';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** The zeroed positions of three successive training-mode passes through the first dropout layer. */
function masks(seed: number): number[][] {
  const spec = normalizeTrainSpec({ model: 'mlp', layers: [{ units: 64, dropout: 0.5 }], seed });
  const model = buildModel(spec, 3, ['a', 'b']);
  const dropout = model.getLayer('dropout_1');
  const ones = tf.ones([4, 64]);
  const out = [0, 1, 2].map(() => tf.tidy(() => Array.from((dropout.apply(ones, { training: true }) as tf.Tensor).dataSync(), (v) => (v === 0 ? 1 : 0))));
  ones.dispose();
  model.dispose();
  return out;
}

describe('seeded dropout', () => {
  test('draws a new mask at every training step, the same sequence for the same seed', () => {
    const [first, second, third] = masks(5);
    expect(first!.some((v) => v === 1)).toBe(true);
    expect(second).not.toEqual(first);
    expect(third).not.toEqual(second);
    expect(masks(5)).toEqual([first, second, third]);
    expect(masks(6)[0]).not.toEqual(first);
  });

  test('passes everything through in inference mode, and is saved as a plain Dropout layer that TF.js loads', async () => {
    const spec = normalizeTrainSpec({ model: 'mlp', layers: [{ units: 8, dropout: 0.5 }], seed: 1 });
    const model = buildModel(spec, 3, ['a', 'b']);
    const dropout = model.getLayer('dropout_1');
    const ones = tf.ones([2, 8]);
    expect(Array.from((dropout.apply(ones, { training: false }) as tf.Tensor).dataSync())).toEqual(new Array(16).fill(1));
    expect(dropout.getClassName()).toBe('Dropout');
    expect(dropout.getConfig()).toMatchObject({ rate: 0.5 });
    const restored = await restoreModel(await captureModel(model));
    expect(restored.getLayer('dropout_1').getClassName()).toBe('Dropout');
    const x = tf.tensor2d([[1, 2, 3]]);
    expect(Array.from((restored.predict(x) as tf.Tensor).dataSync())).toEqual(Array.from((model.predict(x) as tf.Tensor).dataSync()));
    [ones, x].forEach((t) => t.dispose());
    [model, restored].forEach((m) => m.dispose());
  });
});

describe('starting weights', () => {
  test('a linear model starts at zero slopes (its loss has one minimum); an MLP’s output starts random, or its units would stay alike', () => {
    const slopes = (model: string) => {
      const built = buildModel(normalizeTrainSpec({ model, seed: 4 }), 3, null);
      const kernel = Array.from(built.getLayer('output').getWeights()[0]!.dataSync());
      built.dispose();
      return kernel;
    };
    expect(slopes('linear')).toEqual([0, 0, 0]);
    expect(slopes('mlp').filter((w) => w !== 0).length).toBeGreaterThan(32);
  });
});
