import { describe, expect, test } from 'vitest';
import { augment, type AugmentSpec } from '../../../src/prepare/augment';
import { largestRemainder } from '../../../src/prepare/largest-remainder';
import { cells, col, frameOf } from './tables';

const spec = (method: AugmentSpec['method'], extra: Partial<AugmentSpec> = {}): AugmentSpec => ({ method, seed: 5, k: 2, scale: 0.1, count: 0, alpha: 0.2, ...extra });
const wobble = (i: number) => Math.sin(i * 12.9898) * 10;

/** Classes of the given sizes, then `unlabelled` rows with no target, on two numeric features. */
function classes(sizes: Record<string, number>, unlabelled = 0) {
  const labels = Object.entries(sizes).flatMap(([label, n]) => Array<string>(n).fill(label));
  labels.push(...Array<string>(unlabelled).fill(''));
  return frameOf(
    col('u', 'numeric', labels.map((_, i) => String(wobble(i)))),
    col('v', 'numeric', labels.map((_, i) => String(wobble(i + 1000) + i / 100))),
    col('y', 'categorical', labels),
  );
}
const addedPerClass = (frame: ReturnType<typeof classes>, realRows: number) => {
  const out: Record<string, number> = {};
  for (const label of cells(frame, 'y').slice(realRows)) out[label] = (out[label] ?? 0) + 1;
  return out;
};

describe('synthetic rows per class', () => {
  test('rows with no target do not count towards any class: 50 a, 50 b and 100 unlabelled give 50/50 of 100', () => {
    const result = augment(spec('synthetic', { count: 100 }), classes({ a: 50, b: 50 }, 100), 'y', 'classification');
    expect(addedPerClass(result.frame, 200)).toEqual({ a: 50, b: 50 });
  });

  test('the default count is the number of labelled training rows', () => {
    const result = augment(spec('synthetic'), classes({ a: 30, b: 10 }, 60), 'y', 'classification');
    expect(result.added).toBe(40);
    expect(addedPerClass(result.frame, 100)).toEqual({ a: 30, b: 10 });
  });

  test('shares are split by largest remainder, not by giving the last class what is left', () => {
    // Quotas 3.33 each: one class gets 4 (the first of the tied remainders), never 2, 4, 4 or 3, 3, 4 by accident of order.
    const even = augment(spec('synthetic', { count: 10 }), classes({ a: 10, b: 10, c: 10 }), 'y', 'classification');
    expect(addedPerClass(even.frame, 30)).toEqual({ a: 4, b: 3, c: 3 });
    // Quotas 6.25, 6.25, 6.25, 1.25 of 20: rounding each gave 6 + 6 + 6 and the last 2; largest remainder gives 7, 6, 6, 1.
    const skewed = augment(spec('synthetic', { count: 20 }), classes({ a: 25, b: 25, c: 25, d: 5 }), 'y', 'classification');
    expect(addedPerClass(skewed.frame, 80)).toEqual({ a: 7, b: 6, c: 6, d: 1 });
  });
});

test('largest-remainder shares always sum to the count and never go negative', () => {
  expect(largestRemainder([0, 3], 2)).toEqual([0, 2]);
  expect(largestRemainder([1, 1, 1], 2)).toEqual([1, 1, 0]);
  expect(largestRemainder([2, 1], 7)).toEqual([5, 2]);
  expect(largestRemainder([0, 0], 4)).toEqual([0, 0]);
  // Equal remainders go in the order `ties` gives (the split's seeded shuffle), else the earlier group first.
  expect(largestRemainder([1, 1, 1], 2, [2, 0, 1])).toEqual([1, 0, 1]);
  expect(largestRemainder([1, 1, 1], 1, [1, 2, 0])).toEqual([0, 1, 0]);
});

describe('synthetic rows say what stops them, by task and by cause', () => {
  test('regression with no complete row names the features and the target, not a class ""', () => {
    const f = frameOf(col('x', 'numeric', ['1', '', '3']), col('z', 'numeric', ['', '2', '']), col('t', 'numeric', ['1', '2', '3']));
    expect(() => augment(spec('synthetic'), f, 't', 'regression')).toThrow(
      'Synthetic rows need at least 2 training rows with a value in every numeric feature and in the target; there are none. Fill missing values first.',
    );
  });

  test('a class of one row is told to be merged, not to fill missing values it does not have', () => {
    const f = frameOf(col('x', 'numeric', ['1', '2', '3', '4']), col('y', 'categorical', ['a', 'a', 'a', 'b']));
    expect(() => augment(spec('synthetic', { count: 8 }), f, 'y', 'classification')).toThrow(
      'Class "b" has 1 training row: synthetic rows need at least 2 per class. Merge it into another class or drop its rows first, or use random oversampling.',
    );
  });

  test('a class with rows but too few complete ones is told to fill missing values', () => {
    const f = frameOf(col('x', 'numeric', ['1', '2', '3', '4', '']), col('w', 'numeric', ['1', '2', '3', '', '5']), col('y', 'categorical', ['a', 'a', 'a', 'b', 'b']));
    expect(() => augment(spec('synthetic', { count: 10 }), f, 'y', 'classification')).toThrow(
      'Class "b" has 2 training rows, but none with a value in every numeric feature: synthetic rows need at least 2 per class. Fill missing values first.',
    );
  });

  test('no labelled training row at all is refused, not turned into empty rows', () => {
    const f = frameOf(col('x', 'numeric', ['1', '2', '3']), col('y', 'categorical', ['', '', '']));
    expect(() => augment(spec('synthetic', { count: 5 }), f, 'y', 'classification')).toThrow('No training row has a value in the target "y", so there is no class to draw synthetic rows for.');
  });
});

describe('other augmentation messages count in words', () => {
  test('the row cap says "1 training row", not "the 1 training rows"', () => {
    const f = frameOf(col('x', 'numeric', ['1']), col('t', 'numeric', ['2']));
    expect(() => augment(spec('mixup', { count: 101 }), f, 't', 'regression')).toThrow(/^Augmentation would add 101 rows to 1 training row; at most 100 can be added/);
  });
});
