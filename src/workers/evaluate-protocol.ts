/** Messages between the Evaluate page and the evaluate worker, which reads predictions from storage. */
import type { Comparison } from '../evaluate/compare';
import type { ClassificationReport, RegressionReport } from '../evaluate/holdout';
import type { RowToCheck } from '../evaluate/rows-to-check';
import type { MetricKey } from '../plan/metrics';
import type { CvEvaluation } from '../storage/rows';

export interface PartReport {
  report: ClassificationReport | RegressionReport;
  worst: RowToCheck[];
  /** binary runs: what the threshold slider needs */
  binary: { yTrue: Float64Array | Float32Array; positive: Float32Array; classes: string[] } | null;
}

export interface RunReport {
  /** null when the run has no predictions for that part */
  part: PartReport | null;
  /** the run's cross-validation, without its out-of-fold arrays */
  cv: Omit<CvEvaluation, 'outOfFold'> | null;
  labelErrors: RowToCheck[];
}

export interface EvaluateWorkerApi {
  report(runId: string, part: 'validation' | 'test'): Promise<RunReport>;
  compare(runIds: string[], firstCriterion: MetricKey | null): Promise<Comparison | null>;
}
