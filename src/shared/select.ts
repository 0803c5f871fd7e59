/**
 * Exact quantiles without sorting or copying a column: a strided sample guesses two values
 * around the wanted rank, one pass counts the values below the lower one and gathers those
 * between (a few thousand of a million), and a quickselect over that handful finishes. Order
 * is a sort's: -0 before 0. NaN is skipped, as presentNumbers skips it.
 */

import { scratchFloat64 } from './scratch';

/**
 * n numbers: value r is (values[rows[r]] − center) × scale, or values[r] when rows is null.
 * With center 0 and scale 1 the map is exact (x − 0 = x, −0 included; x × 1 = x).
 */
export interface NumberSource {
  values: Float64Array;
  rows: Uint32Array | null;
  center: number;
  scale: number;
  n: number;
}

export function denseSource(values: Float64Array): NumberSource {
  return { values, rows: null, center: 0, scale: 1, n: values.length };
}

/** Below this many values a scratch copy and a quickselect are as fast as sampling. */
const SMALL = 4096;
const SAMPLE = 4096;
/** Sample ranks kept on each side of the estimate: about 6 standard deviations of its error. */
const MARGIN = 200;

export interface Quantiles {
  /** how many values were not NaN */
  count: number;
  /** per q, numpy's linear quantile; NaN when count is 0 */
  values: number[];
}

/** numpy's linear-method quantiles of the source's non-NaN values. */
export function quantilesOf(source: NumberSource, qs: readonly number[]): Quantiles {
  if (source.n <= SMALL) return quantilesOfCopy(copyNumbers(source), qs);
  const sample = sampleOf(source);
  const out: number[] = [];
  for (const q of qs) {
    const value = quantileByBracket(source, sample, q);
    if (value === null) return quantilesOfCopy(copyNumbers(source), qs); // the sample guessed wrong, or there is NaN: rare
    out.push(value);
  }
  return { count: source.n, values: out };
}

/** The source's non-NaN values, in order, as a new array. */
export function copyNumbers(source: NumberSource): Float64Array {
  const { values, rows, center, scale, n } = source;
  const out = new Float64Array(n);
  let m = 0;
  for (let r = 0; r < n; r++) {
    const v = (values[rows === null ? r : rows[r]!]! - center) * scale;
    out[m] = v;
    m += +(v === v);
  }
  return out.subarray(0, m);
}

/** Quantiles of an array of non-NaN values that may be reordered. */
function quantilesOfCopy(scratch: Float64Array, qs: readonly number[]): Quantiles {
  const n = scratch.length;
  if (n === 0) return { count: 0, values: qs.map(() => Number.NaN) };
  return {
    count: n,
    values: qs.map((q) => {
      const pos = (n - 1) * q;
      const k = Math.floor(pos);
      const [a, b] = selectPair(scratch, k, pos !== k, 0);
      return pos === k ? a : a + (b - a) * (pos - k);
    }),
  };
}

/** Up to SAMPLE values at evenly spaced rows, NaN left out, sorted. */
function sampleOf(source: NumberSource): Float64Array {
  const { values, rows, center, scale, n } = source;
  const size = Math.min(SAMPLE, n);
  const sample = new Float64Array(size);
  let m = 0;
  for (let s = 0; s < size; s++) {
    const r = Math.floor(((s + 0.5) * n) / size);
    const v = (values[rows === null ? r : rows[r]!]! - center) * scale;
    if (v === v) sample[m++] = v;
  }
  return sample.subarray(0, m).sort();
}

/** One quantile of the n values (none NaN) by a bracket pass; null when the bracket missed the rank or a value is NaN. */
function quantileByBracket(source: NumberSource, sample: Float64Array, q: number): number | null {
  if (sample.length === 0) return null;
  // The sample leaves NaN out too, so the q-quantile sits near its own q-quantile.
  const at = Math.round(q * (sample.length - 1));
  const lo = sample[Math.max(0, at - MARGIN)]!;
  const hi = sample[Math.min(sample.length - 1, at + MARGIN)]!;
  const scratch = scratchFloat64('quantile bracket', source.n + 1);
  const { notBelow, inside, nan } = bracketPass(source, lo, hi, scratch);
  // A NaN among the values: the copy, which leaves NaN out, decides.
  if (nan > 0) return null;
  const less = source.n - notBelow;
  const m = source.n;
  const pos = (m - 1) * q;
  const k = Math.floor(pos);
  const next = pos !== k;
  if (k < less || k + (next ? 1 : 0) >= less + inside) return null;
  const [a, b] = selectPair(scratch.subarray(0, inside), k - less, next, less);
  return next ? a + (b - a) * (pos - k) : a;
}

/**
 * Counts the values not below lo, writes those in [lo, hi] to `out`, and counts NaN.
 * Branch-free: on random data a branch per value is mispredicted half the time, four times
 * slower.
 */
function bracketPass(source: NumberSource, lo: number, hi: number, out: Float64Array): { notBelow: number; inside: number; nan: number } {
  const { values, rows, center, scale, n } = source;
  let notBelow = 0;
  let inside = 0;
  let nan = 0;
  if (rows === null) {
    for (let r = 0; r < n; r++) {
      const v = (values[r]! - center) * scale;
      out[inside] = v;
      const up = +(v >= lo);
      inside += up & +(v <= hi);
      notBelow += up;
      nan += +(v !== v);
    }
  } else {
    for (let r = 0; r < n; r++) {
      const v = (values[rows[r]!]! - center) * scale;
      out[inside] = v;
      const up = +(v >= lo);
      inside += up & +(v <= hi);
      notBelow += up;
      nan += +(v !== v);
    }
  }
  return { notBelow, inside, nan };
}

/**
 * The k-th smallest of `a` (0-based) and, when `next`, the (k+1)-th, reordering `a`. `below`:
 * how many values smaller than all of `a` come before it, to order -0 before 0 as a sort does.
 */
function selectPair(a: Float64Array, k: number, next: boolean, below: number): [number, number] {
  let x = select(a, k);
  let y = Number.NaN;
  if (next) {
    // After select, everything past k is ≥ a[k]: the next order statistic is their minimum.
    y = Infinity;
    for (let i = k + 1; i < a.length; i++) if (a[i]! < y) y = a[i]!;
  }
  // Quickselect does not tell -0 from 0; count them as a sort would have placed them.
  if (x === 0 || y === 0) {
    let negative = below;
    let negativeZeros = 0;
    for (let i = 0; i < a.length; i++) {
      const v = a[i]!;
      if (v < 0) negative++;
      else if (v === 0 && 1 / v < 0) negativeZeros++;
    }
    const signed = (rank: number) => (rank < negative + negativeZeros ? -0 : 0);
    if (x === 0) x = signed(below + k);
    if (y === 0) y = signed(below + k + 1);
  }
  return [x, y];
}

/** The k-th smallest value (0-based), moving values of `a` around (Hoare's quickselect, median-of-three). */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    // Median of three as the pivot: sorted or constant data stays linear.
    const x = a[lo]!;
    const y = a[mid]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}
