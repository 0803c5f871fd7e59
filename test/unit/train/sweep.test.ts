import { describe, expect, test } from 'vitest';
import { checkTrainForm, normalizeTrainSpec } from '../../../src/train/model-spec';
import { parseValues, SWEEP_KEYS, sweepTrials } from '../../../src/train/sweep';

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
    expect(parseValues('16, 3.5', 'batchSize')).toEqual({ ok: false, problem: 'Values of batch size: 3.5 is not a whole number from 1 to 65,536.' });
    expect(parseValues('0.5, 1', 'dropout')).toEqual({ ok: false, problem: 'Values of dropout: 1 is not a number from 0 to 0.9.' });
    expect(parseValues('0.1, fast', 'learningRate')).toEqual({ ok: false, problem: 'Values of learning rate: fast is not a number above 0, up to 10.' });
  });

  test('value lists are held to the form’s limits, and the message names the sweep field and the value', () => {
    expect(parseValues('0.01, 50', 'learningRate')).toEqual({ ok: false, problem: 'Values of learning rate: 50 is not a number above 0, up to 10.' });
    expect(parseValues('0, 0.95', 'dropout')).toEqual({ ok: false, problem: 'Values of dropout: 0.95 is not a number from 0 to 0.9.' });
    expect(parseValues('0.001, 11', 'l2')).toEqual({ ok: false, problem: 'Values of L2: 11 is not a number from 0 to 10.' });
    expect(parseValues('32, 70000', 'batchSize')).toEqual({ ok: false, problem: 'Values of batch size: 70000 is not a whole number from 1 to 65,536.' });
    expect(parseValues('10, 20000', 'epochs')).toEqual({ ok: false, problem: 'Values of epochs: 20000 is not a whole number from 1 to 10,000.' });
    expect(parseValues('16, 5000', 'units')).toEqual({ ok: false, problem: 'Values of units per hidden layer: 5000 is not a whole number from 1 to 4,096.' });
    expect(parseValues('0.9, 10, 65536', 'l2')).toEqual({ ok: false, problem: 'Values of L2: 65536 is not a number from 0 to 10.' });
    expect(parseValues('10, 0.000001', 'learningRate')).toEqual({ ok: true, values: [10, 0.000001] });
  });

  test('a plan whose values the form would refuse starts no trial', () => {
    const plan = { mode: 'grid' as const, trials: 0, seed: 1, axes: [{ key: 'learningRate' as const, values: [0.01, 50] }] };
    expect(sweepTrials(base, plan)).toEqual({ ok: false, problem: 'Values of learning rate: 50 is not a number above 0, up to 10.' });
    expect(sweepTrials(base, { ...plan, axes: [{ key: 'dropout', values: [0.95] }] })).toEqual({ ok: false, problem: 'Values of dropout: 0.95 is not a number from 0 to 0.9.' });
  });

  test('a value list accepts exactly what the form accepts, for every setting', () => {
    const candidates = [-1, 0, 1e-9, 0.5, 0.9, 0.91, 1, 1.5, 10, 10.5, 11, 4096, 4097, 10_000, 10_001, 65_536, 65_537];
    for (const key of SWEEP_KEYS) {
      for (const x of candidates) {
        const spec: Record<string, unknown> = structuredClone(base);
        if (key === 'units' || key === 'dropout') spec.layers = base.layers.map((l) => ({ ...l, [key]: x }));
        else spec[key] = x;
        expect({ key, x, ok: parseValues(String(x), key).ok }).toEqual({ key, x, ok: checkTrainForm(spec).ok });
      }
    }
  });
});
