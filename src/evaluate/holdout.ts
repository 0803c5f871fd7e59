/**
 * What the Evaluate page shows for one run's predictions on one part: every metric beside the
 * baseline's, the confusion matrix, and the curves. Pure: computed from the stored predictions.
 */
import type { HoldoutEvaluation as EvaluationRow } from '../storage/rows';
import { accuracy, averaged, balancedAccuracy, confusionMatrix, matthews, normalizeRows, perClass, type ClassScores } from './metrics/classification';
import { logLoss, prCurve, rocAuc, rocAucOvr, rocCurve, type PrCurve, type RocCurve } from './metrics/probabilistic';
import { mae, mape, mapeWarning, medianAbsoluteError, mse, r2, rmse } from './metrics/regression';
import { equalBins, probabilityCounts, sampledPositions, thinCurve, type Bins } from './plot-data';

export interface MetricLine {
  /** stable: the page shows it as data-testid="metric-<key>" */
  key: string;
  label: string;
  value: number;
  baseline: number;
  /** whether larger is better, to say which side wins */
  higherIsBetter: boolean;
  /** why the value is n/a, when the rows cannot give one (ROC AUC on a part without every class) */
  note?: string;
}

export interface ClassificationReport {
  kind: 'classification';
  classes: string[];
  metrics: MetricLine[];
  confusion: number[][];
  confusionNormalized: number[][];
  perClass: ClassScores;
  /** binary: the positive class's curves, thinned for drawing (plot-data.ts) */
  roc: { fpr: number[]; tpr: number[] } | null;
  pr: { recall: number[]; precision: number[] } | null;
  /** binary, when the scored rows lack a class: why there are no curves, with each class's count; else null */
  curvesNote: string | null;
  /** binary, when the scored rows lack a class: why precision, recall and F1 at a threshold are n/a; else null */
  thresholdNote: string | null;
  /**
   * per class: how many rows got each probability of that class (bins of 0.05,
   * PROBABILITY_BINS), for the rows truly of it and for the others
   */
  probabilities: { own: number[]; others: number[] }[];
}

