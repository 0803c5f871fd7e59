/** Statistics steps learn, over a column's present values, as scikit-learn computes them. */
import { quantileSorted } from '../data/profile';
import { allPresent, booleanWord, isValid, type Column } from '../shared/column';
import { denseSource, quantilesOf } from '../shared/select';
import { pairwiseSum } from '../shared/sums';

/**
 * The present, non-NaN values of a numeric column, in row order. With nothing missing and no
 * NaN, a view of the column itself (no copy): callers must not write to it.
 */
export function presentNumbers(column: Column, rowCount: number): Float64Array {
  const values = column.values;
  if (values instanceof Float64Array && allPresent(column.valid, rowCount)) {
    let nan = false;
    for (let i = 0; i < rowCount; i++) if (values[i]! !== values[i]!) nan = true;
    if (!nan) return values.subarray(0, rowCount);
  }
  const out = new Float64Array(rowCount);
  let n = 0;
  for (let i = 0; i < rowCount; i++) {
    if (isValid(column.valid, i)) {
      const x = values[i]!;
      if (x === x) out[n++] = x;
    }
  }
  return out.subarray(0, n);
}

export interface Moments {
  count: number;
  mean: number;
  /** population standard deviation (ddof = 0), as StandardScaler uses */
  std: number;
  min: number;
  max: number;
}

/** Mean and std in two passes (as numpy: the mean first, then squared deviations, each summed pairwise), min and max. */
export function moments(values: Float64Array): Moments {
  const count = values.length;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < count; i++) {
    const x = values[i]!;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const source = denseSource(values);
  const mean = pairwiseSum(source, false) / count;
  const squares = pairwiseSum(source, true, mean);
  return { count, mean: count ? mean : Number.NaN, std: count ? Math.sqrt(squares / count) : Number.NaN, min, max };
}

/**
 * Quantiles by numpy's linear method. Up to 8 without sorting: each by one counting pass and a
 * quickselect over the few values near it (select.ts); more by one sort.
 */
export function quantiles(values: Float64Array, qs: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return qs.map(() => Number.NaN);
  if (qs.length > 8) {
    const sorted = values.slice().sort();
    return qs.map((q) => quantileSorted(sorted, q));
  }
  return quantilesOf(denseSource(values), qs).values;
}

/** The most frequent value; ties go to the smallest, as SimpleImputer's most_frequent does. */
export function mostFrequentNumber(values: Float64Array): number {
  const counts = new Map<number, number>();
  for (const x of values) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best = Number.NaN;
  let bestCount = 0;
  for (const [x, c] of counts) if (c > bestCount || (c === bestCount && x < best)) [best, bestCount] = [x, c];
  return best;
}

/** Counts per code of a dictionary-coded or boolean column over its present values. */
export function codeCounts(column: Column, rowCount: number): Uint32Array {
  const size = column.kind === 'boolean' ? 2 : column.dictionary!.length;
  const counts = new Uint32Array(size);
  for (let i = 0; i < rowCount; i++) if (isValid(column.valid, i)) counts[column.values[i]!]!++;
  return counts;
}

/** The label of a code: dictionary entry, or true/false. */
export function labelOfCode(column: Column, code: number): string {
  return column.kind === 'boolean' ? booleanWord(column, code) : column.dictionary![code]!;
}
