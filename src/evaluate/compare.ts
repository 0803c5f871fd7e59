/**
 * Runs side by side on the metric that matters: the plan's first success criterion (or accuracy,
 * or RMSE, without one), on the validation part and in cross-validation, the best one marked.
 */
import { metricInfo, type MetricKey } from '../plan/metrics';
import type { CvEvaluation, HoldoutEvaluation, RunRow } from '../storage/rows';
import { modelMetricNotes, modelMetrics } from './holdout';
import { differenceNote, MIXED_ROWS_NOTE, scoredRowsDiffer } from './scored-rows';

export interface ComparisonLine {
  runId: string;
  name: string;
  value: number | null;
  cvMean: number | null;
  cvStd: number | null;
  best: boolean;
  /** why `value` is n/a, as the metrics table says it (ROC AUC on a part without every class) */
  note?: string;
  /** how the rows and labels it was scored on differ from most runs' (scored-rows.ts) */
  otherRows?: string;
}

export interface Comparison {
  metric: MetricKey;
  label: string;
  /** why this metric */
  because: string;
  lines: ComparisonLine[];
  /** MIXED_ROWS_NOTE when some runs were scored on other validation rows or labels; else null */
  rowsNote: string | null;
}

/** The metric runs are judged on: the plan's first success criterion's, or accuracy, or RMSE, without one. */
export function metricThatMatters(firstCriterion: MetricKey | null, task: 'classification' | 'regression'): MetricKey {
  return firstCriterion ?? (task === 'regression' ? 'rmse' : 'accuracy');
}

export function compareRuns(runs: readonly RunRow[], evaluations: readonly (HoldoutEvaluation | CvEvaluation)[], firstCriterion: MetricKey | null): Comparison | null {
  if (runs.length === 0) return null;
  const task = runs[0]!.task;
  const metric = metricThatMatters(firstCriterion, task);
  const info = metricInfo(metric);
  const holdouts = runs.map((run) => evaluations.find((e): e is HoldoutEvaluation => e.runId === run.id && e.kind === 'holdout' && e.part === 'validation'));
  const scored = holdouts.filter((h) => h !== undefined);
  const differences = scoredRowsDiffer(scored);
  const lines = runs.map((run, k): ComparisonLine => {
    const holdout = holdouts[k];
    const cv = evaluations.find((e): e is CvEvaluation => e.runId === run.id && e.kind === 'cv');
    const value = holdout ? (modelMetrics(holdout)[metric] ?? null) : null;
    const note = holdout ? modelMetricNotes(holdout)[metric] : undefined;
    const differs = holdout ? differences[scored.indexOf(holdout)] : null;
    return { runId: run.id, name: run.name, value, cvMean: cv?.mean[metric] ?? null, cvStd: cv?.std[metric] ?? null, best: false, ...(note ? { note } : {}), ...(differs ? { otherRows: differenceNote(differs, holdout!.classes !== null) } : {}) };
  });
  const withValue = lines.filter((l) => l.value !== null && Number.isFinite(l.value));
  if (withValue.length) {
    const best = withValue.reduce((a, b) => ((info.higherIsBetter ? b.value! > a.value! : b.value! < a.value!) ? b : a));
    best.best = true;
  }
  const rowsNote = lines.some((l) => l.otherRows) ? MIXED_ROWS_NOTE : null;
  return { metric, label: info.label, because: firstCriterion ? 'the plan’s first success criterion' : 'the plan has no success criterion yet', lines, rowsNote };
}
