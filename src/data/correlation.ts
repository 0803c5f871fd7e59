/**
 * Pearson correlations between the numeric (and boolean, as 0/1) columns, for the heatmap.
 * Pairwise complete: each pair uses the rows where both values are present.
 */
import { allPresent, type Column, type Table } from '../shared/column';
import { denseSource } from '../shared/select';
import { pairwiseSum } from '../shared/sums';
import { pearson, varies } from './warnings';

export interface CorrelationMatrix {
  columns: string[];
  /** r[i][j]; NaN where a column is constant over the shared rows */
  r: number[][];
  /** numeric and boolean columns beyond the first maxColumns, left out (absent in profiles stored before it was counted) */
  leftOut?: number;
}

/** Rows standardised at a time: every column's block stays in cache while the pairs are summed. */
const BLOCK = 8192;

/** Example: two columns x and 2x → { columns: ['x', 'y'], r: [[1, 1], [1, 1]] }. At most `maxColumns` columns, in table order. */
export function correlationMatrix(table: Table, maxColumns = 30): CorrelationMatrix {
  const n = table.rowCount;
  const eligible = table.columns.filter((c) => c.kind === 'numeric' || c.kind === 'boolean');
  const chosen = eligible.slice(0, maxColumns);
  const r = chosen.map(() => new Array<number>(chosen.length).fill(Number.NaN));
  const complete = completeCorrelations(chosen, n);
  // As numpy's corrcoef and pandas: a constant column's r is NaN, with itself too.
  const varying = chosen.map((c) => varies(c, n));
  for (let i = 0; i < chosen.length; i++) {
    for (let j = i; j < chosen.length; j++) {
      const value = !varying[i] || !varying[j] ? Number.NaN : i === j ? 1 : (complete.get(i * chosen.length + j) ?? pearson(chosen[i]!, chosen[j]!, n));
      r[i]![j] = value;
      r[j]![i] = value;
    }
  }
  return { columns: chosen.map((c) => c.name), r, leftOut: eligible.length - chosen.length };
}

/**
 * r between every two columns with no missing value, by key i × count + j (i < j): each column
 * centred by its mean and scaled by its deviations' root sum of squares (two pairwise sums),
 * then r is the sum of products, a block of rows at a time. A pass per pair over two columns
 * with a presence test per value was a second and a half a million rows; this is a tenth.
 */
function completeCorrelations(columns: readonly Column[], n: number): Map<number, number> {
  const k = columns.length;
  const out = new Map<number, number>();
  const maps = columns.map((c) => {
    if (n === 0 || !allPresent(c.valid, n)) return null;
    const values = c.values instanceof Float64Array ? c.values.subarray(0, n) : Float64Array.from(c.values.subarray(0, n));
    const mean = pairwiseSum(denseSource(values), false) / n;
    const root = Math.sqrt(pairwiseSum(denseSource(values), true, mean));
    // A constant column correlates with nothing (NaN); a NaN in it leaves the pair to pearson.
    return root > 0 ? { values, mean, scale: 1 / root } : root === 0 ? 'constant' : null;
  });
  const dense = maps.map((m) => (m && m !== 'constant' ? new Float64Array(Math.min(BLOCK, n)) : null));
  const sums = new Float64Array(k * k);
  for (let start = 0; start < n; start += BLOCK) {
    const m = Math.min(BLOCK, n - start);
    maps.forEach((map, c) => {
      if (!map || map === 'constant') return;
      const { values, mean, scale } = map;
      const block = dense[c]!;
      for (let r = 0; r < m; r++) block[r] = (values[start + r]! - mean) * scale;
    });
    for (let i = 0; i < k; i++) {
      if (!dense[i]) continue;
      for (let j = i + 1; j < k; j++) if (dense[j]) sums[i * k + j]! += dot(dense[i]!, dense[j]!, m);
    }
  }
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const [a, b] = [maps[i], maps[j]];
      if (!a || !b) continue;
      // Rounding can take |r| a hair past 1 for columns that are copies.
      out.set(i * k + j, a === 'constant' || b === 'constant' ? Number.NaN : Math.max(-1, Math.min(1, sums[i * k + j]!)));
    }
  }
  return out;
}

function dot(a: Float64Array, b: Float64Array, m: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 4 <= m; i += 4) {
    s0 += a[i]! * b[i]!;
    s1 += a[i + 1]! * b[i + 1]!;
    s2 += a[i + 2]! * b[i + 2]!;
    s3 += a[i + 3]! * b[i + 3]!;
  }
  for (; i < m; i++) s0 += a[i]! * b[i]!;
  return s0 + s1 + (s2 + s3);
}
