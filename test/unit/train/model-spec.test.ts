import { describe, expect, test } from 'vitest';
import { checkTrainForm, normalizeTrainSpec, withModel } from '../../../src/train/model-spec';

const form = normalizeTrainSpec({ model: 'mlp', seed: 3 });

describe('the New run form is checked strictly before a run starts', () => {
  test('a cleared units cell is refused naming its layer, not replaced by the default network', () => {
    expect(checkTrainForm({ layers: [{ units: 256 }, { units: null }] })).toEqual({ ok: false, problems: ['Units of layer 2: enter a whole number from 1 to 4,096.'] });
  });

  test('a cleared learning rate and epoch count are refused by their labels, not read as 0.001 and 50', () => {
    const checked = checkTrainForm({ ...form, learningRate: null, epochs: null });
    expect(checked).toEqual({ ok: false, problems: ['Learning rate: enter a number above 0, up to 10.', 'Epochs: enter a whole number from 1 to 10,000.'] });
  });

  test('every wrong field is named once, in the order of the form', () => {
    const layers = [{ ...form.layers[0]!, dropout: 0.95 }, { ...form.layers[1]!, units: 2.5 }];
    // 2^53 + 1 typed is read as 2^53: the seed stored would not be the one typed.
    const checked = checkTrainForm({ ...form, layers, batchSize: 0, patience: -1, l2: Number.NaN, seed: Number('9007199254740993') });
    expect(checked).toEqual({
      ok: false,
      problems: [
        'Dropout of layer 1: enter a number from 0 to 0.9.',
        'Units of layer 2: enter a whole number from 1 to 4,096.',
        'Batch size: enter a whole number from 1 to 65,536.',
        'Early-stopping patience: enter a whole number, 0 or more.',
        'L2 regularisation: enter a number from 0 to 10.',
        'Seed: enter a whole number from 0 to 9,007,199,254,740,991.',
      ],
    });
  });

  test('momentum is checked only with SGD, and hidden layers only for a neural network', () => {
    expect(checkTrainForm({ ...form, momentum: null }).ok).toBe(true);
    expect(checkTrainForm({ ...form, optimizer: 'sgd', momentum: null })).toEqual({ ok: false, problems: ['Momentum: enter a number from 0 to 0.999.'] });
    const linear = checkTrainForm({ ...form, model: 'linear', layers: [{ units: null }] });
    expect(linear.ok).toBe(true);
    const baseline = checkTrainForm({ ...form, model: 'baseline', learningRate: null, epochs: null });
    expect(baseline.ok).toBe(true);
  });

  test('a valid form comes back as the spec to train, unchanged', () => {
    const spec = { ...form, layers: [{ units: 256, activation: 'tanh' as const, dropout: 0.1, batchNorm: true }, { units: 32, activation: 'relu' as const, dropout: 0, batchNorm: false }], learningRate: 0.01, epochs: 7 };
    expect(checkTrainForm(spec)).toEqual({ ok: true, spec });
  });

  test('a stored run is still read leniently: an unreadable layer list takes the default network', () => {
    const stored = normalizeTrainSpec({ layers: [{ units: 256 }, { units: null }], learningRate: null, epochs: 'x' });
    expect(stored.layers.map((l) => l.units)).toEqual([64, 64]);
    expect(stored.learningRate).toBe(0.001);
    expect(stored.epochs).toBe(50);
  });
});

describe('choosing a model', () => {
  test('moves a learning rate left at the old model’s default to the new one’s, and keeps one the learner set', () => {
    const mlp = normalizeTrainSpec({ model: 'mlp' });
    expect(mlp.learningRate).toBe(0.001);
    expect(withModel(mlp, 'linear')).toEqual({ model: 'linear', learningRate: 0.01 });
    expect(withModel({ ...mlp, model: 'linear', learningRate: 0.01 }, 'mlp')).toEqual({ model: 'mlp', learningRate: 0.001 });
    expect(withModel({ ...mlp, learningRate: 0.05 }, 'linear')).toEqual({ model: 'linear', learningRate: 0.05 });
    expect(withModel(mlp, 'baseline')).toEqual({ model: 'baseline', learningRate: 0.001 });
  });
});
