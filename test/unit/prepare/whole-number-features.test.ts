import { describe, expect, test } from 'vitest';
import { augment, type AugmentSpec } from '../../../src/prepare/augment';
import type { Frame } from '../../../src/prepare/frame';
import { isValid } from '../../../src/shared/column';
import { col, frameOf } from './tables';
import before from './whole-number-features.before.json';

const spec = (method: AugmentSpec['method'], extra: Partial<AugmentSpec> = {}): AugmentSpec => ({ method, seed: 7, k: 3, scale: 0.3, count: 6, alpha: 0.4, ...extra });
const N = 30;
const rows = Array.from({ length: N }, (_, i) => i);
const wobble = (i: number) => Math.sin(i * 12.9898) * 10;

/**
 * 30 training rows (20 of class a, 10 of b, or a numeric target t): whole-number features (rooms
 * 1–7, an ordinal code 0–3, an age with two missing values, an ID-like integer) beside fractional
 * ones (price, and ratio with a missing value). t is whole or fractional, for regression.
 */
function mixed(target: 'class' | 'whole' | 'fractional' = 'class'): Frame {
  return frameOf(
    col('rooms', 'numeric', rows.map((i) => String(1 + (i % 5) + (i >= 20 ? 2 : 0)))),
    col('code', 'numeric', rows.map((i) => String(i % 4))),
    col('age', 'numeric', rows.map((i) => (i === 3 || i === 25 ? '' : String(18 + ((i * 7) % 50))))),
    col('id', 'numeric', rows.map((i) => String(100_000 + i * 37))),
    col('price', 'numeric', rows.map((i) => (100 + wobble(i)).toFixed(2))),
    col('ratio', 'numeric', rows.map((i) => (i === 7 ? '' : (wobble(i + 50) / 10).toFixed(3)))),
    target === 'class'
      ? col('y', 'categorical', rows.map((i) => (i < 20 ? 'a' : 'b')))
      : col('t', 'numeric', rows.map((i) => (target === 'whole' ? String(3 * i + (i % 7)) : (1.5 * i + wobble(i + 9)).toFixed(2)))),
  );
}

const column = (frame: Frame, name: string) => frame.table.columns.find((c) => c.name === name)!;

/** The generated rows' values of a column, null where missing. */
function generated(frame: Frame, name: string, real: number = N): (number | null)[] {
  const c = column(frame, name);
  return Array.from({ length: frame.table.rowCount - real }, (_, j) => (isValid(c.valid, real + j) ? c.values[real + j]! : null));
}

/** Every generated value of each named column is a whole number within the present training values' [min, max]. */
function expectWholeWithin(train: Frame, result: Frame, names: readonly string[]) {
  const n = train.table.rowCount;
  for (const name of names) {
    const c = column(train, name);
    const present = Array.from({ length: n }, (_, i) => i).filter((i) => isValid(c.valid, i)).map((i) => c.values[i]!);
    const [min, max] = [Math.min(...present), Math.max(...present)];
    const values = generated(result, name, n).filter((x): x is number => x !== null);
    expect(values.length, name).toBeGreaterThan(0);
    for (const x of values) {
      expect(Number.isInteger(x), `${name}: ${x} is not whole`).toBe(true);
      expect(x, name).toBeGreaterThanOrEqual(min);
      expect(x, name).toBeLessThanOrEqual(max);
    }
  }
}
const WHOLE = ['rooms', 'code', 'age', 'id'];

describe('whole-number features stay whole and within their training range', () => {
  test('Gaussian noise', () => {
    const train = mixed();
    expectWholeWithin(train, augment(spec('noise', { count: 3, scale: 0.5 }), train, 'y', 'classification').frame, WHOLE);
  });

  test('SMOTE', () => {
    const train = mixed();
    expectWholeWithin(train, augment(spec('smote'), train, 'y', 'classification').frame, WHOLE);
  });

  test('synthetic rows (Gaussian per class)', () => {
    const train = mixed();
    expectWholeWithin(train, augment(spec('synthetic', { count: 60 }), train, 'y', 'classification').frame, WHOLE);
  });

  test('synthetic rows (Gaussian copula per class)', () => {
    const train = mixed();
    expectWholeWithin(train, augment(spec('copula', { count: 60 }), train, 'y', 'classification').frame, WHOLE);
  });

  test('mixup, its generated whole-number regression target included', () => {
    const train = mixed('whole');
    expectWholeWithin(train, augment(spec('mixup', { count: 60 }), train, 't', 'regression').frame, [...WHOLE, 't']);
  });

  test('synthetic rows for regression, which model the target too', () => {
    const train = mixed('whole');
    expectWholeWithin(train, augment(spec('synthetic', { count: 60 }), train, 't', 'regression').frame, [...WHOLE, 't']);
  });
});

describe('fractional features give exactly the rows they gave before whole numbers were kept', () => {
  // Captured from the code before whole-number features were rounded, with the same seeds.
  const cases: [keyof typeof before, AugmentSpec, 'classification' | 'regression'][] = [
    ['noise', spec('noise', { count: 1 }), 'classification'],
    ['smote', spec('smote'), 'classification'],
    ['synthetic', spec('synthetic'), 'classification'],
    ['copula', spec('copula'), 'classification'],
    ['mixup', spec('mixup'), 'regression'],
  ];
  test.each(cases)('%s', (name, s, task) => {
    const regression = task === 'regression';
    const result = augment(s, mixed(regression ? 'fractional' : 'class'), regression ? 't' : 'y', task).frame;
    const expected = before[name] as Record<string, unknown>;
    expect(Array.from(result.rowIds.slice(N))).toEqual(expected.rowIds);
    for (const fractional of regression ? ['price', 'ratio', 't'] : ['price', 'ratio']) expect(generated(result, fractional), fractional).toEqual(expected[fractional]);
  });
});

test('a whole-number column with missing values: the missing stay missing, and the range is of the present values only', () => {
  // A missing slot holds 0: read as a value, it would widen the range to [0, 8].
  const train = frameOf(
    col('level', 'numeric', ['5', '', '8', '6', '7', '', '5', '8', '6', '7']),
    col('t', 'numeric', ['1.5', '2.25', '3.5', '4.75', '5.5', '6.25', '7.5', '8.75', '9.5', '10.25']),
  );
  const result = augment(spec('noise', { count: 20, scale: 2 }), train, 't', 'regression').frame;
  const level = generated(result, 'level', 10);
  level.forEach((x, j) => expect(x === null, `new row ${j}`).toBe(j % 10 === 1 || j % 10 === 5));
  expectWholeWithin(train, result, ['level']);
  // Noise of 2 std reaches past both ends, so the ends themselves are generated.
  expect(level).toContain(5);
  expect(level).toContain(8);
});
