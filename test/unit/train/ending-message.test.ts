import { describe, expect, test } from 'vitest';
import { endingMessage } from '../../../src/train/ending-message';
import type { EpochRecord } from '../../../src/train/train-loop';

const epochs = (n: number, valLoss: number | null = 0.5, last: Partial<EpochRecord> = {}): EpochRecord[] =>
  Array.from({ length: n }, (_, i) => ({ epoch: i + 1, loss: 1, valLoss, metric: 0.5, valMetric: valLoss === null ? null : 0.5, seconds: 1, samplesPerSec: 100, ...(i === n - 1 ? last : {}) }));

describe('how a run ended, in words', () => {
  test('a completed run says which epoch’s weights it keeps when that is not the last', () => {
    expect(endingMessage('completed', epochs(30), 12, 10)).toBe('Trained all 30 epochs. The model keeps the weights of epoch 12, where the validation loss was lowest.');
    expect(endingMessage('completed', epochs(30), 30, 10)).toBe('Trained all 30 epochs.');
    expect(endingMessage('completed', epochs(1, null), 1, 10)).toBe('Trained its one epoch.');
  });

  test('early stopping names the patience; without validation rows the training loss is watched', () => {
    expect(endingMessage('early-stopped', epochs(13), 3, 10)).toBe('Stopped early after epoch 13: the validation loss had not improved for 10 epochs. The model keeps the weights of epoch 3, where the validation loss was lowest.');
    // Stopped with the first epoch still the best: the run learned nothing after it, and is told why that happens.
    expect(endingMessage('early-stopped', epochs(11), 1, 10)).toBe(
      'Stopped early after epoch 11: the validation loss had not improved for 10 epochs. The model keeps the weights of epoch 1, where the validation loss was lowest. Nothing after the first epoch did better: the model learned almost nothing that carries over. The usual causes: a learning rate too large (it jumps past the best weights) or too small (it barely moves them), features far from unit scale, or validation rows unlike the training rows.',
    );
    expect(endingMessage('early-stopped', epochs(4, null), 3, 1)).toBe('Stopped early after epoch 4: the training loss had not improved for 1 epoch. The model keeps the weights of epoch 3, where the training loss was lowest.');
  });

  test('a stopped run says when its last epoch was cut short; cancelled, diverged and empty runs get none', () => {
    expect(endingMessage('stopped', epochs(5, 0.5, { rows: 40 }), 4, 10)).toBe('Stopped at epoch 5 (cut short). The model keeps the weights of epoch 4, where the validation loss was lowest.');
    expect(endingMessage('stopped', epochs(5), 5, 10)).toBe('Stopped at epoch 5.');
    expect(endingMessage('cancelled', epochs(5), 5, 10)).toBeNull();
    expect(endingMessage('diverged', epochs(5), 2, 10)).toBeNull();
    expect(endingMessage('completed', [], 0, 10)).toBeNull();
  });
});
