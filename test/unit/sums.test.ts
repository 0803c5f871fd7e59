import { describe, expect, test } from 'vitest';
import { denseSource } from '../../src/shared/select';
import { pairwiseSum } from '../../src/shared/sums';

describe('pairwise sums', () => {
  test('a million tenths add up far closer to 100,000 than one running sum does', () => {
    const values = new Float64Array(1_000_000).fill(0.1);
    let running = 0;
    for (const x of values) running += x;
    const pairwise = pairwiseSum(denseSource(values), false);
    expect(Math.abs(running - 100_000)).toBeGreaterThan(1e-7);
    expect(Math.abs(pairwise - 100_000)).toBeLessThan(Math.abs(running - 100_000) / 1000);
  });

  test('read through a row list and a map, or copied out first, the sums have the same bits, whatever the tail', () => {
    for (const n of [0, 5, 127, 128, 129, 1000, 4099]) {
      const values = Float64Array.from({ length: 2 * n + 3 }, (_, i) => Math.sin(i * 7.1) * 1e3 + i);
      const rows = Uint32Array.from({ length: n }, (_, j) => 2 * j + (j % 3 === 0 ? 1 : 0));
      const [center, scale] = [12.5, 0.25];
      const copied = Float64Array.from(rows, (r) => (values[r]! - center) * scale);
      const through = { values, rows, center, scale, n };
      expect(pairwiseSum(through, false)).toBe(pairwiseSum(denseSource(copied), false));
      expect(pairwiseSum(through, true, 3.5)).toBe(pairwiseSum(denseSource(copied), true, 3.5));
      // And they are the sums: within rounding of a plain sum over the copy.
      const plain = copied.reduce((s, x) => s + (x - 3.5) ** 2, 0);
      expect(pairwiseSum(through, true, 3.5)).toBeCloseTo(plain, 6);
    }
  });
});
