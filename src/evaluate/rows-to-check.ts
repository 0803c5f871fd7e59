/**
 * Rows worth a look: a run's largest errors on a held-out part, and rows whose label is probably
 * wrong — those the out-of-fold model gave almost no chance to their own label.
 */
import type { CvEvaluation, HoldoutEvaluation } from '../storage/rows';

export interface RowToCheck {
  /** the dataset row */
  row: number;
  truth: string;
  predicted: string;
  /** classification: the probability of the prediction (or of the true label, for label errors); regression: |error| */
  score: number;
}

const label = (classes: string[] | null, value: number) => (classes ? classes[value]! : String(Number(value.toPrecision(6))));

/** The most confident wrong predictions (classification) or the largest absolute errors (regression). */
export function worstRows(e: HoldoutEvaluation, limit = 20): RowToCheck[] {
  const n = e.yTrue.length;
  const out: RowToCheck[] = [];
  if (!e.classes) {
    for (let i = 0; i < n; i++) out.push({ row: e.rows[i]!, truth: label(null, e.yTrue[i]!), predicted: label(null, e.predictions[i]!), score: Math.abs(e.yTrue[i]! - e.predictions[i]!) });
  } else {
    const k = e.classes.length;
    for (let i = 0; i < n; i++) {
      const p = e.predictions.subarray(i * k, (i + 1) * k);
      let best = 0;
      for (let c = 1; c < k; c++) if (p[c]! > p[best]!) best = c;
      if (best !== e.yTrue[i]) out.push({ row: e.rows[i]!, truth: e.classes[e.yTrue[i]!]!, predicted: e.classes[best]!, score: p[best]! });
    }
  }
  return out.sort((a, b) => b.score - a.score).slice(0, limit);
}

/**
 * Rows whose out-of-fold probability for their own label is below `threshold`, lowest first,
 * with the label the model preferred as the suggestion.
 */
export function likelyLabelErrors(cv: CvEvaluation, threshold = 0.1, limit = 50): RowToCheck[] {
  const out: RowToCheck[] = [];
  for (const fold of cv.outOfFold) {
    if (!fold.classes) continue;
    const k = fold.classes.length;
    for (let i = 0; i < fold.yTrue.length; i++) {
      const p = fold.predictions.subarray(i * k, (i + 1) * k);
      const own = p[fold.yTrue[i]!]!;
      if (own >= threshold) continue;
      let best = 0;
      for (let c = 1; c < k; c++) if (p[c]! > p[best]!) best = c;
      out.push({ row: fold.rows[i]!, truth: fold.classes[fold.yTrue[i]!]!, predicted: fold.classes[best]!, score: own });
    }
  }
  return out.sort((a, b) => a.score - b.score).slice(0, limit);
}
