/**
 * Values beyond the training rows' range go to the end bins (as scikit-learn's KBinsDiscretizer),
 * so the end bins' labels say they are open-ended: 25 is labelled "≥ 7.5", not "[7.5, 10]".
 * A pipeline fitted by an earlier version keeps its labels: a one-hot or ordinal step fitted
 * after it learned them.
 */
import { describe, expect, test } from 'vitest';
import { applyPipeline, fitPipeline, type FittedPipeline } from '../../../src/prepare/pipeline';
import { bin } from '../../../src/prepare/steps/bin';
import { cells, col, frameOf } from './tables';

const train = () => frameOf(col('x', 'numeric', ['0', '1', '3', '6', '8', '10']));
const later = () => frameOf(col('x', 'numeric', ['-3', '0', '4', '10', '25', '']));
const binStep = { id: 'b', kind: 'bin', enabled: true, params: { column: 'x', bins: 4, strategy: 'width' } };

describe('bin labels', () => {
  test('the end bins are open-ended, so a value outside the training range gets a label it fits', () => {
    const fit = fitPipeline([binStep], train());
    if (!fit.ok) throw new Error(fit.problem);
    expect(cells(fit.train, 'x')).toEqual(['< 2.5', '< 2.5', '[2.5, 5)', '[5, 7.5)', '≥ 7.5', '≥ 7.5']);
    expect(cells(applyPipeline(fit.fitted, later()), 'x')).toEqual(['< 2.5', '< 2.5', '[2.5, 5)', '≥ 7.5', '≥ 7.5', '']);
  });

  test('two bins are "< edge" and "≥ edge"; one bin (quantiles of a column mostly one value) holds any value', () => {
    const two = fitPipeline([{ ...binStep, params: { column: 'x', bins: 2, strategy: 'width' } }], train());
    if (!two.ok) throw new Error(two.problem);
    expect(cells(two.train, 'x')).toEqual(['< 5', '< 5', '< 5', '≥ 5', '≥ 5', '≥ 5']);
    const mostlyZero = frameOf(col('x', 'numeric', ['0', '0', '0', '0', '0', '0', '0', '0', '0', '1']));
    const one = fitPipeline([{ ...binStep, params: { column: 'x', bins: 5, strategy: 'quantile' } }], mostlyZero);
    if (!one.ok) throw new Error(one.problem);
    expect(new Set(cells(one.train, 'x'))).toEqual(new Set(['any value']));
  });

  test('a pipeline fitted by an earlier version (edges only) keeps its labels, so the one-hot step fitted after it still knows them', () => {
    const stored: FittedPipeline = {
      format: 1,
      steps: [
        { id: 'b', kind: 'bin', params: { column: 'x', bins: 4, strategy: 'width' }, learned: { edges: [0, 2.5, 5, 7.5, 10] } },
        { id: 'o', kind: 'one-hot', params: { column: 'x', maxCategories: 20 }, learned: { categories: ['[0, 2.5)', '[2.5, 5)', '[5, 7.5)', '[7.5, 10]'], other: false } },
      ],
    };
    const applied = applyPipeline(stored, later());
    expect(cells(applied, 'x=[0, 2.5)')).toEqual(['true', 'true', 'false', 'false', 'false', '']);
    expect(cells(applied, 'x=[7.5, 10]')).toEqual(['false', 'false', 'false', 'true', 'true', '']);
    expect(Array.from(applied.flagged)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  test('a new fit records that its ends are open', () => {
    expect(bin.fit({ column: 'x', bins: 4, strategy: 'width' }, train())).toEqual({ edges: [0, 2.5, 5, 7.5, 10], openEnds: true });
  });
});
