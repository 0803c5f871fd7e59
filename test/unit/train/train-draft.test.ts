import { describe, expect, test } from 'vitest';
import { normalizeTrainSpec } from '../../../src/train/model-spec';
import { emptySweepForm, readTrainDraft } from '../../../src/train/train-draft';

const base = normalizeTrainSpec({ epochs: 30, seed: 7, learningRate: 0.01 });

describe('a stored New run draft read back', () => {
  test('a draft as written reads back the same', () => {
    const spec = normalizeTrainSpec({ epochs: 123, l2: 0.005, model: 'linear', seed: 4 });
    const sweep = { mode: 'random' as const, trials: 12, texts: { ...emptySweepForm().texts, l2: '0, 0.01', epochs: '5 10' } };
    expect(readTrainDraft(JSON.parse(JSON.stringify({ spec, sweep })), base)).toEqual({ spec, sweep });
  });

  test('a field that no longer reads (cleared, out of range, a choice that is gone) takes the base’s value; the others are kept', () => {
    const draft = readTrainDraft({ spec: { ...normalizeTrainSpec({ l2: 0.005, seed: 2 }), epochs: null, learningRate: -1, model: 'forest', optimizer: 'sgd' }, sweep: {} }, base);
    expect(draft?.spec).toEqual({ ...base, l2: 0.005, seed: 2, optimizer: 'sgd' });
  });

  test('a field the draft does not have (written before the field existed) takes the base’s value', () => {
    const { seed: _seed, ...withoutSeed } = normalizeTrainSpec({ epochs: 12 });
    expect(readTrainDraft({ spec: withoutSeed }, base)?.spec).toEqual({ ...withoutSeed, seed: 7 });
  });

  test('the sweep lists read leniently: an unreadable mode, trial count or list is the empty form’s', () => {
    const draft = readTrainDraft({ spec: {}, sweep: { mode: 'bayes', trials: 0.5, texts: { l2: '0, 0.1', units: 7, dropout: null } } }, base);
    expect(draft?.sweep).toEqual({ ...emptySweepForm(), texts: { ...emptySweepForm().texts, l2: '0, 0.1' } });
  });

  test('anything that is not a draft reads as none', () => {
    for (const raw of [null, undefined, 'Run 1', 42, [], { sweep: {} }, { spec: 'mlp' }]) expect(readTrainDraft(raw, base)).toBeNull();
  });
});
