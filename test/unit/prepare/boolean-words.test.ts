/** A yes/no column as its file wrote it, through Prepare: conditions, fills, typed edits and the class order. */
import { describe, expect, test } from 'vitest';
import { matchRows } from '../../../src/prepare/condition';
import { applyPipeline, fitPipeline } from '../../../src/prepare/pipeline';
import { withChange } from '../../../src/prepare/steps/edit-cells';
import { sortedClasses } from '../../../src/train/training-data';
import { cells, col, frameOf } from './tables';

const paid = () => frameOf(col('paid', 'boolean', ['Yes', 'No', 'Yes', '']), col('x', 'numeric', ['1', '2', '3', '4']));

describe('a yes/no column written Yes/No', () => {
  test('a condition compares by value: "== Yes", "== true" and "== 1" match the same rows; another word or an order is refused, in its words', () => {
    for (const value of ['Yes', 'yes', 'true', '1']) expect(Array.from(matchRows(paid(), { column: 'paid', op: '==', value }))).toEqual([1, 0, 1, 0]);
    expect(Array.from(matchRows(paid(), { column: 'paid', op: '!=', value: 'No' }))).toEqual([1, 0, 1, 0]);
    expect(() => matchRows(paid(), { column: 'paid', op: '==', value: 'maybe' })).toThrow('Column "paid" is yes/no: compare it with Yes or No (or true or false, 1 or 0), not "maybe".');
    expect(() => matchRows(paid(), { column: 'paid', op: '<', value: 'Yes' })).toThrow('Column "paid" is yes/no: use == or !=, not <.');
  });

  test('the table, a fill and an edit keep its words', () => {
    const fill = { id: 'f', kind: 'impute' as const, enabled: true, params: { columns: ['paid'], strategy: 'most-frequent' } };
    const fit = fitPipeline([fill], paid());
    if (!fit.ok) throw new Error(fit.problem);
    expect(cells(fit.train, 'paid')).toEqual(['Yes', 'No', 'Yes', 'Yes']);
    const edit = { id: 'e', kind: 'edit-cells' as const, enabled: true, params: withChange(undefined, { row: 1, column: 'paid', value: 'yes' }) };
    const edited = fitPipeline([edit], paid());
    if (!edited.ok) throw new Error(edited.problem);
    expect(cells(edited.train, 'paid')).toEqual(['Yes', 'Yes', 'Yes', '']);
    const refused = fitPipeline([{ ...edit, params: withChange(undefined, { row: 1, column: 'paid', value: 'maybe' }) }], paid());
    expect(refused.ok ? null : refused.problem).toBe('The edit of row 2: Column "paid" is yes/no: write Yes or No (or true or false, 1 or 0), not "maybe". To give it other values, change its type to Categorical on the Data page.');
  });

  test('the classes are false first, however spelled: true is the positive class', () => {
    const target = col('t', 'boolean', ['yes', 'NO']);
    expect(target.words).toEqual(['NO', 'yes']);
    // As strings, 'NO' sorts first anyway; 'No' against 'yes' too; 'no' against 'Yes' would not.
    expect(sortedClasses(['Yes', 'no'], col('t', 'boolean', ['Yes', 'no']))).toEqual(['no', 'Yes']);
    expect(sortedClasses(['true', 'false'], col('t', 'boolean', ['true', 'false']))).toEqual(['false', 'true']);
  });

  test('an encoding learned from Yes and No reads another file’s true and false as the same values', () => {
    const onehot = { id: 'o', kind: 'one-hot' as const, enabled: true, params: { column: 'paid', maxCategories: 20 } };
    const fit = fitPipeline([onehot], paid());
    if (!fit.ok) throw new Error(fit.problem);
    expect(cells(fit.train, 'paid=Yes')).toEqual(['true', 'false', 'true', '']);
    const other = applyPipeline(fit.fitted, frameOf(col('paid', 'boolean', ['false', 'true']), col('x', 'numeric', ['1', '2'])));
    expect(cells(other, 'paid=Yes')).toEqual(['false', 'true']);
    expect(cells(other, 'paid=No')).toEqual(['true', 'false']);
  });
});
