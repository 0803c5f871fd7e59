/**
 * Runs side by side on the metric that matters: the plan's first success criterion (or accuracy,
 * or RMSE, without one), on the validation part and in cross-validation, the best one marked.
 */
import { metricInfo, type MetricKey } from '../plan/metrics';
import type { CvEvaluation, HoldoutEvaluation, RunRow } from '../storage/rows';
import { modelMetricNotes, modelMetrics } from './holdout';

export interface ComparisonLine {
  runId: string;
  name: string;
  value: number | null;
  cvMean: number | null;
  cvStd: number | null;
  best: boolean;
  /** why `value` is n/a, as the metrics table says it (ROC AUC on a part without every class) */
  note?: string;
}

export interface Comparison {
  metric: MetricKey;
  label: string;
  /** why this metric */
  because: string;
  lines: ComparisonLine[];
}

export function compareRuns(runs: readonly RunRow[], evaluations: readonly (HoldoutEvaluation | CvEvaluation)[], firstCriterion: MetricKey | null): Comparison | null {
  if (runs.length === 0) return null;
  const task = runs[0]!.task;
  const metric: MetricKey = firstCriterion ?? (task === 'regression' ? 'rmse' : 'accuracy');
  const info = metricInfo(metric);
  const lines = runs.map((run): ComparisonLine => {
    const holdout = evaluations.find((e): e is HoldoutEvaluation => e.runId === run.id && e.kind === 'holdout' && e.part === 'validation');
    const cv = evaluations.find((e): e is CvEvaluation => e.runId === run.id && e.kind === 'cv');
    const value = holdout ? (modelMetrics(holdout)[metric] ?? null) : null;
    const note = holdout ? modelMetricNotes(holdout)[metric] : undefined;
    return { runId: run.id, name: run.name, value, cvMean: cv?.mean[metric] ?? null, cvStd: cv?.std[metric] ?? null, best: false, ...(note ? { note } : {}) };
  });
  const scored = lines.filter((l) => l.value !== null && Number.isFinite(l.value));
  if (scored.length) {
    const best = scored.reduce((a, b) => ((info.higherIsBetter ? b.value! > a.value! : b.value! < a.value!) ? b : a));
    best.best = true;
  }
  return { metric, label: info.label, because: firstCriterion ? 'the plan’s first success criterion' : 'the plan has no success criterion yet', lines };
}
