import { describe, expect, test } from 'vitest';
import { countDistinct, countDistinctOf } from '../../src/shared/distinct';

const bySet = (values: Float64Array) => new Set(Array.from(values, (x) => (x === 0 ? 0 : x))).size;

describe('countDistinct', () => {
  test('agrees with a Set (which also takes -0 for 0): random numbers, whole numbers, powers of two, repeats, zeros of both signs', () => {
    const cases = [
      Float64Array.from({ length: 30_000 }, (_, i) => Math.sin(i) * 1e6),
      Float64Array.from({ length: 30_000 }, (_, i) => (i * 7919) % 12_345),
      Float64Array.from({ length: 2_000 }, (_, i) => 2 ** ((i % 1500) - 750)),
      Float64Array.from({ length: 1_000 }, (_, i) => (i % 3 === 0 ? -0 : i % 3 === 1 ? 0 : 1)),
      Float64Array.of(Infinity, -Infinity, Infinity, Number.MIN_VALUE),
      new Float64Array(0),
    ];
    for (const values of cases) expect(countDistinct(values)).toBe(bySet(values));
  });

  test('countDistinctOf reads through a row list and an affine map: what countDistinct gives for the numbers copied out', () => {
    const values = Float64Array.from({ length: 50_000 }, (_, i) => (i * 31) % 997);
    const rows = Uint32Array.from({ length: 20_000 }, (_, r) => (r * 7) % 50_000);
    const [center, scale] = [3, 0.5];
    const copied = Float64Array.from(rows, (i) => (values[i]! - center) * scale);
    expect(countDistinctOf({ values, rows, center, scale, n: rows.length })).toBe(bySet(copied));
    // Only the first n rows count.
    expect(countDistinctOf({ values: Float64Array.of(1, 2, 3), rows: Uint32Array.of(0, 0, 2), center: 0, scale: 1, n: 2 })).toBe(1);
  });
});
