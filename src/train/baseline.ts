/**
 * The baselines every model must beat: the class prior (predicts the most frequent class, with
 * the training shares as probabilities) and the mean (regression). Scored with the same loss
 * and metric as trained models, so the numbers sit side by side.
 */
import type { Matrices } from './training-data';

export type Baseline = { kind: 'prior'; prior: number[] } | { kind: 'mean'; mean: number };

/** Probabilities are kept off 0 so a class unseen in training gives a large, finite loss (as scikit-learn clips). */
const EPS = 1e-15;

export function fitBaseline(train: Matrices, classCount: number | null): Baseline {
  if (classCount === null) {
    let sum = 0;
    for (const y of train.y) sum += y;
    return { kind: 'mean', mean: train.rows ? sum / train.rows : 0 };
  }
  const counts = new Array<number>(classCount).fill(0);
  for (const y of train.y) counts[y]!++;
  return { kind: 'prior', prior: counts.map((c) => c / Math.max(1, train.rows)) };
}

/** Loss (cross-entropy or MSE) and metric (accuracy or RMSE) of the baseline on some rows. */
export function scoreBaseline(baseline: Baseline, m: Matrices): { loss: number; metric: number } {
  if (m.rows === 0) return { loss: Number.NaN, metric: Number.NaN };
  if (baseline.kind === 'mean') {
    let squares = 0;
    for (const y of m.y) squares += (y - baseline.mean) ** 2;
    return { loss: squares / m.rows, metric: Math.sqrt(squares / m.rows) };
  }
  const p = baseline.prior.map((q) => Math.min(1 - EPS, Math.max(EPS, q)));
  const majority = baseline.prior.indexOf(Math.max(...baseline.prior));
  let loss = 0;
  let correct = 0;
  for (const y of m.y) {
    // Binary: the loop's sigmoid cross-entropy; several classes: softmax cross-entropy. Both are −log p(true class).
    loss -= Math.log(p[y]!);
    if (y === majority) correct++;
  }
  return { loss: loss / m.rows, metric: correct / m.rows };
}
