/**
 * The pipeline's fast path (columnwise runs, each step applied to validation and test as soon
 * as it is fitted, rows read through row lists) must give exactly what fitting step by step and
 * applying afterwards gives: the same learned state, the same rows and values in every part,
 * the same problem when a step cannot apply.
 */
import seedrandom from 'seedrandom';
import { describe, expect, test } from 'vitest';
import { datasetFrame } from '../../../src/prepare/frame';
import { materialize, takeViewRows, viewOf } from '../../../src/prepare/frame-view';
import { fitAndApplyViews, fitViews } from '../../../src/prepare/run-steps';
import type { StepSpec } from '../../../src/prepare/step';
import { col, table } from './tables';

const N = 600;

function dataset(seed: string) {
  const random = seedrandom(seed);
  const number = (missing: number) => (random() < missing ? '' : random() < 0.02 ? String(1000 * (random() - 0.5)) : (random() * 20 - 10).toFixed(random() < 0.3 ? 0 : 2));
  const colour = () => (random() < 0.1 ? '' : ['red', 'green', 'blue', 'grey', 'teal'][Math.floor(random() * 5)]!);
  const rows = Array.from({ length: N }, () => [number(0.1), number(0), number(0.3), colour(), random() < 0.5 ? 'yes' : 'no']);
  // The last 40 rows repeat the first 40 exactly, for dedupe.
  for (let i = 0; i < 40; i++) rows[N - 1 - i] = rows[i]!;
  const cells = (j: number) => rows.map((r) => r[j]!);
  return table(col('a', 'numeric', cells(0)), col('b', 'numeric', cells(1)), col('c', 'numeric', cells(2)), col('colour', 'categorical', cells(3)), col('y', 'categorical', cells(4)));
}

const step = (kind: string, params: unknown, i: number): StepSpec => ({ id: `${kind}-${i}`, kind, enabled: true, params });

const RECIPES: Record<string, StepSpec[]> = {
  'fill, scale and remove outliers (one columnwise run)': [
    step('impute', { columns: ['a', 'c'], strategy: 'median' }, 0),
    step('scale', { columns: ['a', 'b', 'c'], method: 'standard' }, 1),
    step('outliers', { columns: ['a', 'b'], rule: 'zscore', factor: 1.5, action: 'remove' }, 2),
  ],
  'clip, robust scaling, then fill': [
    step('outliers', { columns: ['b', 'a'], rule: 'iqr', factor: 1, action: 'clip' }, 0),
    step('scale', { columns: ['a'], method: 'robust' }, 1),
    step('impute', { columns: ['a', 'c'], strategy: 'mean' }, 2),
    step('scale', { columns: ['c', 'b'], method: 'minmax' }, 3),
  ],
  'the benchmark recipe': [
    step('impute', { columns: ['a', 'b', 'c'], strategy: 'median' }, 0),
    step('one-hot', { column: 'colour', maxCategories: 3 }, 1),
    step('scale', { columns: ['a', 'b', 'c'], method: 'standard' }, 2),
    step('outliers', { columns: ['a', 'b', 'c'], rule: 'zscore', factor: 1.7, action: 'remove' }, 3),
    step('dedupe', { columns: [] }, 4),
    step('derive', { name: 'ab', expression: 'a * b + log(abs(c) + 1)' }, 5),
  ],
  'indicators, missing rows dropped, a filter and a rename': [
    step('impute', { columns: ['a'], strategy: 'most-frequent', indicator: true }, 0),
    step('drop-missing', { columns: ['c'] }, 1),
    step('scale', { columns: ['a', 'b'], method: 'standard' }, 2),
    step('filter', { condition: { column: 'b', op: '>', value: '-5' } }, 3),
    step('rename', { column: 'a', to: 'alpha' }, 4),
    step('dedupe', { columns: ['colour', 'y'] }, 5),
  ],
  'a step that cannot apply': [
    step('impute', { columns: ['a'], strategy: 'median' }, 0),
    step('scale', { columns: ['a'], method: 'standard' }, 1),
    step('derive', { name: 'bad', expression: 'a / (b - b)' }, 2),
  ],
};

function run(specs: StepSpec[], seed: string, fast: boolean) {
  const frame = datasetFrame(dataset(seed));
  const whole = viewOf(frame);
  const rows = (part: number) => Uint32Array.from({ length: N }, (_, i) => i).filter((i) => (i * 7 + 3) % 10 < (part === 0 ? 6 : part === 1 ? 8 : 10) && (i * 7 + 3) % 10 >= (part === 0 ? 0 : part === 1 ? 6 : 8));
  const [train, validation, test] = [0, 1, 2].map((p) => takeViewRows(whole, rows(p)));
  const outcome = (fast ? fitAndApplyViews : fitViews)(specs, train!, [validation!, test!], {});
  if (!outcome.ok) return outcome;
  return { ok: true, fitted: outcome.fitted, train: materialize(outcome.train), others: outcome.others.map(materialize) };
}

describe('the fast path agrees with fitting step by step', () => {
  for (const [name, specs] of Object.entries(RECIPES)) {
    test(name, () => {
      for (const seed of ['one', 'two', 'three']) {
        const fast = run(specs, seed, true);
        const reference = run(specs, seed, false);
        expect(fast).toEqual(reference);
        if (name !== 'a step that cannot apply') expect(fast.ok, JSON.stringify(fast)).toBe(true);
      }
    });
  }

  test('the problem is the one met first, step by step', () => {
    const fast = run(RECIPES['a step that cannot apply']!, 'one', true);
    expect(fast).toMatchObject({ ok: false, stepId: 'derive-2' });
  });
});
