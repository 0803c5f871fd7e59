/**
 * Success criteria: "metric comparison threshold" rows such as macro F1 ≥ 0.85 or RMSE ≤ 3.0,
 * and their check against measured results.
 */
import { metricInfo, type MetricKey, type TaskType } from './metrics';

export type Comparison = '>=' | '>' | '<=' | '<';
export const COMPARISONS: readonly Comparison[] = ['>=', '>', '<=', '<'];
export const COMPARISON_LABELS: Record<Comparison, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' };

export interface Criterion {
  id: string;
  metric: MetricKey;
  comparison: Comparison;
  /** null while the user has not typed a number yet */
  threshold: number | null;
}

/** The default comparison for a metric: at least for scores, at most for errors and losses. */
export function defaultComparison(metric: MetricKey): Comparison {
  return metricInfo(metric).higherIsBetter ? '>=' : '<=';
}

/**
 * What is wrong with a criterion, in words, or null when it is sound. A criterion still
 * waiting for its threshold is incomplete, not wrong: null.
 * Example: accuracy ≥ 1.2 → 'Accuracy is between 0 and 1, so 1.2 is outside its range.'
 */
export function criterionProblem(c: Criterion, task: TaskType | ''): string | null {
  const info = metricInfo(c.metric);
  if (task !== '' && (task === 'regression') !== (info.family === 'regression')) {
    const kind = task === 'regression' ? 'regression' : 'classification';
    return `${info.label} is a ${info.family} metric, but this is a ${kind} task.`;
  }
  if (c.threshold === null) return null;
  if (!Number.isFinite(c.threshold)) return 'The threshold must be a finite number.';
  const [min, max] = info.range;
  if (c.threshold < min || c.threshold > max) {
    const span = max === Infinity ? `at least ${min}` : min === -Infinity ? `at most ${max}` : `between ${min} and ${max}`;
    return `${info.label} is ${span}, so ${c.threshold} is outside its range.`;
  }
  // A criterion met by every possible value or by none is a typing slip, not a goal.
  if ((c.comparison === '>=' && c.threshold === min) || (c.comparison === '<=' && c.threshold === max)) {
    return `Every ${info.label} value meets this; choose a stricter threshold.`;
  }
  if ((c.comparison === '>' && c.threshold === max) || (c.comparison === '<' && c.threshold === min)) {
    return `No ${info.label} value can meet this; choose a reachable threshold.`;
  }
  return null;
}

export type CriterionOutcome = 'met' | 'not-met' | 'unknown';

/** Whether a measured value meets the criterion; 'unknown' without a value or a threshold. */
export function checkCriterion(c: Criterion, measured: number | null | undefined): CriterionOutcome {
  if (c.threshold === null || measured === null || measured === undefined || Number.isNaN(measured)) return 'unknown';
  switch (c.comparison) {
    case '>=':
      return measured >= c.threshold ? 'met' : 'not-met';
    case '>':
      return measured > c.threshold ? 'met' : 'not-met';
    case '<=':
      return measured <= c.threshold ? 'met' : 'not-met';
    case '<':
      return measured < c.threshold ? 'met' : 'not-met';
  }
}

/** e.g. 'F1 (macro) ≥ 0.85' */
export function describeCriterion(c: Criterion): string {
  const threshold = c.threshold === null ? '…' : String(c.threshold);
  return `${metricInfo(c.metric).label} ${COMPARISON_LABELS[c.comparison]} ${threshold}`;
}

/**
 * A threshold as typed: '0.85', ' 3 ', or with a decimal comma '0,85'.
 * Returns null for an empty field and 'invalid' for anything that is not one finite number.
 */
export function parseThreshold(text: string): number | null | 'invalid' {
  const t = text.trim();
  if (t === '') return null;
  const normalised = /^[+-]?\d*,\d+$/.test(t) ? t.replace(',', '.') : t;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(normalised)) return 'invalid';
  const n = Number(normalised);
  return Number.isFinite(n) ? n : 'invalid';
}
