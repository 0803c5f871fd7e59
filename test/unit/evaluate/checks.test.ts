import { describe, expect, test } from 'vitest';
import { atThreshold, checkCriteria, overfitting } from '../../../src/evaluate/checks';
import type { MetricLine } from '../../../src/evaluate/holdout';
import type { Criterion } from '../../../src/plan/criteria';

const line = (key: string, value: number): MetricLine => ({ key, label: key, value, baseline: 0, higherIsBetter: true });
const epoch = (metric: number, valMetric: number) => ({ epoch: 1, loss: 0, valLoss: 0, metric, valMetric, seconds: 1, samplesPerSec: 1 });

describe('Evaluate checks', () => {
  test('each success criterion is met or not, with the measured value; an unmeasured one is unknown', () => {
    const criteria: Criterion[] = [
      { id: 'a', metric: 'f1-macro', comparison: '>=', threshold: 0.85 },
      { id: 'b', metric: 'log-loss', comparison: '<', threshold: 0.2 },
      { id: 'c', metric: 'rmse', comparison: '<=', threshold: 3 },
    ];
    expect(checkCriteria(criteria, [line('f1-macro', 0.9), line('log-loss', 0.25)])).toEqual([
      { id: 'a', description: 'F1 (macro) ≥ 0.85', measured: 0.9, outcome: 'met' },
      { id: 'b', description: 'Log loss < 0.2', measured: 0.25, outcome: 'not-met' },
      { id: 'c', description: 'RMSE ≤ 3', measured: null, outcome: 'unknown' },
    ]);
  });

  test('a large gap between training and validation is flagged as overfitting, at the kept epoch', () => {
    expect(overfitting([epoch(0.99, 0.8), epoch(0.9, 0.88)], 2, 'classification')).toMatchObject({ flagged: false, train: 0.9, validation: 0.88 });
    expect(overfitting([epoch(0.99, 0.8)], 1, 'classification')!.explanation).toMatch(/learned its training rows more than the pattern/);
    expect(overfitting([epoch(1, 2)], 1, 'regression')!.flagged).toBe(true);
    expect(overfitting([epoch(1, 1.2)], 1, 'regression')!.flagged).toBe(false);
    expect(overfitting([], 0, 'classification')).toBeNull();
  });

  test('precision, recall and F1 at a decision threshold', () => {
    const y = [0, 0, 1, 1, 1];
    const p = [0.1, 0.6, 0.4, 0.7, 0.9];
    expect(atThreshold(y, p, 0.5)).toEqual({ precision: 2 / 3, recall: 2 / 3, f1: 2 / 3, predictedPositive: 3 });
    expect(atThreshold(y, p, 0.95)).toEqual({ precision: 0, recall: 0, f1: 0, predictedPositive: 0 });
    expect(atThreshold(y, p, 0)).toMatchObject({ precision: 0.6, recall: 1 });
  });

  test('rows of one class only: precision, recall and F1 are NaN (shown n/a), not a 0 or 1 that means nothing', () => {
    // No positive row: recall is 0 / 0. Only positive rows: precision is 1 at every threshold, however bad the model.
    expect(atThreshold([0, 0, 0], [0.2, 0.6, 0.9], 0.5)).toEqual({ precision: Number.NaN, recall: Number.NaN, f1: Number.NaN, predictedPositive: 2 });
    expect(atThreshold([1, 1], [0.2, 0.6], 0.5)).toEqual({ precision: Number.NaN, recall: Number.NaN, f1: Number.NaN, predictedPositive: 1 });
  });
});
