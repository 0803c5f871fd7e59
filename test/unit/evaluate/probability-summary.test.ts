import { describe, expect, test } from 'vitest';
import { PROBABILITY_BINS, probabilityCounts } from '../../../src/evaluate/plot-data';
import { medianBin, probabilitySummary } from '../../../src/evaluate/probability-summary';

describe('the probability histograms in words', () => {
  test('the median is placed in the bin that holds it: the histogram keeps counts, so a range, never a made-up exact value', () => {
    // Sorted: 0.02, 0.91, 0.93, 0.97, 1 → the median 0.93 lies in [0.9, 0.95).
    expect(medianBin(probabilityCounts([0.93, 0.02, 1, 0.97, 0.91]))).toEqual({ rows: 5, low: 0.9, high: 0.95 });
    // An even count: the two middle values 0.12 and 0.31 lie in different bins, the median between them.
    expect(medianBin(probabilityCounts([0.12, 0.31, 0.01, 0.9]))).toEqual({ rows: 4, low: 0.1, high: 0.35 });
    // 1 counts in the last bin, which ends at 1.
    expect(medianBin(probabilityCounts([1, 1, 1]))).toEqual({ rows: 3, low: 0.95, high: 1 });
    expect(medianBin(new Array<number>(PROBABILITY_BINS).fill(0))).toBeNull();
  });

  test('per class, the median predicted probability on the rows of that class and on the others, in words', () => {
    const summary = probabilitySummary(['cat', 'dog'], [
      { own: probabilityCounts([0.96, 0.98, 0.99]), others: probabilityCounts([0.01, 0.2]) },
      { own: probabilityCounts([]), others: probabilityCounts([0.4]) },
    ]);
    expect(summary).toEqual([
      { label: 'cat', own: 'between 0.95 and 1 (3 rows)', others: 'between 0 and 0.25 (2 rows)' },
      { label: 'dog', own: 'no rows', others: 'between 0.4 and 0.45 (1 row)' },
    ]);
  });
});
