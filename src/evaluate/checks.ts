/**
 * What the Evaluate page judges: the plan's success criteria against the measured metrics, a gap
 * between training and validation scores that says the model memorised its training rows, and a
 * binary model's precision, recall and F1 at any decision threshold.
 */
import { checkCriterion, describeCriterion, type Criterion, type CriterionOutcome } from '../plan/criteria';
import type { EpochRecord } from '../train/train-loop';
import { plainNumber, type MetricLine } from './holdout';

export interface CriterionCheck {
  id: string;
  description: string;
  measured: number | null;
  outcome: CriterionOutcome;
  /** the badge's word: met, not met, no threshold (the plan left it empty), or not measured (no such metric here) */
  badge: string;
}

function badgeOf(c: Criterion, outcome: CriterionOutcome): string {
  if (outcome === 'met') return 'met';
  if (outcome === 'not-met') return 'not met';
  return c.threshold === null ? 'no threshold' : 'not measured';
}

/** Each criterion, met or not, with the value measured (null when this task has no such metric). */
export function checkCriteria(criteria: readonly Criterion[], metrics: readonly MetricLine[]): CriterionCheck[] {
  return criteria.map((c) => {
    const measured = metrics.find((m) => m.key === c.metric)?.value ?? null;
    const outcome = checkCriterion(c, measured);
    return { id: c.id, description: describeCriterion(c), measured, outcome, badge: badgeOf(c, outcome) };
  });
}

/** How a metric compares with the baseline's: better, worse, or the same (or not a number on either side). */
export function againstBaseline(m: Pick<MetricLine, 'value' | 'baseline' | 'higherIsBetter'>): 'better' | 'worse' | 'same' {
  if (!Number.isFinite(m.value) || !Number.isFinite(m.baseline) || m.value === m.baseline) return 'same';
  return (m.higherIsBetter ? m.value > m.baseline : m.value < m.baseline) ? 'better' : 'worse';
}

/**
 * Said above the metrics when the run does not beat the baseline on the metric that matters
 * (compare.ts metricThatMatters): a learner reading a column of numbers may miss that the model
 * knows no more than a constant guess. Null when it beats it, or the metric is not a number.
 */
export function baselineNote(metrics: readonly MetricLine[], key: string, task: 'classification' | 'regression'): string | null {
  const m = metrics.find((line) => line.key === key);
  if (!m || !Number.isFinite(m.value) || !Number.isFinite(m.baseline) || againstBaseline(m) === 'better') return null;
  const guess = task === 'regression' ? 'always predicts the mean of the training targets' : 'predicts the class shares of the training rows for every row';
  return (
    `On ${m.label}, the metric that matters here, this run does no better than the baseline (${plainNumber(m.value)} against ${plainNumber(m.baseline)}), which ${guess}: ` +
    'it has learned nothing a constant guess does not know. Read the notes above, check that Prepare scales and encodes the features, or train with another learning rate or for longer.'
  );
}

export interface OverfitCheck {
  flagged: boolean;
  train: number;
  validation: number;
  /** a sentence for learners */
  explanation: string;
}

/**
 * Training against validation at the kept epoch: flagged when accuracy drops by more than
 * 0.1 (classification) or the RMSE grows by more than half (regression) on rows not trained on.
 */
export function overfitting(history: readonly EpochRecord[], bestEpoch: number, task: 'classification' | 'regression'): OverfitCheck | null {
  const e = history[bestEpoch - 1] ?? history.at(-1);
  if (!e || e.valMetric === null) return null;
  const [train, validation] = [e.metric, e.valMetric];
  if (task === 'classification') {
    const gap = train - validation;
    const flagged = gap > 0.1;
    return {
      flagged,
      train,
      validation,
      explanation: flagged
        ? `Accuracy is ${train.toFixed(3)} on the training rows but ${validation.toFixed(3)} on validation: the model learned its training rows more than the pattern. Try more L2 or dropout, a smaller network, early stopping, or more data.`
        : `Accuracy is ${train.toFixed(3)} on the training rows and ${validation.toFixed(3)} on validation: no sign of overfitting.`,
    };
  }
  const flagged = validation > 1.5 * train;
  return {
    flagged,
    train,
    validation,
    explanation: flagged
      ? `RMSE is ${train.toPrecision(3)} on the training rows but ${validation.toPrecision(3)} on validation: the model fits its training rows far better than new ones. Try more L2, a smaller network, early stopping, or more data.`
      : `RMSE is ${train.toPrecision(3)} on the training rows and ${validation.toPrecision(3)} on validation: no sign of overfitting.`,
  };
}

/**
 * Precision, recall and F1 of the positive class (index 1) when rows with p ≥ threshold are
 * predicted positive. Rows of one class only make all three NaN: without positives recall is
 * 0 / 0, and with nothing but positives precision is 1 at every threshold, however bad the model.
 */
export function atThreshold(yTrue: ArrayLike<number>, positive: ArrayLike<number>, threshold: number): { precision: number; recall: number; f1: number; predictedPositive: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const predicted = positive[i]! >= threshold;
    if (predicted && yTrue[i] === 1) tp++;
    else if (predicted) fp++;
    else if (yTrue[i] === 1) fn++;
  }
  const positives = tp + fn;
  if (positives === 0 || positives === yTrue.length) return { precision: Number.NaN, recall: Number.NaN, f1: Number.NaN, predictedPositive: tp + fp };
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  // 2·tp / (2·tp + fp + fn), as perClass: exact where 2PR / (P + R) can miss by one ulp.
  return { precision, recall, f1: tp ? (2 * tp) / (2 * tp + fp + fn) : 0, predictedPositive: tp + fp };
}
