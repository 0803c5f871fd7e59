/**
 * Values beyond the training rows' range go to the end bins (as scikit-learn's KBinsDiscretizer),
 * so the end bins' labels say they are open-ended: 25 is labelled "≥ 7.5", not "[7.5, 10]".
 * A pipeline fitted by an earlier version keeps its labels: a one-hot or ordinal step fitted
 * after it learned them.
 */
import { describe, expect, test } from 'vitest';
import { applyPipeline, fitPipeline, type FittedPipeline } from '../../../src/prepare/pipeline';
import { bin, printedEdges } from '../../../src/prepare/steps/bin';
import { seeded } from '../../../src/prepare/random';
import { quantiles } from '../../../src/prepare/stats';
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
    expect(bin.fit({ column: 'x', bins: 4, strategy: 'width' }, train())).toEqual({ edges: [0, 2.5, 5, 7.5, 10], openEnds: true, printed: true });
  });

  test('an equal-count edge on a value of the data is labelled with that value, not a rounding of it that would put the value on the wrong side of its label', () => {
    const values = ['0.01', '0.02', '0.0412768238419757', '0.05', '0.06'];
    const fit = fitPipeline([{ ...binStep, params: { column: 'x', bins: 2, strategy: 'quantile' } }], frameOf(col('x', 'numeric', values)));
    if (!fit.ok) throw new Error(fit.problem);
    expect(cells(fit.train, 'x')).toEqual(['< 0.0412768', '< 0.0412768', '≥ 0.0412768', '≥ 0.0412768', '≥ 0.0412768']);
    // The edge is the number printed: a later 0.04127679 is below it, as its label says.
    expect(cells(applyPipeline(fit.fitted, frameOf(col('x', 'numeric', ['0.04127679', '0.0412768']))), 'x')).toEqual(['< 0.0412768', '≥ 0.0412768']);
    // Four digits when they keep every training value on its side: 2125.1667 with no value between 2125 and 2126 prints 2125 … only if none is 2125.
    expect(printedEdges([2000, 2125.1667, 2500], Float64Array.from([2000, 2125, 2130, 2500]))).toEqual([2000, 2125.2, 2500]);
    expect(printedEdges([2000, 2125.1667, 2500], Float64Array.from([2000, 2120, 2130, 2500]))).toEqual([2000, 2125, 2500]);
  });

  test('every value, of the training rows or not, is in the range its label says, and the training rows in the bins of the unrounded edges', () => {
    const random = seeded(7);
    for (let trial = 0; trial < 50; trial++) {
      const scale = 10 ** Math.floor(random() * 8 - 4);
      const draw = (n: number) => Array.from({ length: n }, () => String(Math.round(random() * 1000) * scale / 7));
      const trainCells = draw(200);
      const bins = 2 + Math.floor(random() * 8);
      const strategy = random() < 0.5 ? 'quantile' : 'width';
      const fit = fitPipeline([{ ...binStep, params: { column: 'x', bins, strategy } }], frameOf(col('x', 'numeric', trainCells)));
      if (!fit.ok) throw new Error(fit.problem);
      const laterCells = draw(200);
      for (const [given, labels] of [[trainCells, cells(fit.train, 'x')], [laterCells, cells(applyPipeline(fit.fitted, frameOf(col('x', 'numeric', laterCells))), 'x')]] as const) {
        given.forEach((text, i) => expect(inRange(Number(text), labels[i]!), `${text} in ${labels[i]}`).toBe(true));
      }
      // The same training rows in each bin as the edges before printing would give.
      const { edges } = fit.fitted.steps[0]!.learned as { edges: number[] };
      const binOf = (x: number, e: readonly number[]) => e.slice(1, -1).filter((edge) => x >= edge).length;
      const raw = rawEdges(trainCells, bins, strategy);
      expect(trainCells.map((t) => binOf(Number(t), edges))).toEqual(trainCells.map((t) => binOf(Number(t), raw)));
    }
  });
});

/** The edges as computed before they were printed (as bin.fit computes them). */
function rawEdges(trainCells: readonly string[], bins: number, strategy: string): number[] {
  const values = Float64Array.from(trainCells, Number);
  const qs = Array.from({ length: bins + 1 }, (_, i) => i / bins);
  const [min, max] = [Math.min(...values), Math.max(...values)];
  const raw = strategy === 'width' ? qs.map((q) => min + q * (max - min)) : quantiles(values, qs);
  return raw.filter((e, i) => i === 0 || e > raw[i - 1]!);
}

/** Whether x is in the range a bin label names. */
function inRange(x: number, label: string): boolean {
  if (label === 'any value') return true;
  const open = /^(<|≥) (\S+)$/.exec(label);
  if (open) return open[1] === '<' ? x < Number(open[2]) : x >= Number(open[2]);
  const closed = /^\[(\S+), (\S+)\)$/.exec(label)!;
  return x >= Number(closed[1]) && x < Number(closed[2]);
}
