import { describe, expect, test } from 'vitest';
import { againstBaseline, atThreshold, baselineNote, checkCriteria, overfitting } from '../../../src/evaluate/checks';
import type { MetricLine } from '../../../src/evaluate/holdout';
import type { Criterion } from '../../../src/plan/criteria';

const line = (key: string, value: number): MetricLine => ({ key, label: key, value, baseline: 0, higherIsBetter: true });
const epoch = (metric: number, valMetric: number) => ({ epoch: 1, loss: 0, valLoss: 0, metric, valMetric, seconds: 1, samplesPerSec: 1 });

describe('Evaluate checks', () => {
  test('each success criterion is met or not, with the measured value; an unmeasured one, or one with no threshold yet, is unknown, each said so', () => {
    const criteria: Criterion[] = [
      { id: 'a', metric: 'f1-macro', comparison: '>=', threshold: 0.85 },
      { id: 'b', metric: 'log-loss', comparison: '<', threshold: 0.2 },
      { id: 'c', metric: 'rmse', comparison: '<=', threshold: 3 },
      { id: 'd', metric: 'log-loss', comparison: '<=', threshold: null },
    ];
    expect(checkCriteria(criteria, [line('f1-macro', 0.9), line('log-loss', 0.25)])).toEqual([
      { id: 'a', description: 'F1 (macro) ≥ 0.85', measured: 0.9, outcome: 'met', badge: 'met' },
      { id: 'b', description: 'Log loss < 0.2', measured: 0.25, outcome: 'not-met', badge: 'not met' },
      { id: 'c', description: 'RMSE ≤ 3', measured: null, outcome: 'unknown', badge: 'not measured' },
      { id: 'd', description: 'Log loss ≤ …', measured: 0.25, outcome: 'unknown', badge: 'no threshold' },
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

describe('against the baseline', () => {
  const metric = (key: string, value: number, baseline: number, higherIsBetter: boolean) => ({ key, label: key.toUpperCase(), value, baseline, higherIsBetter });

  test('each metric is better, worse or the same, by its own direction', () => {
    expect(againstBaseline(metric('rmse', 3, 8, false))).toBe('better');
    expect(againstBaseline(metric('rmse', 19, 8, false))).toBe('worse');
    expect(againstBaseline(metric('accuracy', 0.9, 0.6, true))).toBe('better');
    expect(againstBaseline(metric('accuracy', 0.6, 0.6, true))).toBe('same');
    expect(againstBaseline(metric('roc-auc', Number.NaN, 0.5, true))).toBe('same');
  });

  test('a run that does not beat the baseline on the metric that matters is told so, with both figures', () => {
    const metrics = [metric('mse', 361.673, 70.8416, false), metric('rmse', 19.0177, 8.41674, false)];
    expect(baselineNote(metrics, 'rmse', 'regression')).toBe(
      'On RMSE, the metric that matters here, this run does no better than the baseline (19.0177 against 8.41674), which always predicts the mean of the training targets: it has learned nothing a constant guess does not know. Read the notes above, check that Prepare scales and encodes the features, or train with another learning rate or for longer.',
    );
    expect(baselineNote([metric('accuracy', 0.6, 0.6, true)], 'accuracy', 'classification')).toContain('which predicts the class shares of the training rows for every row');
  });

  test('quiet when the run beats the baseline, or the metric is missing or not a number', () => {
    expect(baselineNote([metric('rmse', 3.7, 8.4, false)], 'rmse', 'regression')).toBeNull();
    expect(baselineNote([metric('rmse', 3.7, 8.4, false)], 'f1-macro', 'regression')).toBeNull();
    expect(baselineNote([metric('roc-auc', Number.NaN, 0.5, true)], 'roc-auc', 'classification')).toBeNull();
  });
});
