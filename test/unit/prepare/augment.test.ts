import { describe, expect, test } from 'vitest';
import { augment, augmentSchema, checkAugment, countFor, MAX_GENERATED_ROWS, type AugmentSpec } from '../../../src/prepare/augment';
import { nearestNeighbours } from '../../../src/prepare/nearest-neighbours';
import * as v from 'valibot';
import { cholesky, meanAndCovariance } from '../../../src/prepare/augment-gaussian';
import { StepProblem } from '../../../src/prepare/step-problem';
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
    expect(result.notes).toEqual([]);
  });

  test('SMOTE asked for more neighbours than a class has other rows says so, and the new rows still lie inside that class', () => {
    const result = augment(spec('smote', { k: 5 }), imbalanced(), 'y', 'classification');
    expect(result.notes).toEqual(['Class "b" has 3 training rows, so SMOTE took each row’s 2 other rows as its neighbours, not 5.']);
    const f1 = result.frame.table.columns[0]!;
    for (let i = 11; i < 16; i++) expect(f1.values[i]).toBeGreaterThanOrEqual(10);
    // Enough rows for the neighbours asked for: no note.
    expect(augment(spec('smote', { k: 2 }), imbalanced(), 'y', 'classification').notes).toEqual([]);
  });

  test('Gaussian noise adds copies near each row, scaled per feature', () => {
    const result = augment(spec('noise', { count: 2, scale: 0.01 }), imbalanced(), 'y', 'classification');
    expect(result.added).toBe(22);
    const f1 = result.frame.table.columns[0]!;
    for (let j = 0; j < 22; j++) expect(Math.abs(f1.values[11 + j]! - f1.values[j % 11]!)).toBeLessThan(0.5);
  });

  test('Gaussian noise with no numeric feature is refused, as SMOTE is, instead of adding plain copies', () => {
    const labelsOnly = frameOf(col('colour', 'categorical', ['red', 'blue', 'red', 'red']), col('t', 'categorical', ['a', 'b', 'a', 'b']));
    expect(() => augment(spec('noise', { count: 1 }), labelsOnly, 't', 'classification')).toThrow('Gaussian noise needs numeric features to add noise to; there are none at this point. Use random oversampling to copy rows instead.');
  });

  test('mixup blends pairs of rows and their targets, for regression only', () => {
    // Not all whole numbers: whole-number columns would be rounded, which breaks the exact blend.
    const f = frameOf(col('x', 'numeric', ['0.25', '10', '20', '30']), col('t', 'numeric', ['2.5', '100', '200', '300']));
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

/** A cleared number input gives null: the spec as the form sends it. */
const cleared = (method: AugmentSpec['method'], field: keyof AugmentSpec) => ({ ...spec(method), [field]: null }) as unknown as AugmentSpec;
const regression = () => frameOf(col('x', 'numeric', ['0', '10', '20', '30']), col('t', 'numeric', ['0', '100', '200', '300']));

describe('augmentation settings are checked, never guessed', () => {
  test('augment() refuses SMOTE with its neighbours cleared, instead of making NaN rows', () => {
    expect(() => augment(cleared('smote', 'k'), imbalanced(), 'y', 'classification')).toThrow(StepProblem);
    expect(() => augment(cleared('smote', 'k'), imbalanced(), 'y', 'classification')).toThrow('Neighbours: enter a whole number from 1 to 50.');
  });

  test('augment() refuses mixup with alpha cleared, and a seed that is not a whole number', () => {
    expect(() => augment(cleared('mixup', 'alpha'), regression(), 't', 'regression')).toThrow('Alpha: enter a number from 0.01 to 10.');
    expect(() => augment(spec('mixup', { seed: Number.NaN }), regression(), 't', 'regression')).toThrow('Seed: enter a whole number.');
  });

  test('a setting the method does not use is not checked', () => {
    expect(augment(cleared('oversample', 'k'), imbalanced(), 'y', 'classification').added).toBe(5);
  });

  test('huge noise copies are refused with the cap, not a RangeError', () => {
    const copies = (count: number) => () => augment(spec('noise', { count }), imbalanced(), 'y', 'classification');
    expect(copies(1_000_000)).toThrow(StepProblem);
    expect(copies(1_000_000)).toThrow('Augmentation would add 11,000,000 rows to 11 training rows; at most 1,100 can be added (100 per training row, and never more than 1,000,000), so that the training part fits in memory. Lower "Copies per row".');
    expect(copies(100)().added).toBe(1100);
    expect(copies(101)).toThrow(/at most 1,100 can be added/);
    expect(() => augment(spec('mixup', { count: 401 }), regression(), 't', 'regression')).toThrow(/at most 400 can be added .* Lower "Rows to add"\./);
  });

  test('the absolute cap holds for a large training part', () => {
    const n = 20_000;
    const big = frameOf(col('x', 'numeric', Array.from({ length: n }, (_, i) => String(i))), col('t', 'numeric', Array.from({ length: n }, (_, i) => String(2 * i))));
    // 60 copies of 20,000 rows is within 100 per row, but over the absolute cap.
    expect(() => augment(spec('noise', { count: 60 }), big, 't', 'regression')).toThrow(/add 1,200,000 rows .* at most 1,000,000 can be added/);
    expect(() => augment(spec('mixup', { count: MAX_GENERATED_ROWS + 1 }), big, 't', 'regression')).toThrow('Rows to add: enter a whole number from 0 to 1,000,000.');
  });

  test('checkAugment names each bad field by its label in the form, and keeps unused settings valid', () => {
    const previous = spec('none');
    expect(checkAugment({ ...spec('mixup'), count: null, alpha: null, seed: 1.5 }, previous)).toEqual({
      ok: false,
      problems: ['Rows to add: enter a whole number from 0 to 1,000,000.', 'Alpha: enter a number from 0.01 to 10.', 'Seed: enter a whole number.'],
    });
    expect(checkAugment({ ...spec('noise'), scale: null, count: 0 }, previous)).toEqual({
      ok: false,
      problems: ['Noise, as a share of each feature’s std: enter a number from 0 to 5.', 'Copies per row: enter a whole number from 1 to 1,000,000.'],
    });
    expect(checkAugment({ ...spec('smote'), seed: -(2 ** 53) }, previous)).toEqual({ ok: false, problems: ['Seed: enter a whole number from -9,007,199,254,740,991 to 9,007,199,254,740,991.'] });
    expect(checkAugment({ ...spec('smote'), method: 'magic' }, previous)).toEqual({ ok: false, problems: ['Augmentation method: choose one from the list.'] });
    // SMOTE reads only k and the seed: a cleared alpha is not stored, the previous one is kept.
    expect(checkAugment({ ...spec('smote', { k: 7 }), alpha: null }, spec('none', { alpha: 0.4 }))).toEqual({ ok: true, spec: spec('smote', { k: 7, alpha: 0.4 }) });
  });

  test('switching method keeps a count of the same thing the new method takes, else gives its default: the stored default with noise is accepted at once', () => {
    const stored = v.parse(augmentSchema, {});
    expect(stored.count).toBe(0);
    // The form's first Apply of noise, from the defaults.
    expect(checkAugment({ ...stored, method: 'noise', count: countFor('noise', stored.count, 'none') })).toMatchObject({ ok: true, spec: { method: 'noise', count: 1 } });
    expect(countFor('noise', 3, 'noise')).toBe(3);
    expect(countFor('mixup', 3, 'synthetic')).toBe(3);
    expect(countFor('synthetic', 0, 'copula')).toBe(0);
    expect(countFor('noise', null, 'noise')).toBe(1);
    expect(countFor('copula', 2_000_000, 'mixup')).toBe(0);
    // Copies of each row are not rows to add, nor the reverse.
    expect(countFor('synthetic', 1, 'noise')).toBe(0);
    expect(countFor('noise', 500, 'mixup')).toBe(1);
    // Through a method without a count (SMOTE), the count is kept for the next one.
    expect(countFor('mixup', countFor('smote', 500, 'mixup'), 'smote')).toBe(500);
  });
});
