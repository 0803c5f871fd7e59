/**
 * What the Evaluate page shows for one run's predictions on one part: every metric beside the
 * baseline's, the confusion matrix, and the curves. Pure: computed from the stored predictions.
 */
import type { HoldoutEvaluation as EvaluationRow } from '../storage/rows';
import { accuracy, averaged, balancedAccuracy, confusionMatrix, matthews, normalizeRows, perClass, type ClassScores } from './metrics/classification';
import { logLoss, prCurve, rocAuc, rocAucOvr, rocCurve, type PrCurve, type RocCurve } from './metrics/probabilistic';
import { mae, mape, mapeWarning, medianAbsoluteError, mse, r2, rmse } from './metrics/regression';

export interface MetricLine {
  /** stable: the page shows it as data-testid="metric-<key>" */
  key: string;
  label: string;
  value: number;
  baseline: number;
  /** whether larger is better, to say which side wins */
  higherIsBetter: boolean;
}

export interface ClassificationReport {
  kind: 'classification';
  classes: string[];
  metrics: MetricLine[];
  confusion: number[][];
  confusionNormalized: number[][];
  perClass: ClassScores;
  /** binary: the positive class's curves */
  roc: RocCurve | null;
  pr: PrCurve | null;
  /** per class: the probability the model gave that class, for the rows truly of it and for the others */
  probabilities: { own: number[]; others: number[] }[];
}

export interface RegressionReport {
  kind: 'regression';
  metrics: MetricLine[];
  actual: number[];
  predicted: number[];
  /** actual − predicted */
  residuals: number[];
  /** some target is close to zero, where MAPE explodes */
  mapeWarning: boolean;
}

/** Rows of probabilities from the row-major array. */
function rowsOf(flat: Float32Array, k: number): number[][] {
  return Array.from({ length: flat.length / k }, (_, r) => Array.from(flat.subarray(r * k, (r + 1) * k)));
}

/** The most probable class; ties go to the first, as numpy's argmax. */
const argmax = (row: readonly number[]) => row.reduce((best, p, i) => (p > row[best]! ? i : best), 0);

function classificationMetrics(yTrue: number[], proba: number[][], k: number) {
  const yPred = proba.map(argmax);
  const cm = confusionMatrix(yTrue, yPred, k);
  const macro = averaged(cm, 'macro');
  const weighted = averaged(cm, 'weighted');
  const auc = k === 2 ? rocAuc(yTrue, proba.map((p) => p[1]!)) : rocAucOvr(yTrue, proba, 'macro');
  return {
    cm,
    values: {
      accuracy: accuracy(cm),
      'balanced-accuracy': balancedAccuracy(cm),
      'f1-macro': macro.f1,
      'f1-weighted': weighted.f1,
      'precision-macro': macro.precision,
      'precision-weighted': weighted.precision,
      'recall-macro': macro.recall,
      'recall-weighted': weighted.recall,
      'roc-auc': auc,
      'log-loss': logLoss(yTrue, proba),
      mcc: matthews(cm),
    } as Record<string, number>,
  };
}

const CLASSIFICATION_LABELS: [string, string, boolean][] = [
  ['accuracy', 'Accuracy', true],
  ['balanced-accuracy', 'Balanced accuracy', true],
  ['f1-macro', 'F1 (macro)', true],
  ['f1-weighted', 'F1 (weighted)', true],
  ['precision-macro', 'Precision (macro)', true],
  ['precision-weighted', 'Precision (weighted)', true],
  ['recall-macro', 'Recall (macro)', true],
  ['recall-weighted', 'Recall (weighted)', true],
  ['roc-auc', 'ROC AUC', true],
  ['log-loss', 'Log loss', false],
  ['mcc', 'Matthews correlation', true],
];

export function classificationReport(e: EvaluationRow): ClassificationReport {
  const classes = e.classes!;
  const k = classes.length;
  const yTrue = Array.from(e.yTrue);
  const proba = rowsOf(e.predictions, k);
  const model = classificationMetrics(yTrue, proba, k);
  const base = classificationMetrics(yTrue, rowsOf(e.baseline, k), k);
  const scores = k === 2 ? proba.map((p) => p[1]!) : null;
  return {
    kind: 'classification',
    classes,
    metrics: CLASSIFICATION_LABELS.map(([key, label, higherIsBetter]) => ({ key, label, value: model.values[key]!, baseline: base.values[key]!, higherIsBetter })),
    confusion: model.cm,
    confusionNormalized: normalizeRows(model.cm),
    perClass: perClass(model.cm),
    roc: scores ? rocCurve(yTrue, scores) : null,
    pr: scores ? prCurve(yTrue, scores) : null,
    probabilities: classes.map((_, c) => ({ own: proba.filter((_, i) => yTrue[i] === c).map((p) => p[c]!), others: proba.filter((_, i) => yTrue[i] !== c).map((p) => p[c]!) })),
  };
}

export function regressionReport(e: EvaluationRow): RegressionReport {
  const actual = Array.from(e.yTrue);
  const predicted = Array.from(e.predictions);
  const base = Array.from(e.baseline);
  const line = (key: string, label: string, f: (a: number[], b: number[]) => number, higherIsBetter = false): MetricLine => ({ key, label, value: f(actual, predicted), baseline: f(actual, base), higherIsBetter });
  return {
    kind: 'regression',
    metrics: [line('mse', 'MSE', mse), line('rmse', 'RMSE', rmse), line('mae', 'MAE', mae), line('r2', 'R²', r2, true), line('median-ae', 'Median absolute error', medianAbsoluteError), line('mape', 'MAPE', mape)],
    actual,
    predicted,
    residuals: actual.map((a, i) => a - predicted[i]!),
    mapeWarning: mapeWarning(actual),
  };
}

export function holdoutReport(e: EvaluationRow): ClassificationReport | RegressionReport {
  return e.classes ? classificationReport(e) : regressionReport(e);
}

/** A metric as the page writes it: a plain number, six significant digits. */
export function plainNumber(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(6))) : 'n/a';
}
