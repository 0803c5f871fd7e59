/**
 * Metrics of predicted probabilities, with scikit-learn's semantics: log loss, ROC and
 * precision-recall curves, AUC (binary, and one-vs-rest for several classes), average precision.
 */

/**
 * log_loss(y_true, proba, labels=range(k)): probabilities clipped to [eps, 1 − eps], rows
 * renormalised. eps is numpy.finfo(float64).eps, scikit-learn's since 1.3 (before: 1e-15).
 */
export function logLoss(yTrue: ArrayLike<number>, proba: readonly (readonly number[])[], eps = Number.EPSILON): number {
  let total = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const row = proba[i]!.map((p) => Math.min(1 - eps, Math.max(eps, p)));
    const rowSum = row.reduce((a, b) => a + b, 0);
    total -= Math.log(row[yTrue[i]!]! / rowSum);
  }
  return total / yTrue.length;
}

interface BinaryCounts {
  /** false and true positives at each distinct threshold, highest score first */
  fps: number[];
  tps: number[];
  thresholds: number[];
}

/** sklearn.metrics._ranking._binary_clf_curve: counts at each distinct score, tied scores together. */
function binaryCounts(yTrue: ArrayLike<number>, scores: ArrayLike<number>): BinaryCounts {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const fps: number[] = [];
  const tps: number[] = [];
  const thresholds: number[] = [];
  let tp = 0;
  for (let r = 0; r < order.length; r++) {
    const i = order[r]!;
    tp += yTrue[i] === 1 ? 1 : 0;
    const last = r === order.length - 1 || scores[order[r + 1]!] !== scores[i];
    if (last) {
      tps.push(tp);
      fps.push(r + 1 - tp);
      thresholds.push(scores[i]!);
    }
  }
  return { fps, tps, thresholds };
}

export interface RocCurve {
  fpr: number[];
  tpr: number[];
  /** the first is +Infinity (no row predicted positive), as scikit-learn ≥ 1.3 */
  thresholds: number[];
}

/** roc_curve(y_true, scores, drop_intermediate=False); NaN rates when a class is absent. */
export function rocCurve(yTrue: ArrayLike<number>, scores: ArrayLike<number>): RocCurve {
  const { fps, tps, thresholds } = binaryCounts(yTrue, scores);
  const negatives = fps.at(-1) ?? 0;
  const positives = tps.at(-1) ?? 0;
  return {
    fpr: [0, ...fps].map((f) => (negatives ? f / negatives : Number.NaN)),
    tpr: [0, ...tps].map((t) => (positives ? t / positives : Number.NaN)),
    thresholds: [Infinity, ...thresholds],
  };
}

/** The trapezoidal area under a curve given by points in order (sklearn.metrics.auc). */
export function trapezoid(x: readonly number[], y: readonly number[]): number {
  let area = 0;
  for (let i = 1; i < x.length; i++) area += ((x[i]! - x[i - 1]!) * (y[i]! + y[i - 1]!)) / 2;
  return area;
}

/** roc_auc_score(y_true, scores) for a binary target; NaN when only one class is present (scikit-learn raises). */
export function rocAuc(yTrue: ArrayLike<number>, scores: ArrayLike<number>): number {
  const { fpr, tpr } = rocCurve(yTrue, scores);
  if (fpr.some(Number.isNaN) || tpr.some(Number.isNaN)) return Number.NaN;
  return trapezoid(fpr, tpr);
}

/** roc_auc_score(y_true, proba, multi_class='ovr', average='macro' | 'weighted'): each class against the rest. */
export function rocAucOvr(yTrue: ArrayLike<number>, proba: readonly (readonly number[])[], average: 'macro' | 'weighted'): number {
  const k = proba[0]?.length ?? 0;
  let total = 0;
  let weights = 0;
  for (let c = 0; c < k; c++) {
    const isC = Array.from(yTrue, (y) => (y === c ? 1 : 0));
    const auc = rocAuc(isC, proba.map((row) => row[c]!));
    const w = average === 'macro' ? 1 : isC.reduce((a: number, b) => a + b, 0);
    total += w * auc;
    weights += w;
  }
  return total / weights;
}

export interface PrCurve {
  /** from the lowest threshold up, ending with precision 1 at recall 0 (scikit-learn's order) */
  precision: number[];
  recall: number[];
  thresholds: number[];
}

/** precision_recall_curve(y_true, scores) */
export function prCurve(yTrue: ArrayLike<number>, scores: ArrayLike<number>): PrCurve {
  const { fps, tps, thresholds } = binaryCounts(yTrue, scores);
  const positives = tps.at(-1) ?? 0;
  const precision = tps.map((t, i) => (t + fps[i]! ? t / (t + fps[i]!) : 0));
  const recall = tps.map((t) => (positives ? t / positives : 1));
  return { precision: [...precision.reverse(), 1], recall: [...recall.reverse(), 0], thresholds: thresholds.reverse() };
}

/** average_precision_score: Σ (R_n − R_{n−1}) · P_n, the step-wise area under the PR curve. */
export function averagePrecision(yTrue: ArrayLike<number>, scores: ArrayLike<number>): number {
  const { precision, recall } = prCurve(yTrue, scores);
  let ap = 0;
  for (let i = 0; i < recall.length - 1; i++) ap -= (recall[i + 1]! - recall[i]!) * precision[i]!;
  return ap;
}
