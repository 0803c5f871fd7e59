/**
 * The statistics steps learn, read through a column view: the same numbers as presentNumbers
 * followed by moments or quantiles (stats.ts), without first copying the column's present
 * values out of the rows it is read through.
 */
import { isValid } from '../shared/column';
import type { ColumnView } from './frame-view';
import { viewAllPresent } from './frame-view';
import { copyNumbers, denseSource, quantilesOf, type NumberSource, type Quantiles } from '../shared/select';
import { pairwiseSum } from '../shared/sums';
import { moments, type Moments } from './stats';

/** The view's values as a NumberSource when every row is present; null when some are missing. */
export function numberSource(view: ColumnView, n: number): NumberSource | null {
  if (!viewAllPresent(view, n)) return null;
  const { affine } = view;
  return { values: view.column.values as Float64Array, rows: view.rows, center: affine ? affine.center : 0, scale: affine ? affine.scale : 1, n };
}

/** The present, non-NaN values, in row order, as a new array: presentNumbers of the view. */
export function viewPresentNumbers(view: ColumnView, n: number): Float64Array {
  const source = numberSource(view, n);
  if (source) return copyNumbers(source);
  const { column, rows, affine } = view;
  const values = column.values;
  const [center, scale] = affine ? [affine.center, affine.scale] : [0, 1];
  const out = new Float64Array(n);
  let m = 0;
  for (let r = 0; r < n; r++) {
    const i = rows === null ? r : rows[r]!;
    if (!isValid(column.valid, i)) continue;
    const x = (values[i]! - center) * scale;
    if (x === x) out[m++] = x;
  }
  return out.subarray(0, m);
}

/** The mean and (population) standard deviation of the view's present, non-NaN values: moments' exactly. */
export function viewMeanStd(view: ColumnView, n: number): { count: number; mean: number; std: number } {
  const source = numberSource(view, n);
  const fast = source && n > 0 ? meanStdOf(source) : null;
  return fast ?? moments(viewPresentNumbers(view, n));
}

/** moments(presentNumbers) of the view, exactly: the same values summed in the same order. */
export function viewMoments(view: ColumnView, n: number): Moments {
  const source = numberSource(view, n);
  const fast = source && n > 0 ? meanStdOf(source) : null;
  return fast ? { ...fast, ...minMaxOf(source!) } : moments(viewPresentNumbers(view, n));
}

/** Quantiles of the view's present, non-NaN values, with how many there are. */
export function viewQuantiles(view: ColumnView, n: number, qs: readonly number[]): Quantiles {
  const source = numberSource(view, n);
  return quantilesOf(source ?? denseSource(viewPresentNumbers(view, n)), qs);
}

/**
 * Two passes as numpy makes them, the mean first, then squared deviations, each summed pairwise
 * (sums.ts) as moments sums them. Null when the sum is NaN: a NaN is among the values
 * (presentNumbers would have left it out), or both infinities are, and the general path decides.
 */
function meanStdOf(source: NumberSource): { count: number; mean: number; std: number } | null {
  const sum = pairwiseSum(source, false);
  if (sum !== sum) return null;
  const mean = sum / source.n;
  return { count: source.n, mean, std: Math.sqrt(pairwiseSum(source, true, mean) / source.n) };
}

/**
 * Min and max as moments finds them (the first of equal values wins, so -0 and 0 come out as
 * there), of n > 0 values without NaN. Starting from the first value, not ±Infinity, is the
 * same and twice as fast in V8.
 */
function minMaxOf(source: NumberSource): { min: number; max: number } {
  const { values, rows, center, scale, n } = source;
  let min = (values[rows === null ? 0 : rows[0]!]! - center) * scale;
  let max = min;
  for (let r = 1; r < n; r++) {
    const x = (values[rows === null ? r : rows[r]!]! - center) * scale;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return { min, max };
}
