import { describe, expect, test } from 'vitest';
import {
  checkCriterion,
  criterionProblem,
  defaultComparison,
  describeCriterion,
  parseThreshold,
  type Criterion,
} from '../../src/plan/criteria';
import { METRICS, isMetricKey, metricInfo, metricsForTask } from '../../src/plan/metrics';

const c = (metric: Criterion['metric'], comparison: Criterion['comparison'], threshold: number | null): Criterion => ({
  id: 'x',
  metric,
  comparison,
  threshold,
});

describe('metrics', () => {
  test('are the ones the Evaluate stage computes, one family per task', () => {
    expect(METRICS.map((m) => m.key)).toEqual([
      'accuracy', 'balanced-accuracy', 'precision-macro', 'precision-weighted', 'recall-macro', 'recall-weighted',
      'f1-macro', 'f1-weighted', 'roc-auc', 'log-loss', 'mse', 'rmse', 'mae', 'r2',
    ]);
    expect(metricsForTask('regression').map((m) => m.key)).toEqual(['mse', 'rmse', 'mae', 'r2']);
    expect(metricsForTask('binary')).toEqual(metricsForTask('multiclass'));
    expect(metricsForTask('binary')).toHaveLength(10);
    expect(metricsForTask('')).toHaveLength(14);
    expect(isMetricKey('f1-macro')).toBe(true);
    expect(isMetricKey('f1')).toBe(false);
    expect(() => metricInfo('nope' as never)).toThrow('Unknown metric');
  });

  test('scores default to "at least", errors and losses to "at most"', () => {
    expect(defaultComparison('f1-macro')).toBe('>=');
    expect(defaultComparison('r2')).toBe('>=');
    expect(defaultComparison('rmse')).toBe('<=');
    expect(defaultComparison('log-loss')).toBe('<=');
  });
});

describe('criterionProblem', () => {
  test('accepts sound criteria and incomplete ones', () => {
    expect(criterionProblem(c('f1-macro', '>=', 0.85), 'multiclass')).toBeNull();
    expect(criterionProblem(c('rmse', '<=', 3), 'regression')).toBeNull();
    expect(criterionProblem(c('r2', '>=', -0.5), '')).toBeNull();
    expect(criterionProblem(c('accuracy', '>=', null), 'binary')).toBeNull();
  });

  test('names thresholds outside the metric’s range', () => {
    expect(criterionProblem(c('accuracy', '>=', 1.5), 'binary')).toBe('Accuracy is between 0 and 1, so 1.5 is outside its range.');
    expect(criterionProblem(c('mae', '<=', -1), 'regression')).toBe('MAE is at least 0, so -1 is outside its range.');
    expect(criterionProblem(c('r2', '>=', 2), 'regression')).toBe('R² is at most 1, so 2 is outside its range.');
  });

  test('names criteria that every value or no value meets', () => {
    expect(criterionProblem(c('accuracy', '>=', 0), 'binary')).toContain('Every Accuracy value meets this');
    expect(criterionProblem(c('roc-auc', '<=', 1), 'binary')).toContain('Every ROC AUC value meets this');
    expect(criterionProblem(c('accuracy', '>', 1), 'binary')).toContain('No Accuracy value can meet this');
    expect(criterionProblem(c('mse', '<', 0), 'regression')).toContain('No MSE value can meet this');
  });

  test('names a metric of the wrong family for the task', () => {
    expect(criterionProblem(c('rmse', '<=', 3), 'binary')).toBe('RMSE is a regression metric, but this is a classification task.');
    expect(criterionProblem(c('log-loss', '<=', 0.3), 'regression')).toBe('Log loss is a classification metric, but this is a regression task.');
  });
});

describe('checkCriterion', () => {
  test('compares as written, at the boundary too', () => {
    expect(checkCriterion(c('f1-macro', '>=', 0.85), 0.85)).toBe('met');
    expect(checkCriterion(c('f1-macro', '>', 0.85), 0.85)).toBe('not-met');
    expect(checkCriterion(c('rmse', '<=', 3), 3)).toBe('met');
    expect(checkCriterion(c('rmse', '<', 3), 3)).toBe('not-met');
    expect(checkCriterion(c('rmse', '<', 3), 2.9)).toBe('met');
  });

  test('is unknown without a measurement or a threshold', () => {
    expect(checkCriterion(c('accuracy', '>=', 0.9), null)).toBe('unknown');
    expect(checkCriterion(c('accuracy', '>=', 0.9), undefined)).toBe('unknown');
    expect(checkCriterion(c('accuracy', '>=', 0.9), Number.NaN)).toBe('unknown');
    expect(checkCriterion(c('accuracy', '>=', null), 0.95)).toBe('unknown');
  });

  test('describes itself for people', () => {
    expect(describeCriterion(c('f1-macro', '>=', 0.85))).toBe('F1 (macro) ≥ 0.85');
    expect(describeCriterion(c('rmse', '<', null))).toBe('RMSE < …');
  });
});

describe('parseThreshold', () => {
  test('reads plain numbers, decimal commas and exponents', () => {
    expect(parseThreshold('0.85')).toBe(0.85);
    expect(parseThreshold(' 3 ')).toBe(3);
    expect(parseThreshold('0,9')).toBe(0.9);
    expect(parseThreshold(',5')).toBe(0.5);
    expect(parseThreshold('-2')).toBe(-2);
    expect(parseThreshold('.5')).toBe(0.5);
    expect(parseThreshold('1e-3')).toBe(0.001);
    expect(parseThreshold('')).toBeNull();
    expect(parseThreshold('  ')).toBeNull();
  });

  test('refuses anything else', () => {
    for (const text of ['0.8x', 'abc', '1,000.5', '1.2.3', 'Infinity', '1e999', '0x10', '--1', '.']) {
      expect(parseThreshold(text), text).toBe('invalid');
    }
  });
});
