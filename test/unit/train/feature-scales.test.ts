import { describe, expect, it } from 'vitest';
import { featureSpreads, scaleNote } from '../../../src/train/feature-scales';

/** Row-major matrices of these columns. */
function matrices(columns: number[][]): { rows: number; x: Float32Array } {
  const rows = columns[0]!.length;
  const x = new Float32Array(rows * columns.length);
  columns.forEach((col, j) => col.forEach((v, i) => (x[i * columns.length + j] = v)));
  return { rows, x };
}

const std = (xs: number[]) => {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
};

describe('featureSpreads', () => {
  it('is each column’s population standard deviation', () => {
    const a = [1, 2, 3, 4, 10];
    const b = [3500, 2100, 4800, 1700, 3000];
    const spreads = featureSpreads(matrices([a, b]), 2);
    expect(spreads[0]).toBeCloseTo(std(a), 6);
    expect(spreads[1]).toBeCloseTo(std(b), 3);
  });

  it('keeps the digits of dates in milliseconds, a day apart', () => {
    const days = [0, 1, 2, 3].map((d) => Date.UTC(2024, 0, 1) + d * 86_400_000);
    // float32 keeps dates to about 131 s: the spread of whole days is still right to well under 1%.
    expect(featureSpreads(matrices([days]), 1)[0]! / std(days)).toBeCloseTo(1, 2);
  });
});

describe('scaleNote', () => {
  const unit = [-1, 0, 1, 0.5, -0.5];
  it('names the features far from a spread of 1, farthest first, with their spreads', () => {
    const note = scaleNote(matrices([unit, [3500, 2100, 4800, 1700, 3000], [0.01, 0.02, 0.01, 0.03, 0.02], [10, 40, 20, 30, 60]]), ['scaled', 'weight', 'tiny', 'power'], 'linear');
    expect(note).toMatch(/^Some features are far from the scale gradient steps work best at/);
    const named = [...note!.matchAll(/"(\w+)" ([\d.e-]+)/g)].map((m) => [m[1], Number(m[2])]);
    expect(named.map(([name]) => name)).toEqual(['weight', 'tiny', 'power']);
    expect(named[0]![1]).toBeCloseTo(std([3500, 2100, 4800, 1700, 3000]), 0);
    expect(note).toContain('a "Scale numbers" step for them in Prepare');
  });

  it('counts those past the third, and says "it" for one', () => {
    const wide = (k: number) => [k, k * 40, k * 90, k * 10, k * 70];
    const note = scaleNote(matrices([wide(1), wide(2), wide(3), wide(4), wide(5)]), ['a', 'b', 'c', 'd', 'e'], 'mlp');
    expect(note).toContain('and 2 more.');
    expect(scaleNote(matrices([unit, wide(1)]), ['x', 'y'], 'mlp')).toContain('step for it in Prepare');
  });

  it('is quiet for features near unit scale, constant features, and the baseline', () => {
    expect(scaleNote(matrices([unit, [0.2, 0.4, 0.1, 0.3, 0.5], [1, 0, 1, 1, 0]]), ['a', 'b', 'flag'], 'mlp')).toBeNull();
    expect(scaleNote(matrices([unit, [5, 5, 5, 5, 5]]), ['a', 'constant'], 'linear')).toBeNull();
    expect(scaleNote(matrices([[3500, 2100, 4800, 1700, 3000]]), ['weight'], 'baseline')).toBeNull();
  });
});
