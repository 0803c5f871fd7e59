/**
 * The probability histograms in words, for readers who cannot see colour or opacity: per class,
 * where the median probability the model gave it lies, on the rows truly of it and on the others.
 * The report keeps bin counts (plot-data.ts), so the median is given as the bin range holding it.
 */
import { PROBABILITY_BINS } from './plot-data';

export interface MedianBin {
  rows: number;
  /** the median lies in [low, high] */
  low: number;
  high: number;
}

/** Where the median lies, from counts per bin of 1/PROBABILITY_BINS; null when there are no rows. */
export function medianBin(counts: readonly number[]): MedianBin | null {
  const rows = counts.reduce((a, b) => a + b, 0);
  if (rows === 0) return null;
  // The median is the middle value, or halfway between the two middle ones (0-based positions).
  const binOf = (position: number) => {
    let seen = 0;
    for (let b = 0; b < counts.length; b++) {
      seen += counts[b]!;
      if (seen > position) return b;
    }
    return counts.length - 1;
  };
  const lower = binOf(Math.floor((rows - 1) / 2));
  const upper = binOf(Math.ceil((rows - 1) / 2));
  return { rows, low: lower / PROBABILITY_BINS, high: (upper + 1) / PROBABILITY_BINS };
}

const inWords = (m: MedianBin | null) => (m === null ? 'no rows' : `between ${m.low} and ${m.high} (${m.rows.toLocaleString('en')} ${m.rows === 1 ? 'row' : 'rows'})`);

/** Per class, its median predicted probability on its own rows and on the others, e.g. 'between 0.95 and 1 (50 rows)'. */
export function probabilitySummary(classes: readonly string[], probabilities: readonly { own: number[]; others: number[] }[]): { label: string; own: string; others: string }[] {
  return probabilities.map((p, c) => ({ label: classes[c] ?? String(c), own: inWords(medianBin(p.own)), others: inWords(medianBin(p.others)) }));
}
