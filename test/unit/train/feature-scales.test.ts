import { describe, expect, it } from 'vitest';
import { scaleDistance } from '../../../src/prepare/readiness';
import { featureMoments, scaleNote } from '../../../src/train/feature-scales';

/** Row-major matrices of these columns. */
function matrices(columns: number[][]): { rows: number; x: Float32Array } {
  const rows = columns[0]!.length;
  const x = new Float32Array(rows * columns.length);
  columns.forEach((col, j) => col.forEach((v, i) => (x[i * columns.length + j] = v)));
  return { rows, x };
}

const meanOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const std = (xs: number[]) => Math.sqrt(xs.reduce((a, b) => a + (b - meanOf(xs)) ** 2, 0) / xs.length);

describe('featureMoments', () => {
  it('is each column’s mean and population standard deviation', () => {
    const a = [1, 2, 3, 4, 10];
    const b = [3500, 2100, 4800, 1700, 3000];
    const [ma, mb] = featureMoments(matrices([a, b]), 2);
    expect(ma!.mean).toBeCloseTo(meanOf(a), 6);
    expect(ma!.spread).toBeCloseTo(std(a), 6);
    expect(mb!.spread).toBeCloseTo(std(b), 3);
  });

  it('keeps the digits of dates in milliseconds, a day apart', () => {
    const days = [0, 1, 2, 3].map((d) => Date.UTC(2024, 0, 1) + d * 86_400_000);
    // float32 keeps dates to about 131 s: the spread of whole days is still right to well under 1%.
    expect(featureMoments(matrices([days]), 1)[0]!.spread / std(days)).toBeCloseTo(1, 2);
  });
});

describe('scaleDistance', () => {
  it('is 0 near unit scale and for a constant column; past it, grows with the typical size or the smallness of the spread', () => {
    expect(scaleDistance({ mean: 0, spread: 1 })).toBe(0);
    expect(scaleDistance({ mean: 5.5, spread: 1.7 })).toBe(0); // cylinders
    expect(scaleDistance({ mean: 1000, spread: 0 })).toBe(0);
    expect(scaleDistance({ mean: 76, spread: 3.7 })).toBeGreaterThan(0); // a year: small spread, large mean
    expect(scaleDistance({ mean: 2970, spread: 843 })).toBeGreaterThan(scaleDistance({ mean: 76, spread: 3.7 }));
    expect(scaleDistance({ mean: 0.02, spread: 0.004 })).toBeGreaterThan(0);
    expect(scaleDistance({ mean: 0, spread: 0.0476 })).toBeGreaterThan(0); // the diabetes sample's features
    expect(scaleDistance({ mean: 0.005, spread: 0.07, indicator: true })).toBe(0); // a rare one-hot column
  });
});

describe('scaleNote', () => {
  const unit = [-1, 0, 1, 0.5, -0.5];
  it('names the features far from unit scale, farthest first, with their mean and spread', () => {
    const weight = [3500, 2100, 4800, 1700, 3000];
    const year = [70, 74, 78, 82, 76];
    const note = scaleNote(matrices([unit, weight, [0.1, 0.2, 0.1, 0.3, 0.2], year]), ['scaled', 'weight', 'tiny', 'year'], 'linear');
    expect(note).toMatch(/^Some features are far from the scale gradient steps work best at \(values of about ±1\): /);
    expect([...note!.matchAll(/"(\w+)" \(mean/g)].map((m) => m[1])).toEqual(['weight', 'year', 'tiny']);
    expect(note).toContain(`"year" (mean 76, spread ${Number(std(year).toPrecision(4))})`);
    expect(note).toContain('a "Scale numbers" step for them in Prepare');
  });

  it('sends a date to Prepare’s replacement rather than to a scaling step, which takes no dates', () => {
    const day = [1.70e12, 1.71e12, 1.72e12, 1.73e12, 1.74e12];
    const weight = [3500, 2100, 4800, 1700, 3000];
    expect(scaleNote(matrices([day, weight]), ['visit', 'weight'], 'linear', ['visit'])).toMatch(
      /: "visit" \(mean [^)]+\), "weight" \(mean [^)]+\)\. The model learns slowly and unevenly from such features; Prepare can replace "visit", a date, with its day count, month and weekday; a "Scale numbers" step for the others in Prepare usually trains faster and scores better\.$/,
    );
    expect(scaleNote(matrices([day]), ['visit'], 'linear', ['visit'])).toMatch(/features; Prepare can replace "visit", a date, with its day count, month and weekday\.$/);
  });

  it('passes over an indicator of rare ones, as Prepare does, but not a small spread of other values', () => {
    const rare = Array.from({ length: 100 }, (_, i) => (i === 99 ? 1 : 0)); // spread 0.099
    expect(featureMoments(matrices([rare]), 1)[0]).toMatchObject({ indicator: true });
    expect(scaleNote(matrices([rare]), ['rare'], 'linear')).toBeNull();
    expect(scaleNote(matrices([rare.map((v) => v / 2)]), ['half'], 'linear')).toContain('"half"');
  });

  it('counts those past the third, and says "it" for one', () => {
    const wide = (k: number) => [k, k * 40, k * 90, k * 10, k * 70];
    const note = scaleNote(matrices([wide(1), wide(2), wide(3), wide(4), wide(5)]), ['a', 'b', 'c', 'd', 'e'], 'mlp');
    expect(note).toContain('and 2 more.');
    expect(scaleNote(matrices([unit, wide(1)]), ['x', 'y'], 'mlp')).toContain('step for it in Prepare');
  });

  it('is quiet for features near unit scale, constant features, and the baseline', () => {
    expect(scaleNote(matrices([unit, [0.2, 0.4, 0.1, 0.3, 0.5], [1, 0, 1, 1, 0]]), ['a', 'b', 'flag'], 'mlp')).toBeNull();
    expect(scaleNote(matrices([unit, [500, 500, 500, 500, 500]]), ['a', 'constant'], 'linear')).toBeNull();
    expect(scaleNote(matrices([[3500, 2100, 4800, 1700, 3000]]), ['weight'], 'baseline')).toBeNull();
  });
});
