import { describe, expect, test } from 'vitest';
import { augment, type AugmentSpec } from '../../../src/prepare/augment';
import { isValid } from '../../../src/shared/column';
import { cells, col, frameOf } from './tables';

const spec = (extra: Partial<AugmentSpec> = {}): AugmentSpec => ({ method: 'smote', seed: 5, k: 5, scale: 0.1, count: 0, alpha: 0.2, ...extra });

/** 6,000 rows of class "min" and 8,000 of "maj", on two continuous features with no repeated value. */
function large() {
  const n = 14_000;
  const label = (i: number) => (i < 6000 ? 'min' : 'maj');
  return frameOf(
    col('u', 'numeric', Array.from({ length: n }, (_, i) => String(Math.sin(i * 12.9898) * 10 + i * 1e-6))),
    col('v', 'numeric', Array.from({ length: n }, (_, i) => String(Math.cos(i * 78.233) * 5 + i * 1e-6))),
    col('y', 'categorical', Array.from({ length: n }, (_, i) => label(i))),
  );
}

describe('SMOTE on a class of more than 5,000 rows', () => {
  const real = large();
  const result = augment(spec(), real, 'y', 'classification');
  const n = real.table.rowCount;
  const [u, v] = result.frame.table.columns;

  test('balances the classes with rows of the minority class', () => {
    expect(result.added).toBe(2000);
    expect(new Set(cells(result.frame, 'y').slice(n))).toEqual(new Set(['min']));
  });

  test('no new row is an exact copy of its base row (the neighbour set is drawn without replacement)', () => {
    let copies = 0;
    for (let j = n; j < n + result.added; j++) {
      const b = result.frame.rowIds[j]!;
      expect(b).toBeLessThan(6000);
      expect(isValid(u!.valid, j) && isValid(v!.valid, j)).toBe(true);
      if (u!.values[j] === u!.values[b] && v!.values[j] === v!.values[b]) copies++;
    }
    expect(copies).toBe(0);
  });

  test('base rows are many distinct rows of the class, drawn from a sample of it without replacement', () => {
    const bases = new Set(Array.from(result.frame.rowIds.slice(n)));
    // 2,000 draws from the 5,000-row sample reach about 5,000·(1 − e^(−0.4)) ≈ 1,650 distinct rows (the old draws with replacement: 1,449).
    expect(bases.size).toBeGreaterThan(1550);
  });

  test('the same seed gives the same rows; another seed, others', () => {
    expect(augment(spec(), real, 'y', 'classification').frame).toEqual(result.frame);
    expect(augment(spec({ seed: 6 }), real, 'y', 'classification').frame.table.columns[0]!.values).not.toEqual(u!.values);
  });
});
