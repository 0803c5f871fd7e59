import { describe, expect, test } from 'vitest';
import { augment, cholesky, meanAndCovariance, nearestNeighbours, type AugmentSpec } from '../../../src/prepare/augment';
import { isValid } from '../../../src/shared/column';
import { cells, col, frameOf } from './tables';

const spec = (method: AugmentSpec['method'], extra: Partial<AugmentSpec> = {}): AugmentSpec => ({ method, seed: 5, k: 2, scale: 0.1, count: 0, alpha: 0.2, ...extra });

/** 8 rows of class a and 3 of class b, on two numeric features, plus a label column. */
const imbalanced = () =>
  frameOf(
    col('f1', 'numeric', ['0', '1', '2', '3', '4', '5', '6', '7', '10', '11', '10.5']),
    col('f2', 'numeric', ['0', '0', '1', '1', '2', '2', '3', '3', '20', '21', '', ]),
    col('city', 'categorical', ['p', 'q', 'p', 'q', 'p', 'q', 'p', 'q', 'r', 'r', 's']),
    col('y', 'categorical', ['a', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'b', 'b', 'b']),
  );

describe('augmentation', () => {
  test('random oversampling copies minority rows until the classes balance; seeded', () => {
    const result = augment(spec('oversample'), imbalanced(), 'y', 'classification');
    expect(result.before).toEqual([{ label: 'a', count: 8 }, { label: 'b', count: 3 }]);
    expect(result.after).toEqual([{ label: 'a', count: 8 }, { label: 'b', count: 8 }]);
    expect(result.added).toBe(5);
    const added = cells(result.frame, 'y').slice(11);
    expect(added).toEqual(['b', 'b', 'b', 'b', 'b']);
    // Copies carry their base row's id (provenance) and the real rows come first, untouched.
    expect(Array.from(result.frame.rowIds.slice(11)).every((id) => id >= 8)).toBe(true);
    expect(cells(result.frame, 'f1').slice(0, 11)).toEqual(cells(imbalanced(), 'f1'));
    expect(augment(spec('oversample'), imbalanced(), 'y', 'classification').frame).toEqual(result.frame);
  });

  test('nearest neighbours by Euclidean distance, ties by index', () => {
    const points = Float64Array.of(0, 0, 1, 0, 0, 2, 5, 5);
    expect(nearestNeighbours(points, 4, 2, 2).map((a) => Array.from(a))).toEqual([
      [1, 2],
      [0, 2],
      [0, 1],
      [2, 1],
    ]);
  });

  test('SMOTE makes minority rows on segments between a row and a same-class neighbour; a missing value stays missing', () => {
    const result = augment(spec('smote'), imbalanced(), 'y', 'classification');
    expect(result.after).toEqual([{ label: 'a', count: 8 }, { label: 'b', count: 8 }]);
    const f1 = result.frame.table.columns[0]!;
    const f2 = result.frame.table.columns[1]!;
    for (let i = 11; i < 16; i++) {
      // Class b rows have f1 in [10, 11]: an interpolation stays inside.
      expect(f1.values[i]).toBeGreaterThanOrEqual(10);
      expect(f1.values[i]).toBeLessThanOrEqual(11);
      const base = result.frame.rowIds[i]!;
      if (base === 10) expect(isValid(f2.valid, i)).toBe(false);
      else expect(f2.values[i]).toBeGreaterThanOrEqual(20);
    }
    expect(cells(result.frame, 'y').slice(11)).toEqual(['b', 'b', 'b', 'b', 'b']);
    expect(augment(spec('smote', { seed: 6 }), imbalanced(), 'y', 'classification').frame).not.toEqual(result.frame);
  });

  test('Gaussian noise adds copies near each row, scaled per feature', () => {
    const result = augment(spec('noise', { count: 2, scale: 0.01 }), imbalanced(), 'y', 'classification');
    expect(result.added).toBe(22);
    const f1 = result.frame.table.columns[0]!;
    for (let j = 0; j < 22; j++) expect(Math.abs(f1.values[11 + j]! - f1.values[j % 11]!)).toBeLessThan(0.5);
  });

  test('mixup blends pairs of rows and their targets, for regression only', () => {
    const f = frameOf(col('x', 'numeric', ['0', '10', '20', '30']), col('t', 'numeric', ['0', '100', '200', '300']));
    const result = augment(spec('mixup', { count: 50 }), f, 't', 'regression');
    const x = result.frame.table.columns[0]!.values;
    const t = result.frame.table.columns[1]!.values;
    for (let i = 4; i < 54; i++) {
      expect(t[i]).toBeCloseTo(x[i]! * 10, 6); // the blend keeps t = 10x, as every real row has
      expect(x[i]).toBeGreaterThanOrEqual(0);
      expect(x[i]).toBeLessThanOrEqual(30);
    }
    expect(() => augment(spec('mixup'), imbalanced(), 'y', 'classification')).toThrow(/for regression/);
    expect(() => augment(spec('smote'), f, 't', 'regression')).toThrow(/classification target/);
  });

  test('synthetic rows keep each class’s means and correlation', () => {
    const n = 400;
    const xs = Array.from({ length: n }, (_, i) => Math.sin(i * 12.9898) * 10);
    const f = frameOf(
      col('u', 'numeric', xs.map((x) => String(x))),
      col('v', 'numeric', xs.map((x, i) => String(2 * x + Math.cos(i * 78.233) + (i % 2 ? 50 : 0)))),
      col('y', 'categorical', xs.map((_, i) => (i % 2 ? 'odd' : 'even'))),
    );
    const result = augment(spec('synthetic', { count: 4000 }), f, 'y', 'classification');
    expect(result.added).toBe(4000);
    const labels = cells(result.frame, 'y');
    const generated = (name: string, cls: string) => result.frame.table.columns.find((c) => c.name === name)!.values.slice(n).filter((_, j) => labels[n + j] === cls);
    const mean = (a: ArrayLike<number>) => Array.from(a).reduce((s, x) => s + x, 0) / a.length;
    expect(mean(generated('v', 'odd')) - mean(generated('v', 'even'))).toBeCloseTo(50, 0);
    const u = generated('u', 'odd');
    const v = generated('v', 'odd');
    const mu = mean(u);
    const mv = mean(v);
    let suv = 0;
    let suu = 0;
    let svv = 0;
    for (let i = 0; i < u.length; i++) {
      suv += (u[i]! - mu) * (v[i]! - mv);
      suu += (u[i]! - mu) ** 2;
      svv += (v[i]! - mv) ** 2;
    }
    expect(suv / Math.sqrt(suu * svv)).toBeGreaterThan(0.98);
  });

  test('Cholesky and covariance agree with a hand computation', () => {
    const L = cholesky(Float64Array.of(4, 2, 2, 3), 2);
    expect(Array.from(L)).toEqual([2, 0, 1, Math.sqrt(2)]);
    const f = frameOf(col('a', 'numeric', ['1', '2', '3', '']), col('b', 'numeric', ['2', '4', '6', '8']));
    const { mean, cov, used } = meanAndCovariance(f.table.columns, [0, 1, 2, 3]);
    expect(used).toBe(3);
    expect(Array.from(mean)).toEqual([2, 4]);
    expect(cov[1]).toBeCloseTo(2);
    expect(cov[3]).toBeCloseTo(4);
  });

  test('SMOTE refuses a class of one row', () => {
    const f = frameOf(col('x', 'numeric', ['1', '2', '3']), col('y', 'categorical', ['a', 'a', 'b']));
    expect(() => augment(spec('smote'), f, 'y', 'classification')).toThrow(/Class "b" has 1 training row/);
  });
});
