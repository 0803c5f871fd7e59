/**
 * "Synthetic rows (Gaussian copula per class)": each numeric feature of a class is mapped
 * through its empirical CDF to normal scores, their correlation is fitted, and new rows are
 * drawn there and mapped back through the empirical quantiles. So each feature keeps its range
 * and the shape of its distribution, and the features keep their (rank) correlations.
 *
 * Mapping back depends on the feature's values over the whole training part (FeatureKind):
 * - 'levels': at most LEVELS_MAX distinct values (a 0/1 flag, a small count, a one-hot or
 *   scaled flag): only values seen in the class, with the class's own shares of each;
 * - 'whole': whole numbers (a count): interpolated between the class's sorted values, then
 *   rounded, so a count stays a whole number;
 * - 'continuous': interpolated between the class's sorted values.
 * Either way a value stays within the class's [min, max].
 */
import { isValid, type Column } from '../shared/column';
import { cholesky, completeRows, correlatedNormals, type RowModel } from './augment-gaussian';

export type FeatureKind = 'levels' | 'whole' | 'continuous';

/** Features with at most this many distinct training values take only values seen. */
export const LEVELS_MAX = 20;

/** How a feature is mapped back, from its present values in the first n rows. */
export function featureKind(column: Column, n: number): FeatureKind {
  const seen = new Set<number>();
  let whole = true;
  for (let i = 0; i < n; i++) {
    if (!isValid(column.valid, i)) continue;
    const x = column.values[i]!;
    if (seen.size <= LEVELS_MAX) seen.add(x);
    if (!Number.isInteger(x)) whole = false;
  }
  if (seen.size <= LEVELS_MAX) return 'levels';
  return whole ? 'whole' : 'continuous';
}

/** Φ, the standard normal CDF (Hart's rational approximation as given by West, 2005; double precision). */
export function normalCdf(x: number): number {
  const z = Math.abs(x);
  let c = 0;
  if (z <= 37) {
    const e = Math.exp((-z * z) / 2);
    if (z < 7.07106781186547) {
      let n = 3.52624965998911e-2 * z + 0.700383064443688;
      n = n * z + 6.37396220353165;
      n = n * z + 33.912866078383;
      n = n * z + 112.079291497871;
      n = n * z + 221.213596169931;
      n = n * z + 220.206867912376;
      let m = 8.83883476483184e-2 * z + 1.75566716318264;
      m = m * z + 16.064177579207;
      m = m * z + 86.7807322029461;
      m = m * z + 296.564248779674;
      m = m * z + 637.333633378831;
      m = m * z + 793.826512519948;
      m = m * z + 440.413735824752;
      c = (e * n) / m;
    } else {
      let m = z + 0.65;
      m = z + 4 / m;
      m = z + 3 / m;
      m = z + 2 / m;
      m = z + 1 / m;
      c = e / m / 2.506628274631;
    }
  }
  return x > 0 ? 1 - c : c;
}

const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const poly = (k: readonly number[], x: number) => k.reduce((s, a) => s * x + a, 0);

/** Φ⁻¹(p) for p in (0, 1): Acklam's approximation, refined by one Halley step on normalCdf. */
export function normalQuantile(p: number): number {
  const low = 0.02425;
  let x: number;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = poly(C, q) / (poly(D, q) * q + 1);
  } else if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -poly(C, q) / (poly(D, q) * q + 1);
  } else {
    const q = p - 0.5;
    const r = q * q;
    x = (poly(A, r) * q) / (poly(B, r) * r + 1);
  }
  const u = (normalCdf(x) - p) * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/** Normal scores of values: Φ⁻¹(rank / (m + 1)), tied values sharing their mean rank. */
function normalScores(values: Float64Array): Float64Array {
  const m = values.length;
  const order = Array.from({ length: m }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const scores = new Float64Array(m);
  for (let start = 0; start < m; ) {
    let end = start;
    while (end + 1 < m && values[order[end + 1]!] === values[order[start]!]) end++;
    const s = normalQuantile(((start + end) / 2 + 1) / (m + 1));
    for (let i = start; i <= end; i++) scores[order[i]!] = s;
    start = end + 1;
  }
  return scores;
}

/** Pearson correlation matrix (d×d, row-major) of the columns of `scores`; a constant column is uncorrelated. */
function correlation(scores: Float64Array[], d: number): Float64Array {
  const m = scores[0]!.length;
  const centred = scores.map((s) => {
    const mean = s.reduce((a, b) => a + b, 0) / m;
    return s.map((x) => x - mean);
  });
  const norm = centred.map((s) => Math.sqrt(s.reduce((a, b) => a + b * b, 0)));
  const R = new Float64Array(d * d);
  for (let a = 0; a < d; a++) {
    for (let b = 0; b < a; b++) {
      let s = 0;
      for (let i = 0; i < m; i++) s += centred[a]![i]! * centred[b]![i]!;
      R[a * d + b] = R[b * d + a] = norm[a]! > 0 && norm[b]! > 0 ? s / (norm[a]! * norm[b]!) : 0;
    }
    // The ridge keeps the Cholesky defined for features that move together exactly.
    R[a * d + a] = 1 + 1e-9;
  }
  return R;
}

/** The value at probability u of sorted values, as its kind maps back. */
function quantileOf(sorted: Float64Array, kind: FeatureKind, u: number): number {
  const m = sorted.length;
  if (kind === 'levels') return sorted[Math.min(m - 1, Math.floor(u * m))]!;
  // The inverse of the scores' rank / (m + 1), clamped to the sorted values' ends.
  const p = Math.min(m - 1, Math.max(0, u * (m + 1) - 1));
  const lo = Math.floor(p);
  const x = lo + 1 < m ? sorted[lo]! + (p - lo) * (sorted[lo + 1]! - sorted[lo]!) : sorted[lo]!;
  return kind === 'whole' ? Math.round(x) : x;
}

/** A Gaussian copula of the rows complete in every column, with each column's empirical marginal. */
export function fitCopula(columns: readonly Column[], kinds: readonly FeatureKind[], rows: readonly number[]): RowModel {
  const d = columns.length;
  const complete = completeRows(columns, rows);
  const used = complete.length;
  if (used < 2) return { used, draw: () => undefined };
  const values = columns.map((c) => Float64Array.from(complete, (r) => c.values[r]!));
  const sorted = values.map((v) => v.slice().sort());
  const L = cholesky(correlation(values.map(normalScores), d), d);
  const e = new Float64Array(d);
  return {
    used,
    draw(rng, out) {
      correlatedNormals(L, d, rng, e, out);
      for (let a = 0; a < d; a++) out[a] = quantileOf(sorted[a]!, kinds[a]!, normalCdf(out[a]!));
    },
  };
}
