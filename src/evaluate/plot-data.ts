/**
 * What the Evaluate page's charts draw, cut down in the worker to a size the page can draw
 * without freezing: a 150,000-row validation part once sent every prediction as an SVG marker
 * (seconds of a frozen page) and curves of 150,000 points. Metrics are still computed from
 * every row; only the pictures are sampled, binned or thinned.
 */

/** Most points in a scatter: SVG stays responsive up to about this many (as the Data scatter). */
export const PLOT_MAX_POINTS = 4000;
/** Probability histograms: bins of 0.05 from 0 to 1. */
export const PROBABILITY_BINS = 20;

/**
 * Row positions for a scatter of n rows: all of them up to `max`, else `max` evenly spaced
 * ones, so the same part always shows the same points and every stretch of rows is drawn.
 */
export function sampledPositions(n: number, max = PLOT_MAX_POINTS): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: max }, (_, s) => Math.floor(((s + 0.5) * n) / max));
}

/** Counts of probabilities in [0, 0.05), [0.05, 0.1), …, [0.95, 1]: 1 goes in the last bin. */
export function probabilityCounts(values: Iterable<number>): number[] {
  const counts = new Array<number>(PROBABILITY_BINS).fill(0);
  for (const p of values) {
    if (!(p >= 0 && p <= 1)) continue;
    counts[Math.min(PROBABILITY_BINS - 1, Math.floor(p * PROBABILITY_BINS))]!++;
  }
  return counts;
}

export interface Bins {
  /** left edge of the first bin */
  start: number;
  size: number;
  counts: number[];
}

/** A histogram of finite values in `bins` equal bins from their minimum to their maximum (which goes in the last). */
export function equalBins(values: ArrayLike<number>, bins = 40): Bins {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (!(min <= max) || !Number.isFinite(min) || !Number.isFinite(max)) return { start: 0, size: 1, counts: [] };
  // One value everywhere: a single bin of width 1 centred on it.
  if (min === max) return { start: min - 0.5, size: 1, counts: [values.length] };
  const size = (max - min) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (Number.isFinite(x)) counts[Math.min(bins - 1, Math.floor((x - min) / size))]!++;
  }
  return { start: min, size, counts };
}

/**
 * A curve through points in drawing order, thinned for display: the first and last points, and
 * each point at least `step` (on either axis) from the last one kept. Every point left out lies
 * within `step` of one kept, so the line drawn strays less than that (1/500 of the unit square:
 * under a pixel). A monotone curve (ROC) keeps at most about 2 / step points.
 */
export function thinCurve(x: readonly number[], y: readonly number[], step = 1 / 500): { x: number[]; y: number[] } {
  const n = x.length;
  if (n <= 2) return { x: [...x], y: [...y] };
  const keep: number[] = [0];
  for (let i = 1; i < n - 1; i++) {
    const last = keep[keep.length - 1]!;
    if (Math.abs(x[i]! - x[last]!) >= step || Math.abs(y[i]! - y[last]!) >= step) keep.push(i);
  }
  keep.push(n - 1);
  return { x: keep.map((i) => x[i]!), y: keep.map((i) => y[i]!) };
}

/**
 * The line where predicted equals actual, across every value either axis shows: the line a
 * perfect model's points sit on, so a learner sees at a glance where the model is off.
 * Null when no value is finite.
 */
export function identityLine(actual: ArrayLike<number>, predicted: ArrayLike<number>): { x: [number, number]; y: [number, number] } | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const values of [actual, predicted]) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? { x: [lo, hi], y: [lo, hi] } : null;
}

/** A confusion-matrix row in words, for the chart's label: "setosa: 9 of 10 right", or "Z: no rows in this part" (a class the part lacks; "0 of 0 right" read as a score). */
export function confusionRowWords(label: string, right: number, total: number): string {
  return total === 0 ? `${label}: no rows in this part` : `${label}: ${right} of ${total} right`;
}