export interface RegressionReport {
  kind: 'regression';
  metrics: MetricLine[];
  /** rows in the part */
  rows: number;
  /** at most PLOT_MAX_POINTS rows, evenly spaced, for the scatters */
  actual: number[];
  predicted: number[];
  /** actual − predicted, of the same rows */
  residuals: number[];
  /** the residuals of every row, binned */
  residualBins: Bins;
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

/**
 * Why ROC AUC is n/a, or undefined when every class has rows. A class without rows leaves its
 * true (or false) positive rate 0 / 0: scikit-learn raises, here the value is NaN and this says why.
 * Example: 'ROC AUC needs rows of both classes among the scored rows: 3 of “no”, 0 of “yes”.'
 */
export function aucNote(classes: readonly string[], counts: readonly number[]): string | undefined {
  if (counts.every((n) => n > 0)) return undefined;
  const each = classes.map((c, i) => `${counts[i]!.toLocaleString('en')} of “${c}”`).join(', ');
  return `ROC AUC needs rows of ${classes.length === 2 ? 'both classes' : 'every class'} among the scored rows: ${each}.`;
}

/**
 * Binary: why `figures` cannot be had from the part, or null when both classes have rows.
 * Example: 'ROC and precision-recall curves need rows of both classes among the scored rows: the test part has 3 rows of “no” and 0 of “yes”.'
 */
function bothClassesNote(figures: string, classes: readonly string[], counts: readonly number[], part: string): string | null {
  if (classes.length !== 2 || counts.every((n) => n > 0)) return null;
  const [no, yes] = counts as [number, number];
  return `${figures} need rows of both classes among the scored rows: the ${part} part has ${no.toLocaleString('en')} ${no === 1 ? 'row' : 'rows'} of “${classes[0]}” and ${yes.toLocaleString('en')} of “${classes[1]}”.`;
}

/** Why a metric is n/a, by key, for those that can be (ROC AUC on a part without every class); each class's count of rows in `counts`. */
function metricNotes(classes: readonly string[], counts: readonly number[]): Record<string, string | undefined> {
  return { 'roc-auc': aucNote(classes, counts) };
}

/** metricNotes of a stored part, from its true labels alone (no report needed): {} for regression. */
export function modelMetricNotes(e: EvaluationRow): Record<string, string | undefined> {
  if (!e.classes) return {};
  const counts = e.classes.map(() => 0);
  for (const y of e.yTrue) counts[y]!++;
  return metricNotes(e.classes, counts);
}

export function classificationReport(e: EvaluationRow): ClassificationReport {
  const classes = e.classes!;
  const k = classes.length;
  const yTrue = Array.from(e.yTrue);
  const proba = rowsOf(e.predictions, k);
  const model = classificationMetrics(yTrue, proba, k);
  const base = classificationMetrics(yTrue, rowsOf(e.baseline, k), k);
  const counts = model.cm.map((row) => row.reduce((a, b) => a + b, 0));
  const notes = metricNotes(classes, counts);
  // Curves of a part without one of the classes are all NaN rates: no chart at all, and curvesNote says why.
  const scores = k === 2 && counts.every((n) => n > 0) ? proba.map((p) => p[1]!) : null;
  return {
    kind: 'classification',
    classes,
    metrics: CLASSIFICATION_LABELS.map(([key, label, higherIsBetter]) => ({ key, label, value: model.values[key]!, baseline: base.values[key]!, higherIsBetter, ...(notes[key] ? { note: notes[key] } : {}) })),
    confusion: model.cm,
    confusionNormalized: normalizeRows(model.cm),
    perClass: perClass(model.cm),
    roc: scores ? rocForDrawing(rocCurve(yTrue, scores)) : null,
    pr: scores ? prForDrawing(prCurve(yTrue, scores)) : null,
    curvesNote: bothClassesNote('ROC and precision-recall curves', classes, counts, e.part),
    thresholdNote: bothClassesNote('Precision, recall and F1 at a threshold', classes, counts, e.part),
    probabilities: classes.map((_, c) => ({ own: probabilityCounts(proba.filter((_, i) => yTrue[i] === c).map((p) => p[c]!)), others: probabilityCounts(proba.filter((_, i) => yTrue[i] !== c).map((p) => p[c]!)) })),
  };
}

type RegressionMetric = [key: string, label: string, f: (actual: number[], predicted: number[]) => number, higherIsBetter: boolean];

const REGRESSION_METRICS: RegressionMetric[] = [
  ['mse', 'MSE', mse, false],
  ['rmse', 'RMSE', rmse, false],
  ['mae', 'MAE', mae, false],
  ['r2', 'R²', r2, true],
  ['median-ae', 'Median absolute error', medianAbsoluteError, false],
  ['mape', 'MAPE', mape, false],
];

export function regressionReport(e: EvaluationRow): RegressionReport {
  const actual = Array.from(e.yTrue);
  const predicted = Array.from(e.predictions);
  const base = Array.from(e.baseline);
  const line = ([key, label, f, higherIsBetter]: RegressionMetric): MetricLine => ({ key, label, value: f(actual, predicted), baseline: f(actual, base), higherIsBetter });
  const residuals = actual.map((a, i) => a - predicted[i]!);
  const shown = sampledPositions(actual.length);
  return {
    kind: 'regression',
    metrics: REGRESSION_METRICS.map(line),
    rows: actual.length,
    actual: shown.map((i) => actual[i]!),
    predicted: shown.map((i) => predicted[i]!),
    residuals: shown.map((i) => residuals[i]!),
    residualBins: equalBins(residuals),
    mapeWarning: mapeWarning(actual),
  };
}

function rocForDrawing(roc: RocCurve): { fpr: number[]; tpr: number[] } {
  const { x, y } = thinCurve(roc.fpr, roc.tpr);
  return { fpr: x, tpr: y };
}

function prForDrawing(pr: PrCurve): { recall: number[]; precision: number[] } {
  const { x, y } = thinCurve(pr.recall, pr.precision);
  return { recall: x, precision: y };
}

/**
 * The model's metrics alone, by key, as the report has them: no baseline, no curves, no chart
 * data, for comparing runs (a report per run, each time a run was saved, cost 0.2–0.8 s a run at
 * 150,000 rows).
 */
export function modelMetrics(e: EvaluationRow): Record<string, number> {
  if (e.classes) return classificationMetrics(Array.from(e.yTrue), rowsOf(e.predictions, e.classes.length), e.classes.length).values;
  const [actual, predicted] = [Array.from(e.yTrue), Array.from(e.predictions)];
  return Object.fromEntries(REGRESSION_METRICS.map(([key, , f]) => [key, f(actual, predicted)]));
}

export function holdoutReport(e: EvaluationRow): ClassificationReport | RegressionReport {
  return e.classes ? classificationReport(e) : regressionReport(e);
}

/** A metric as the page writes it: a plain number, six significant digits. */
export function plainNumber(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(6))) : 'n/a';
}

/**
 * A mean and its standard deviation as written in a report: the deviation to two significant
 * digits and the mean to the same decimal place, since digits finer than the spread are noise
 * (0.973046 ± 0.00942512 reads 0.9730 ± 0.0094; 26.86 ± 12.3 reads 27 ± 12). Without a
 * spread (0, or not a number), each is a plain number.
 */
export function meanAndSpread(mean: number, std: number): { mean: string; std: string } {
  if (!Number.isFinite(mean) || !Number.isFinite(std) || std <= 0) return { mean: plainNumber(mean), std: plainNumber(std) };
  const place = Math.floor(Math.log10(std)) - 1;
  if (place >= 0) {
    const step = 10 ** place;
    return { mean: String(Math.round(mean / step) * step), std: String(Math.round(std / step) * step) };
  }
  const decimals = Math.min(20, -place);
  return { mean: mean.toFixed(decimals), std: std.toFixed(decimals) };
}
