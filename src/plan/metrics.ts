/**
 * The metrics a success criterion can name: exactly the ones the Evaluate stage computes, with
 * scikit-learn's meaning. Keys double as the Evaluate stage's test ids (`metric-<key>`).
 */

export type TaskType = 'binary' | 'multiclass' | 'regression';

export type MetricKey =
  | 'accuracy'
  | 'balanced-accuracy'
  | 'precision-macro'
  | 'precision-weighted'
  | 'recall-macro'
  | 'recall-weighted'
  | 'f1-macro'
  | 'f1-weighted'
  | 'roc-auc'
  | 'log-loss'
  | 'mse'
  | 'rmse'
  | 'mae'
  | 'r2';

export interface MetricInfo {
  key: MetricKey;
  /** e.g. 'Macro F1' */
  label: string;
  family: 'classification' | 'regression';
  /** Whether a larger value is better; sets the default comparison of a new criterion. */
  higherIsBetter: boolean;
  /** The values the metric can take, for threshold checks: [min, max], Infinity when unbounded. */
  range: readonly [number, number];
  /** One line for learners. */
  help: string;
}

const unit = [0, 1] as const;

export const METRICS: readonly MetricInfo[] = [
  { key: 'accuracy', label: 'Accuracy', family: 'classification', higherIsBetter: true, range: unit, help: 'Share of rows predicted correctly.' },
  { key: 'balanced-accuracy', label: 'Balanced accuracy', family: 'classification', higherIsBetter: true, range: unit, help: 'Mean recall over classes; fair when classes are imbalanced.' },
  { key: 'precision-macro', label: 'Precision (macro)', family: 'classification', higherIsBetter: true, range: unit, help: 'Of the rows predicted as a class, the share that truly are; averaged over classes equally.' },
  { key: 'precision-weighted', label: 'Precision (weighted)', family: 'classification', higherIsBetter: true, range: unit, help: 'Precision averaged over classes, weighted by how common each class is.' },
  { key: 'recall-macro', label: 'Recall (macro)', family: 'classification', higherIsBetter: true, range: unit, help: 'Of the rows of a class, the share found; averaged over classes equally.' },
  { key: 'recall-weighted', label: 'Recall (weighted)', family: 'classification', higherIsBetter: true, range: unit, help: 'Recall averaged over classes, weighted by how common each class is.' },
  { key: 'f1-macro', label: 'F1 (macro)', family: 'classification', higherIsBetter: true, range: unit, help: 'Harmonic mean of precision and recall, averaged over classes equally.' },
  { key: 'f1-weighted', label: 'F1 (weighted)', family: 'classification', higherIsBetter: true, range: unit, help: 'F1 averaged over classes, weighted by how common each class is.' },
  { key: 'roc-auc', label: 'ROC AUC', family: 'classification', higherIsBetter: true, range: unit, help: 'Chance that a random positive row scores above a random negative one; 0.5 is guessing.' },
  { key: 'log-loss', label: 'Log loss', family: 'classification', higherIsBetter: false, range: [0, Infinity], help: 'Penalises confident wrong probabilities; lower is better.' },
  { key: 'mse', label: 'MSE', family: 'regression', higherIsBetter: false, range: [0, Infinity], help: 'Mean squared error, in the target’s units squared; lower is better.' },
  { key: 'rmse', label: 'RMSE', family: 'regression', higherIsBetter: false, range: [0, Infinity], help: 'Root mean squared error, in the target’s units; lower is better.' },
  { key: 'mae', label: 'MAE', family: 'regression', higherIsBetter: false, range: [0, Infinity], help: 'Mean absolute error, in the target’s units; lower is better.' },
  { key: 'r2', label: 'R²', family: 'regression', higherIsBetter: true, range: [-Infinity, 1], help: 'Share of the target’s variance explained; 1 is perfect, 0 is as good as predicting the mean.' },
];

const BY_KEY = new Map(METRICS.map((m) => [m.key, m]));

export function metricInfo(key: MetricKey): MetricInfo {
  const info = BY_KEY.get(key);
  if (!info) throw new Error(`Unknown metric "${key}"`);
  return info;
}

export function isMetricKey(value: unknown): value is MetricKey {
  return typeof value === 'string' && BY_KEY.has(value as MetricKey);
}

/** The metrics that make sense for a task; all of them while the task type is still open. */
export function metricsForTask(task: TaskType | ''): readonly MetricInfo[] {
  if (task === '') return METRICS;
  const family = task === 'regression' ? 'regression' : 'classification';
  return METRICS.filter((m) => m.family === family);
}
