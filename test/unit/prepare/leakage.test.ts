/**
 * The leakage test: values present only in validation and test rows never influence a fitted
 * parameter. The whole path is exercised: split, selection of training rows, fit.
 */
import { describe, expect, test } from 'vitest';
import { datasetFrame } from '../../../src/prepare/frame';
import { prepareParts } from '../../../src/prepare/pipeline';
import { assignParts } from '../../../src/prepare/split';
import type { StepSpec } from '../../../src/prepare/step';
import { col, table } from './tables';

const N = 300;
const x = (i: number) => (i % 11 === 0 ? '' : String((i * 37) % 101));
const colour = (i: number) => ['red', 'green', 'blue', 'grey'][i % 4]!;

function dataset(rewrite: (i: number) => boolean) {
  // Rows picked by `rewrite` get values no training row has: huge, negative, new categories, missing.
  return table(
    col('x', 'numeric', Array.from({ length: N }, (_, i) => (rewrite(i) ? String(1e6 + i) : x(i)))),
    col('z', 'numeric', Array.from({ length: N }, (_, i) => (rewrite(i) ? (i % 2 ? '' : '-5000') : String(i % 17)))),
    col('colour', 'categorical', Array.from({ length: N }, (_, i) => (rewrite(i) ? `unseen-${i}` : colour(i)))),
    col('label', 'categorical', Array.from({ length: N }, (_, i) => (i % 3 ? 'yes' : 'no'))),
  );
}

const steps: StepSpec[] = [
  { kind: 'impute', params: { columns: ['x'], strategy: 'mean', indicator: true } },
  { kind: 'impute', params: { columns: ['colour'], strategy: 'most-frequent' } },
  { kind: 'outliers', params: { columns: ['z'], rule: 'iqr', action: 'clip' } },
  { kind: 'bin', params: { column: 'z', bins: 4, strategy: 'quantile' } },
  { kind: 'one-hot', params: { column: 'colour', maxCategories: 3 } },
  { kind: 'ordinal', params: { column: 'label', order: [] } },
  { kind: 'scale', params: { columns: ['x'], method: 'standard' } },
  { kind: 'derive', params: { name: 'x2', expression: 'x * x' } },
  { kind: 'scale', params: { columns: ['x2'], method: 'robust' } },
].map((s, i) => ({ id: `s${i}`, enabled: true, ...s }));

const parts = assignParts({ strategy: 'random', fractions: [0.6, 0.2, 0.2], seed: 11 }, { rowCount: N });

function fit(rewrite: (i: number) => boolean) {
  const outcome = prepareParts(steps, datasetFrame(dataset(rewrite)), parts);
  if (!outcome.ok) throw new Error(outcome.problem);
  return outcome;
}

describe('leakage', () => {
  test('rewriting every validation and test row changes no fitted parameter and no training value', () => {
    const clean = fit(() => false);
    const rewritten = fit((i) => parts[i] !== 0);
    for (const [i, s] of clean.fitted.steps.entries()) expect(rewritten.fitted.steps[i], s.kind).toEqual(s);
    expect(JSON.stringify(rewritten.fitted)).toBe(JSON.stringify(clean.fitted));
    expect(rewritten.frames.train.table).toEqual(clean.frames.train.table);
    // The rewritten rows did reach the held-out parts: their values are there, transformed.
    expect(rewritten.frames.test.table).not.toEqual(clean.frames.test.table);
    expect(rewritten.frames.test.table.rowCount).toBe(parts.filter((p) => p === 2).length);
  });

  test('control: rewriting one training row does change the fitted parameters', () => {
    const firstTrain = parts.indexOf(0);
    expect(JSON.stringify(fit((i) => i === firstTrain).fitted)).not.toBe(JSON.stringify(fit(() => false).fitted));
  });
});
