import { describe, expect, test } from 'vitest';
import { normalizeTrainSpec } from '../../../src/train/model-spec';
import { parseValues, sweepTrials } from '../../../src/train/sweep';

const base = normalizeTrainSpec({ model: 'mlp', seed: 3 });

describe('sweeps', () => {
  test('a grid is every combination, each a complete spec', () => {
    const result = sweepTrials(base, { mode: 'grid', trials: 0, seed: 1, axes: [{ key: 'learningRate', values: [0.1, 0.01] }, { key: 'units', values: [8, 16] }] });
    if (!result.ok) throw new Error(result.problem);
    expect(result.trials.map((t) => t.settings)).toEqual([
      [['learningRate', 0.1], ['units', 8]],
      [['learningRate', 0.1], ['units', 16]],
      [['learningRate', 0.01], ['units', 8]],
      [['learningRate', 0.01], ['units', 16]],
    ]);
    expect(result.trials[1]!.spec.layers.map((l) => l.units)).toEqual([16, 16]);
    expect(result.trials[1]!.spec.seed).toBe(3);
  });

  test('a random search draws distinct combinations, the same for the same seed', () => {
    const plan = { mode: 'random' as const, trials: 5, seed: 9, axes: [{ key: 'learningRate' as const, values: [0.1, 0.03, 0.01, 0.003] }, { key: 'batchSize' as const, values: [16, 32, 64] }] };
    const a = sweepTrials(base, plan);
    if (!a.ok) throw new Error(a.problem);
    expect(a.trials).toHaveLength(5);
    expect(new Set(a.trials.map((t) => JSON.stringify(t.settings))).size).toBe(5);
    expect(sweepTrials(base, plan)).toEqual(a);
    expect(sweepTrials(base, { ...plan, seed: 10 })).not.toEqual(a);
    // Never more trials than combinations.
    const small = sweepTrials(base, { ...plan, trials: 50, axes: [{ key: 'l2', values: [0, 0.01] }] });
    expect(small.ok && small.trials.length).toBe(2);
  });

  test('mistakes are explained', () => {
    expect(sweepTrials(base, { mode: 'grid', trials: 0, seed: 1, axes: [] })).toEqual({ ok: false, problem: 'Give at least one setting a list of values to try.' });
    const big = Array.from({ length: 11 }, (_, i) => i + 1);
    expect(sweepTrials(base, { mode: 'grid', trials: 0, seed: 1, axes: [{ key: 'units', values: big }, { key: 'epochs', values: big }] })).toMatchObject({ ok: false, problem: expect.stringMatching(/121 combinations/) });
    expect(sweepTrials(normalizeTrainSpec({ model: 'linear' }), { mode: 'grid', trials: 0, seed: 1, axes: [{ key: 'units', values: [4] }] })).toMatchObject({ ok: false });
    expect(parseValues('0.1, 0.01 0.001', 'learningRate')).toEqual({ ok: true, values: [0.1, 0.01, 0.001] });
    expect(parseValues('16, 3.5', 'batchSize')).toEqual({ ok: false, problem: '"3.5" is not a valid batch size.' });
    expect(parseValues('0.5, 1', 'dropout')).toEqual({ ok: false, problem: '"1" is not a valid dropout.' });
  });
});
