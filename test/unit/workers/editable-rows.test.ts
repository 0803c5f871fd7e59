/** The Labels table's rows: the edit steps applied to a page of rows, the edits of other rows left out, and an edit that cannot apply shown as such. */
import { expect, test } from 'vitest';
import { defaultRecipe, type Recipe } from '../../../src/prepare/recipe';
import { madeOn } from '../../../src/prepare/steps/edit-cells';
import { rowRunsFor } from '../../../src/shared/row-runs';
import { editableRows } from '../../../src/workers/in-worker/editable-rows';
import { col, table } from '../prepare/tables';

const data = () => table(col('species', 'categorical', ['a', 'a', 'b', 'b']), col('x', 'numeric', ['1', '2', '3', '4']));
const mine = { id: 'm', rowCount: 4, rowRuns: rowRunsFor('import', 4, null) };
const other = { id: 'o', rowCount: 4, rowRuns: rowRunsFor('import', 4, null) };
const withEdits = (edits: unknown[]): Recipe => ({ ...defaultRecipe(1, true), steps: [{ id: 'e', kind: 'edit-cells', enabled: true, params: { edits, bulk: [] } }] });
const context = { decimalComma: false, rowRuns: mine.rowRuns };

test('a page of rows as edited; an edit of another dataset’s row is left out', () => {
  const recipe = withEdits([{ row: 1, column: 'species', value: 'c', ...madeOn(mine, 1) }, { row: 2, column: 'species', value: 'z', ...madeOn(other, 2) }]);
  const page = editableRows(data(), recipe, 1, 2, context);
  expect(page).toEqual({
    rowCount: 4,
    columns: [{ name: 'species', kind: 'categorical' }, { name: 'x', kind: 'numeric' }],
    rows: [{ row: 1, cells: ['c', '2'] }, { row: 2, cells: ['b', '3'] }],
  });
});

test('an edit the column cannot hold shows the rows as imported, with why', () => {
  const page = editableRows(data(), withEdits([{ row: 0, column: 'x', value: 'abc' }]), 0, 1, context);
  expect(page.rows).toEqual([{ row: 0, cells: ['a', '1'] }]);
  expect(page.problem).toBe('The edit of row 1: Column "x" holds numbers: "abc" is not one.');
});
