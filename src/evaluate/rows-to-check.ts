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
  /** the score as the table writes it: regression's error ("≈ 6252.23" when rounded); "n/a" for a row with no prediction */
  scoreText?: string;
}

/** The shortest decimal that reads back as the float32 `x` (9 digits always do): a stored value exactly as stored. */
export function float32Text(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  for (let p = 1; p < 9; p++) {
    const shown = Number(x.toPrecision(p));
    if (Math.fround(shown) === x) return String(shown);
  }
  return String(Number(x.toPrecision(9)));
}

/**
 * A float32 prediction beside its row's actual value: six significant digits, more where six
 * would read as equal to the actual, on its other side, or further from the prediction than a
 * tenth of the error; "≈ " in front when what is shown is not the model's output as float32
 * holds it. Example: predictionText(Math.fround(1234567.2), 1234567) === '1234567.3' (float32
 * holds 1234567.25; six digits, 1234570, would say the model overshot by 3).
 */
export function predictionText(predicted: number, actual: number): string {
  if (!Number.isFinite(predicted)) return 'n/a';
  const error = predicted - actual;
  for (let p = 6; p <= 9; p++) {
    const shown = Number(predicted.toPrecision(p));
    if (Math.sign(shown - actual) !== Math.sign(error)) continue;
    if (Math.fround(shown) === predicted) return String(shown);
    if (Math.abs(shown - predicted) <= Math.abs(error) / 10) return `≈ ${shown}`;
  }
  // Only a prediction within float32's step of the actual gets here: its exact value.
  return String(predicted);
}

/** An absolute error as the table writes it: six significant digits, "≈ " in front when that rounded it. */
function errorText(error: number): string {
  if (!Number.isFinite(error)) return 'n/a';
  const shown = Number(error.toPrecision(6));
  return shown === error ? String(shown) : `≈ ${shown}`;
}

/**
 * Larger absolute error first. A prediction that is no number (NaN, or ±Infinity, from a diverged
 * run) is the worst error of all, so its rows come first: `NaN − x` as the comparison made the
 * order arbitrary, and dropped them from the list. Equal errors compare 0.
 */
function worseErrorFirst(a: number, b: number): number {
  const [x, y] = [Number.isFinite(a) ? a : Infinity, Number.isFinite(b) ? b : Infinity];
  return x === y ? 0 : x < y ? 1 : -1;
}

/** The positions in a regression part of its `limit` largest absolute errors, largest first (no-number predictions before all), from the stored values. */
export function largestErrors(e: HoldoutEvaluation, limit = 20): number[] {
  const error = Float64Array.from(e.yTrue, (y, i) => Math.abs(y - e.predictions[i]!));
  const positions = Array.from({ length: e.yTrue.length }, (_, i) => i);
  return positions.sort((a, b) => worseErrorFirst(error[a]!, error[b]!)).slice(0, limit);
}

/**
 * Those positions' rows as the table shows them. Earlier versions stored the actual values as
 * float32 (123456789 as 123456792); now they are the dataset's own. `datasetValue(row)` gives the
 * dataset's own float64 value, used, and written as the data table writes it, whenever it is the
 * one stored or its float32 rounding (a recipe that changed the value leaves the stored one).
 * The error is against that value; largest first, a prediction that is no number first of all,
 * its prediction and error written "n/a"; equal errors by row.
 */
export function errorRows(e: HoldoutEvaluation, positions: readonly number[], datasetValue: (row: number) => number | undefined = () => undefined): RowToCheck[] {
  const out = positions.map((i): RowToCheck => {
    const row = e.rows[i]!;
    const stored = e.yTrue[i]!;
    const source = datasetValue(row);
    // Stored by an earlier version, the value is its float32 rounding; since, the value itself.
    const exact = source !== undefined && (source === stored || Math.fround(source) === stored);
    const actual = exact ? source : stored;
    const predicted = e.predictions[i]!;
    const score = Math.abs(actual - predicted);
    return { row, truth: exact ? String(source) : e.yTrue instanceof Float32Array ? float32Text(stored) : String(stored), predicted: predictionText(predicted, actual), score, scoreText: errorText(score) };
  });
  return out.sort((a, b) => worseErrorFirst(a.score, b.score) || a.row - b.row);
}

/** The most confident wrong predictions (classification; rows with no probabilities first) or the largest absolute errors (regression, from the stored values). */
export function worstRows(e: HoldoutEvaluation, limit = 20): RowToCheck[] {
  if (!e.classes) return errorRows(e, largestErrors(e, limit));
  const n = e.yTrue.length;
  const out: RowToCheck[] = [];
  const k = e.classes.length;
  for (let i = 0; i < n; i++) {
    const p = e.predictions.subarray(i * k, (i + 1) * k);
    const truth = e.classes[e.yTrue[i]!]!;
    // A diverged model's probabilities are NaN: no prediction at all, listed first (worseErrorFirst), never read as class 0.
    if (!p.every(Number.isFinite)) {
      out.push({ row: e.rows[i]!, truth, predicted: 'n/a', score: Number.NaN, scoreText: 'n/a' });
      continue;
    }
    let best = 0;
    for (let c = 1; c < k; c++) if (p[c]! > p[best]!) best = c;
    if (best !== e.yTrue[i]) out.push({ row: e.rows[i]!, truth, predicted: e.classes[best]!, score: p[best]! });
  }
  return out.sort((a, b) => worseErrorFirst(a.score, b.score) || a.row - b.row).slice(0, limit);
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
