/** The per-class multivariate Gaussian that "Synthetic rows" draw from: mean and covariance of the complete rows. */
import { isValid, type Column } from '../shared/column';
import { normal, type Rng } from './random';

/** A model of one class's rows, fitted on its `used` complete rows; `draw` writes one new row of the d features into `out`. */
export interface RowModel {
  used: number;
  draw(rng: Rng, out: Float64Array): void;
}

/** Lower-triangular L with L·Lᵀ = the matrix (d×d, row-major), with a small ridge for rank-deficient data. */
export function cholesky(matrix: Float64Array, d: number): Float64Array {
  const L = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = matrix[i * d + j]!;
      for (let k = 0; k < j; k++) s -= L[i * d + k]! * L[j * d + k]!;
      if (i === j) L[i * d + i] = Math.sqrt(Math.max(s, 1e-12));
      else L[i * d + j] = s / L[j * d + j]!;
    }
  }
  return L;
}

/** The rows with a value in every column. */
export const completeRows = (columns: readonly Column[], rows: readonly number[]) => rows.filter((r) => columns.every((c) => isValid(c.valid, r)));

/** Mean and covariance (ddof 1) of rows complete in every feature, plus the rows used. */
export function meanAndCovariance(columns: readonly Column[], rows: readonly number[]): { mean: Float64Array; cov: Float64Array; used: number } {
  const d = columns.length;
  const complete = completeRows(columns, rows);
  const mean = new Float64Array(d);
  for (const r of complete) columns.forEach((c, j) => (mean[j]! += c.values[r]! / complete.length));
  const cov = new Float64Array(d * d);
  for (const r of complete) {
    for (let a = 0; a < d; a++) {
      const da = columns[a]!.values[r]! - mean[a]!;
      for (let b = 0; b <= a; b++) cov[a * d + b]! += (da * (columns[b]!.values[r]! - mean[b]!)) / Math.max(1, complete.length - 1);
    }
  }
  for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) cov[b * d + a] = cov[a * d + b]!;
  // A ridge of 1e-9 × each variance keeps the Cholesky defined for collinear features.
  for (let a = 0; a < d; a++) cov[a * d + a]! += 1e-9 * (cov[a * d + a]! || 1);
  return { mean, cov, used: complete.length };
}

/**
 * One draw of mean + L·z into `out` (d wide; mean 0 when left out), z standard normal drawn into
 * `z` in order: correlated normals with covariance L·Lᵀ, as the Gaussian and the copula draw them.
 */
export function correlatedNormals(L: Float64Array, d: number, rng: Rng, z: Float64Array, out: Float64Array, mean?: Float64Array): void {
  for (let a = 0; a < d; a++) z[a] = normal(rng);
  for (let a = 0; a < d; a++) {
    let x = mean ? mean[a]! : 0;
    for (let b = 0; b <= a; b++) x += L[a * d + b]! * z[b]!;
    out[a] = x;
  }
}

/** A Gaussian with the rows' mean and covariance: draws mean + L·z, z standard normal. */
export function fitGaussian(columns: readonly Column[], rows: readonly number[]): RowModel {
  const d = columns.length;
  const { mean, cov, used } = meanAndCovariance(columns, rows);
  const L = cholesky(cov, d);
  const z = new Float64Array(d);
  return {
    used,
    draw(rng, out) {
      correlatedNormals(L, d, rng, z, out, mean);
    },
  };
}
