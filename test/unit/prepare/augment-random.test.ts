import { describe, expect, test } from 'vitest';
import { augment, checkAugment } from '../../../src/prepare/augment';
import { isValid } from '../../../src/shared/column';
import { col, frameOf } from './tables';
import { beta, seeded } from '../../../src/prepare/random';

describe("mixup's mixing weight", () => {
  // Both Gamma draws of Beta(a, a) underflow to 0 for a small a: the weight must never be 0/0.
  // Seed 1 gave 2 NaN in a million at alpha 0.01 before the fix.
  test.each([0.01, 0.001])('a million Beta(a, a) draws at a = %s are all finite, in [0, 1], with mean near 0.5', (alpha) => {
    const rng = seeded(1);
    let bad = 0;
    let sum = 0;
    const n = 1_000_000;
    for (let i = 0; i < n; i++) {
      const w = beta(rng, alpha, alpha);
      if (!(Number.isFinite(w) && w >= 0 && w <= 1)) bad++;
      else sum += w;
    }
    expect(bad).toBe(0);
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.01);
  });

  test('Beta(2, 2) keeps its mean and variance (1/20)', () => {
    const rng = seeded(4);
    const n = 200_000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const w = beta(rng, 2, 2);
      s += w;
      s2 += w * w;
    }
    expect(s / n).toBeCloseTo(0.5, 2);
    expect(s2 / n - (s / n) ** 2).toBeCloseTo(0.05, 2);
  });

  test("the spec's smallest alpha is the form's: 0.01", () => {
    const mixup = { method: 'mixup', seed: 1, k: 5, scale: 0.05, count: 0 };
    expect(checkAugment({ ...mixup, alpha: 0.01 }).ok).toBe(true);
    expect(checkAugment({ ...mixup, alpha: 0.001 })).toEqual({ ok: false, problems: ['Alpha: enter a number from 0.01 to 10.'] });
  });
});

test('a stored alpha below 0.01 (once allowed) is read as 0.01; a damaged one as the default', async () => {
  const v = await import('valibot');
  const { augmentSchema } = await import('../../../src/prepare/augment');
  expect(v.parse(augmentSchema, { alpha: 0.001 }).alpha).toBe(0.01);
  expect(v.parse(augmentSchema, { alpha: 0 }).alpha).toBe(0.2);
  expect(v.parse(augmentSchema, { alpha: 3 }).alpha).toBe(3);
});

test('mixup at the smallest alpha writes only finite values, every one of them between its pair', () => {
  const n = 200;
  // Halves, so the columns are not whole numbers (those are rounded and clamped: keepWhole) and the blend itself is checked.
  const f = frameOf(col('x', 'numeric', Array.from({ length: n }, (_, i) => String((i % 17) + 0.5))), col('t', 'numeric', Array.from({ length: n }, (_, i) => String(3 * (i % 17) + 0.5))));
  const result = augment({ method: 'mixup', seed: 1, k: 5, scale: 0.05, count: 20_000, alpha: 0.01 }, f, 't', 'regression');
  for (const c of result.frame.table.columns) {
    const outside: number[] = [];
    for (let i = n; i < n + 20_000; i++) {
      const x = c.values[i]!;
      // One expect per column: 40,000 of them took seconds.
      if (!isValid(c.valid, i) || !(x >= 0.5 && x <= (c.name === 't' ? 48.5 : 16.5))) outside.push(i);
    }
    expect(outside, c.name).toEqual([]);
  }
});
