import { describe, expect, test } from 'vitest';
import { fitPipeline } from '../../../src/prepare/pipeline';
import { rangeOrder } from '../../../src/prepare/steps/range-order';
import { spec } from './step-fixtures';
import { cells, col, frameOf } from './tables';

describe('ordinal encoding of a binned column', () => {
  test('numbers the bins in the order of their ranges, not as text ("[9, 10)" sorts after "[10, 20)")', () => {
    // Edges 0, 10, …, 200: "[100, 110)" sorts as text before "[20, 30)".
    const values = ['0', '25', '95', '105', '200', '15', '150', '5', '35', '199'];
    const fit = fitPipeline([spec('bin', { column: 'x', bins: 20, strategy: 'width' }), { ...spec('ordinal', { column: 'x', order: [] }), id: 'ord' }], frameOf(col('x', 'numeric', values)));
    if (!fit.ok) throw new Error(fit.problem);
    const codes = cells(fit.train, 'x').map(Number);
    // Larger values never get a smaller number.
    const byValue = values.map((v, i) => [Number(v), codes[i]!] as const).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < byValue.length; i++) expect(byValue[i]![1]).toBeGreaterThanOrEqual(byValue[i - 1]![1]);
    expect(codes[0]).toBe(0);
    // The top value in the last range seen: as many numbers as bins with rows.
    expect(codes[4]).toBe(new Set(codes).size - 1);
  });

  test('one-hot of a binned column makes its columns in the order of the ranges, not by how many rows each holds', () => {
    // Most rows in the top range: by count it would come first.
    const values = ['0', '1', '5', '8', '9', '9', '9', '10'];
    const fit = fitPipeline([spec('bin', { column: 'x', bins: 3, strategy: 'width' }), { ...spec('one-hot', { column: 'x', maxCategories: 20 }), id: 'hot' }], frameOf(col('x', 'numeric', values)));
    if (!fit.ok) throw new Error(fit.problem);
    expect(fit.train.table.columns.map((c) => c.name)).toEqual(['x=< 3.333', 'x=[3.333, 6.667)', 'x=≥ 6.667']);
    // Labels that are not ranges keep the order by count.
    const labels = fitPipeline([{ ...spec('one-hot', { column: 'c', maxCategories: 20 }), id: 'hot' }], frameOf(col('c', 'categorical', ['b', 'a', 'a'])));
    expect(labels.ok && labels.train.table.columns.map((c) => c.name)).toEqual(['c=a', 'c=b']);
  });

  test('rangeOrder: every form of bin label; null as soon as one label is not a range', () => {
    expect(rangeOrder(['≥ 20', '[10, 20)', '< 10'])).toEqual(['< 10', '[10, 20)', '≥ 20']);
    expect(rangeOrder(['[9, 10)', '[10, 20]', '[-5, 9)'])).toEqual(['[-5, 9)', '[9, 10)', '[10, 20]']);
    expect(rangeOrder(['[1e-7, 2e-7)', '< 1e-7'])).toEqual(['< 1e-7', '[1e-7, 2e-7)']);
    expect(rangeOrder(['any value'])).toEqual(['any value']);
    expect(rangeOrder(['small', '[1, 2)'])).toBeNull();
    expect(rangeOrder(['[b, c)'])).toBeNull();
  });

  test('labels that are not ranges keep the alphabetical order', () => {
    const fit = fitPipeline([spec('ordinal', { column: 'size', order: [] })], frameOf(col('size', 'categorical', ['medium', 'large', 'small'])));
    if (!fit.ok) throw new Error(fit.problem);
    expect(fit.fitted.steps[0]!.learned).toEqual({ categories: ['large', 'medium', 'small'] });
  });
});
