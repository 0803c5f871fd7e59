/** Steps that encode labels as numbers: one-hot and ordinal. */
import { describe, expect, test } from 'vitest';
import { applyPipeline } from '../../../src/prepare/pipeline';
import { fitOne, other, problemOf } from './step-fixtures';
import { cells, col, frameOf, names } from './tables';

describe('encoders', () => {
  test('one-hot: the most frequent values, an other bucket for the rest and for unseen values, missing stays missing', () => {
    // At most 2 columns, "other" counted, as scikit-learn's max_categories: one value and "other".
    // red and blue tie on 2 rows: the later in sorted order stays, as scikit-learn; never by dictionary order (see the leakage test)
    const fit = fitOne('one-hot', { column: 'colour', maxCategories: 2 });
    expect(fit.fitted.steps[0]!.learned).toEqual({ categories: ['red'], other: true });
    expect(names(fit.train)).toEqual(['x', 'y', 'colour=red', 'colour=other', 'ok']);
    const applied = applyPipeline(fit.fitted, other());
    expect(cells(applied, 'colour=other')).toEqual(['true', 'false', '']);
    expect(cells(applied, 'colour=red')).toEqual(['false', 'true', '']);
    // Rows whose value went to "other" are not flagged: the column is there for them.
    expect(Array.from(applied.flagged)).toEqual([0, 0, 0]);
  });

  test('one-hot counts "other" among its columns, as scikit-learn: a, a, a, b, b, c, d with max_categories=2 gives a and other', () => {
    const f = frameOf(col('c', 'categorical', ['a', 'a', 'a', 'b', 'b', 'c', 'd']));
    expect(names(fitOne('one-hot', { column: 'c', maxCategories: 2 }, f).train)).toEqual(['c=a', 'c=other']);
    expect(names(fitOne('one-hot', { column: 'c', maxCategories: 3 }, f).train)).toEqual(['c=a', 'c=b', 'c=other']);
    // As many values as columns allowed: no "other".
    expect(names(fitOne('one-hot', { column: 'c', maxCategories: 4 }, f).train)).toEqual(['c=a', 'c=b', 'c=c', 'c=d']);
    // a, c and d tie on one row for the one place left beside b: d, last in sorted order, stays.
    const tie = frameOf(col('c', 'categorical', ['d', 'c', 'a', 'b', 'b', 'b']));
    expect(fitOne('one-hot', { column: 'c', maxCategories: 3 }, tie).fitted.steps[0]!.learned).toEqual({ categories: ['b', 'd'], other: true });
    // A cap of 1 would leave one constant "other" column: refused.
    expect(problemOf('one-hot', { column: 'c', maxCategories: 1 }, f)).toMatch(/from 2 to 1000/);
  });

  test('one-hot without an "other" column: a value training never saw gives no column, and the row is flagged', () => {
    const fit = fitOne('one-hot', { column: 'colour', maxCategories: 20 });
    const applied = applyPipeline(fit.fitted, other());
    expect(names(applied).filter((n) => n.startsWith('colour='))).toEqual(['colour=blue', 'colour=red', 'colour=green']);
    expect(['blue', 'red', 'green'].map((c) => cells(applied, `colour=${c}`)[0])).toEqual(['false', 'false', 'false']);
    expect(Array.from(applied.flagged)).toEqual([1, 0, 0]);
    expect(fit.train.flagged.every((f) => f === 0)).toBe(true);
  });

  test('one-hot over 50,000 categories and of a numeric column is refused', () => {
    const many = Array.from({ length: 50_001 }, (_, i) => `id${i}`);
    expect(problemOf('one-hot', { column: 'c', maxCategories: 20 }, frameOf(col('c', 'categorical', many)))).toMatch(/50,001 different values/);
    expect(problemOf('one-hot', { column: 'x', maxCategories: 20 })).toMatch(/"x" is numeric/);
  });

  test('ordinal: alphabetical by default or in a given order; unseen values become missing and flagged; an incomplete order is refused', () => {
    const fit = fitOne('ordinal', { column: 'colour', order: [] });
    expect(cells(fit.train, 'colour')).toEqual(['2', '0', '2', '', '1', '0']);
    const applied = applyPipeline(fit.fitted, other());
    expect(cells(applied, 'colour')).toEqual(['', '2', '']);
    // The unseen "purple" is made missing, and said so; the row that was missing already is not flagged.
    expect(Array.from(applied.flagged)).toEqual([1, 0, 0]);
    expect(cells(fitOne('ordinal', { column: 'colour', order: ['red', 'green', 'blue'] }).train, 'colour')).toEqual(['0', '2', '0', '', '1', '2']);
    expect(problemOf('ordinal', { column: 'colour', order: ['red'] })).toMatch(/does not place "blue", "green"/);
  });
});
