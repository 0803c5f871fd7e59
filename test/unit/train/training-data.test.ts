import { describe, expect, test } from 'vitest';
import { flaggedNote, layoutOf, toMatrices, unlabelledNotes, unseenClassNote, unseenClassNotes } from '../../../src/train/training-data';
import { col, frameOf } from '../prepare/tables';

describe('training data', () => {
  test('numeric, boolean and date columns are features; identifiers are left out with a note; classes are sorted', () => {
    const f = frameOf(
      col('id', 'identifier', ['a1', 'a2', 'a3']),
      col('x', 'numeric', ['1', '2', '3']),
      col('flag', 'boolean', ['true', 'false', 'true']),
      col('y', 'categorical', ['dog', 'cat', 'dog']),
    );
    const layout = layoutOf(f, 'y', 'classification');
    expect(layout).toEqual({ ok: true, layout: { features: ['x', 'flag'], classes: ['cat', 'dog'], notes: ['Column "id" (an identifier) is left out of the features.'] } });
    if (!layout.ok) throw new Error(layout.problem);
    const { matrices, skipped } = toMatrices(f, layout.layout, 'y');
    expect(skipped).toBe(0);
    expect(Array.from(matrices.x)).toEqual([1, 1, 2, 0, 3, 1]);
    expect(Array.from(matrices.y)).toEqual([1, 0, 1]);
  });

  test('numeric classes are ordered by value, as np.unique orders them, not as strings', () => {
    const f = frameOf(col('x', 'numeric', ['1', '2', '3', '4']), col('y', 'numeric', ['9', '10', '2', '-1']));
    const layout = layoutOf(f, 'y', 'classification');
    expect(layout.ok && layout.layout.classes).toEqual(['-1', '2', '9', '10']);
  });

  test('what a model cannot read is refused, naming the column and the step that fixes it', () => {
    const problem = (f: ReturnType<typeof frameOf>, task: 'classification' | 'regression' = 'classification') => {
      const r = layoutOf(f, 'y', task);
      return r.ok ? null : r.problem;
    };
    expect(problem(frameOf(col('c', 'categorical', ['a', 'b']), col('y', 'numeric', ['1', '2'])))).toMatch(/"c" holds categories.*one-hot or ordinal encoding step/);
    expect(problem(frameOf(col('x', 'numeric', ['1', '']), col('y', 'numeric', ['1', '2'])))).toMatch(/"x" has 1 missing value in the training rows: add a "Fill missing values" step/);
    expect(problem(frameOf(col('x', 'numeric', ['1', '2']), col('y', 'categorical', ['a', 'a'])))).toBe('The target "y" has 1 class in the training rows: a classifier needs at least two.');
    expect(problem(frameOf(col('x', 'numeric', ['1', '2']), col('y', 'categorical', ['', ''])))).toBe('No training row has a value for the target "y": a classifier needs rows of at least two classes.');
    expect(problem(frameOf(col('x', 'numeric', ['1', '2']), col('y', 'numeric', ['', ''])))).toBe('No training row has a value for the target "y": a classifier needs rows of at least two classes.');
    expect(problem(frameOf(col('x', 'numeric', ['1', '2']), col('y', 'categorical', ['a', 'b'])), 'regression')).toMatch(/not numeric, so this cannot be a regression/);
    expect(problem(frameOf(col('x', 'numeric', ['1', '2']), col('z', 'numeric', ['1', '2'])))).toMatch(/target "y" is not among the prepared columns/);
  });

  test('every column that stops training is named in one refusal, categories first, with each gap counted', () => {
    const f = frameOf(
      col('city', 'categorical', ['a', '']),
      col('x', 'numeric', ['1', '']),
      col('shop', 'categorical', ['p', 'q']),
      col('ok', 'numeric', ['1', '2']),
      col('z', 'numeric', ['', '']),
      col('w', 'boolean', ['true', '']),
      col('y', 'numeric', ['1', '2']),
    );
    const r = layoutOf(f, 'y', 'classification');
    expect(r.ok ? null : r.problem).toBe(
      'Columns "city" and "shop" hold categories, which a model cannot read as numbers: add a one-hot or ordinal encoding step for each in Prepare, or drop them. ' +
        'Columns "x" (1), "z" (2) and "w" (1) have missing values in the training rows: add a "Fill missing values" step for them in Prepare, or drop them.',
    );
    const one = layoutOf(frameOf(col('city', 'categorical', ['a', 'b']), col('x', 'numeric', ['1', '']), col('y', 'numeric', ['1', '2'])), 'y', 'classification');
    expect(one.ok ? null : one.problem).toBe(
      'Column "city" holds categories, which a model cannot read as numbers: add a one-hot or ordinal encoding step for it in Prepare, or drop it. ' +
        'Column "x" has 1 missing value in the training rows: add a "Fill missing values" step for it in Prepare, or drop it.',
    );
  });

  test('rows with a missing target or a class training never saw are left out and counted', () => {
    const train = frameOf(col('x', 'numeric', ['1', '2']), col('y', 'categorical', ['a', 'b']));
    const layout = layoutOf(train, 'y', 'classification');
    if (!layout.ok) throw new Error(layout.problem);
    const other = frameOf(col('x', 'numeric', ['5', '6', '7']), col('y', 'categorical', ['b', '', 'c']));
    const { matrices, skipped, unseenClass } = toMatrices(other, layout.layout, 'y');
    expect(skipped).toBe(2);
    expect(unseenClass).toBe(1);
    expect(matrices).toEqual({ rows: 1, rowIds: Uint32Array.of(0), x: Float32Array.of(5), y: Float32Array.of(1), yTrue: Float64Array.of(1) });
  });

  test('rows the recipe flagged are kept and counted, and missing feature values read as 0 are counted', () => {
    const train = frameOf(col('x', 'numeric', ['1', '2']), col('y', 'numeric', ['1', '2']));
    const layout = layoutOf(train, 'y', 'regression');
    if (!layout.ok) throw new Error(layout.problem);
    const other = frameOf(col('x', 'numeric', ['5', '', '7', '8']), col('y', 'numeric', ['1', '2', '', '4']));
    other.flagged.set([0, 1, 1, 1]);
    const { matrices, flagged, filled } = toMatrices(other, layout.layout, 'y');
    expect(matrices.rows).toBe(3);
    // Row 2 has no target: left out, so its flag is not counted among the scored rows.
    expect(flagged).toBe(2);
    expect(filled).toBe(1);
    expect(Array.from(matrices.x)).toEqual([5, 0, 8]);
  });

  test('flagged rows are told in a plain sentence for the part shown', () => {
    const counts = { validation: { rows: 3, filled: 0 }, test: { rows: 1, filled: 2 } };
    expect(flaggedNote(counts, 'validation')).toBe(
      '3 validation rows were flagged by the recipe: a step would have removed them from the training rows (duplicates, outliers, a filter, missing values) or met a value the training rows never had. They are scored as the recipe left them.',
    );
    expect(flaggedNote(counts, 'test')).toMatch(/^1 test row was flagged by the recipe: a step would have removed it .* It is scored as the recipe left it\. 2 missing feature values were read as 0\.$/);
    expect(flaggedNote({ validation: { rows: 0, filled: 0 }, test: { rows: 0, filled: 1 } }, 'test')).toBe('1 missing feature value was read as 0.');
    expect(flaggedNote({ validation: { rows: 0, filled: 0 }, test: { rows: 5, filled: 0 } }, 'validation')).toBeNull();
  });

  test('rows left out for a class training never had are told in a plain sentence per part', () => {
    expect(unseenClassNotes({ validation: 3, test: 1 })).toEqual([
      '3 validation rows have a class the training rows never had, so they are left out of the validation figures.',
      '1 test row has a class the training rows never had, so it is left out of the test figures.',
    ]);
    expect(unseenClassNotes({ validation: 0, test: 1200 })).toEqual(['1,200 test rows have a class the training rows never had, so they are left out of the test figures.']);
    expect(unseenClassNotes({ validation: 0, test: 0 })).toEqual([]);
    // One part's, as Evaluate shows beside that part's metrics.
    expect(unseenClassNote({ validation: 3, test: 0 }, 'validation')).toMatch(/^3 validation rows/);
    expect(unseenClassNote({ validation: 3, test: 0 }, 'test')).toBeNull();
  });

  test('rows with no target are said per part: not trained on, or left out of that part\'s figures', () => {
    expect(unlabelledNotes({ train: 2, validation: 0, test: 1 })).toEqual([
      '2 training rows have no target value, so they are left out of training.',
      '1 test row has no target value, so it is left out of the test figures.',
    ]);
    expect(unlabelledNotes({ train: 0, validation: 0, test: 0 })).toEqual([]);
  });
});
