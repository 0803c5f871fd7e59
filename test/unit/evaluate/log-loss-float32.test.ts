/**
 * Probabilities are stored as float32, where 1 − 1e-15 is 1; log loss still clips them at
 * float64's epsilon and stays finite, because it reads them as float64 numbers first and takes
 * the log of the true class's (clipped) probability only, never of 1 − p.
 * Cross-check: log_loss([1], [[1.0, 0.0]], labels=[0, 1]) in scikit-learn ≥ 1.3 (float64 input)
 * is −log(2.220446049250313e-16) = 36.04365338911715.
 */
import { describe, expect, test } from 'vitest';
import { classificationReport } from '../../../src/evaluate/holdout';
import { logLoss } from '../../../src/evaluate/metrics/probabilistic';
import { fitBaseline, scoreBaseline } from '../../../src/train/baseline';
import { evaluationRow } from '../../helpers/rows';

const CAP = -Math.log(Number.EPSILON);

describe('log loss of float32 probabilities', () => {
  test('a certain wrong prediction costs −log ε, not Infinity', () => {
    const p = Float32Array.of(1, 0);
    expect(Math.fround(1 - 1e-15)).toBe(1);
    expect(logLoss([1], [Array.from(p)])).toBeCloseTo(CAP, 12);
    expect(CAP).toBeCloseTo(36.04365338911715, 12);
  });

  test('a certain right prediction costs about ε, not −0 or NaN', () => {
    const loss = logLoss([0], [Array.from(Float32Array.of(1, 0))]);
    expect(Number.isFinite(loss)).toBe(true);
    expect(loss).toBeGreaterThanOrEqual(0);
    expect(loss).toBeLessThan(1e-15);
  });

  test('the Evaluate page’s log loss of stored float32 probabilities is finite', () => {
    // Two rows: one right and certain, one wrong and certain (a softmax that underflowed to 0).
    const e = evaluationRow({ id: 'e', runId: 'r', rows: Uint32Array.of(0, 1), yTrue: Float64Array.of(0, 1), predictions: Float32Array.of(1, 0, 1, 0), baseline: Float32Array.of(0.5, 0.5, 0.5, 0.5), classes: ['a', 'b'] });
    const line = classificationReport(e).metrics.find((m) => m.key === 'log-loss')!;
    expect(line.value).toBeCloseTo(CAP / 2, 9);
    expect(line.baseline).toBeCloseTo(Math.log(2), 12);
  });

  test('the baseline’s loss for a class training never had is large and finite', () => {
    const train = { rows: 2, x: new Float32Array(2), y: Float32Array.of(0, 0) };
    const held = { rows: 1, x: new Float32Array(1), y: Float32Array.of(1) };
    const { loss } = scoreBaseline(fitBaseline(train, 2), held);
    expect(loss).toBeCloseTo(-Math.log(1e-15), 9);
  });
});
