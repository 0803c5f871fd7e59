/**
 * Classification metrics with scikit-learn's semantics: classes are 0 … k−1, zero_division=0
 * (a ratio with nothing to divide by is 0); averages 'weighted' and 'micro' over all k classes,
 * 'macro' over those in y_true or y_pred, as scikit-learn's default labels. Each function names
 * the scikit-learn call it matches.
 */

/** confusion_matrix(y_true, y_pred, labels=range(k)): rows are true classes, columns predicted. */
export function confusionMatrix(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, k: number): number[][] {
  const cm = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < yTrue.length; i++) cm[yTrue[i]!]![yPred[i]!]!++;
  return cm;
}

/** confusion_matrix(..., normalize='true'): each row over its total; a class with no rows stays 0. */
export function normalizeRows(cm: readonly number[][]): number[][] {
  return cm.map((row) => {
    const total = row.reduce((a, b) => a + b, 0);
    return row.map((c) => (total ? c / total : 0));
  });
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** accuracy_score */
export function accuracy(cm: readonly number[][]): number {
  const n = sum(cm.map(sum));
  return ratio(sum(cm.map((row, i) => row[i]!)), n);
}

/** balanced_accuracy_score: the mean recall over the classes present in y_true. */
export function balancedAccuracy(cm: readonly number[][]): number {
  const recalls = cm.flatMap((row, i) => {
    const total = sum(row);
    return total ? [row[i]! / total] : [];
  });
  return recalls.length ? sum(recalls) / recalls.length : 0;
}

export interface ClassScores {
  precision: number[];
  recall: number[];
  f1: number[];
  /** rows of each true class */
  support: number[];
}

/** precision_recall_fscore_support(average=None, zero_division=0) */
export function perClass(cm: readonly number[][]): ClassScores {
  const k = cm.length;
  const tp = cm.map((row, i) => row[i]!);
  const predicted = Array.from({ length: k }, (_, j) => sum(cm.map((row) => row[j]!)));
  const support = cm.map(sum);
  const precision = tp.map((t, i) => ratio(t, predicted[i]!));
  const recall = tp.map((t, i) => ratio(t, support[i]!));
  // As scikit-learn computes it, 2·tp / (true + predicted): exact where 2PR / (P + R) is not
  // (F1 of [[0, 1], [2, 6]] is 0.4, not 0.39999999999999997, which failed a criterion "≥ 0.4").
  const f1 = tp.map((t, i) => ratio(2 * t, support[i]! + predicted[i]!));
  return { precision, recall, f1, support };
}

export type Average = 'macro' | 'weighted' | 'micro';

/** precision_score / recall_score / f1_score with average=…, zero_division=0 */
export function averaged(cm: readonly number[][], average: Average): { precision: number; recall: number; f1: number } {
  const s = perClass(cm);
  if (average === 'micro') {
    const tp = sum(cm.map((row, i) => row[i]!));
    const n = sum(s.support);
    // Every misclassified row is one false positive and one false negative: micro P = R = accuracy.
    const precision = ratio(tp, n);
    return { precision, recall: precision, f1: precision };
  }
  // Macro: over the classes in y_true or y_pred, as scikit-learn's default labels. A class
  // absent from this part and never predicted would add a 0 (zero_division) and drag the mean
  // down: all-correct predictions on a part without one of three classes scored 0.667, not 1.
  const predicted = s.support.map((_, j) => sum(cm.map((row) => row[j]!)));
  const weights = average === 'macro' ? s.support.map((n, i) => +(n > 0 || predicted[i]! > 0)) : s.support;
  const total = sum(weights);
  const mean = (xs: number[]) => ratio(sum(xs.map((x, i) => x * weights[i]!)), total);
  return { precision: mean(s.precision), recall: mean(s.recall), f1: mean(s.f1) };
}

/** matthews_corrcoef, multiclass form; 0 when undefined (a single class predicted or true). */
export function matthews(cm: readonly number[][]): number {
  const k = cm.length;
  const t = cm.map(sum);
  const p = Array.from({ length: k }, (_, j) => sum(cm.map((row) => row[j]!)));
  const n = sum(t);
  const correct = sum(cm.map((row, i) => row[i]!));
  const dot = (a: number[], b: number[]) => sum(a.map((x, i) => x * b[i]!));
  const covYtYp = correct * n - dot(t, p);
  const covYpYp = n * n - dot(p, p);
  const covYtYt = n * n - dot(t, t);
  return covYpYp * covYtYt === 0 ? 0 : covYtYp / Math.sqrt(covYtYt * covYpYp);
}
