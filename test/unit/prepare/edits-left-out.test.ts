/** The Labels panel's marks and note for edits left out on the dataset in use. */
import { expect, test } from 'vitest';
import { leftOutWords } from '../../../src/prepare/edits-left-out';
import { madeOn, withChange } from '../../../src/prepare/steps/edit-cells';
import { formatTimestamp } from '../../../src/shared/format';
import { rowRunsFor } from '../../../src/shared/row-runs';

const columns = [{ name: 'species' }, { name: 'x' }];
const dataset = (id: string, name: string, createdAt: number) => ({ id, name, createdAt, rowCount: 5, rowRuns: rowRunsFor('import', 5, null), columns });
const penguins = dataset('p', 'Palmer penguins', 1);
const iris = dataset('i', 'Iris flowers', 2);
const edit = (on: typeof penguins, row: number) => ({ row, column: 'species', value: 'Gentoo', ...madeOn(on, row) });

test('each edit left out is marked with the dataset whose row it edits, or the column it names; the note says what can be done', () => {
  const relabel = { where: { column: 'region', op: '==' as const, value: 'North' }, column: 'species', value: 'Gentoo' };
  const params = [edit(penguins, 2), edit(iris, 1), edit(penguins, 3), relabel].reduce<unknown>((p, c) => withChange(p, c), undefined);
  const { marks, count, note } = leftOutWords(params, iris, [penguins, iris]);
  expect(count).toBe(3);
  expect(marks).toEqual(['(a row of “Palmer penguins”: left out here)', null, '(a row of “Palmer penguins”: left out here)', '(“region” is not a column of this dataset: left out here)']);
  expect(note).toBe(
    '2 cell edits name rows of another dataset of this project: left out here, they apply again while that dataset is in use (choose it on the Data page). 1 edit names a column this dataset does not have: left out here.',
  );
  expect(leftOutWords(withChange(undefined, edit(iris, 1)), iris, [iris])).toEqual({ marks: [null], count: 0, note: null });
});

test('a row of a dataset since deleted can only be removed; a dataset sharing its name with another (a sample imported twice) is named with when it was made', () => {
  const params = withChange(undefined, edit(penguins, 2));
  expect(leftOutWords(params, iris, [iris])).toEqual({
    marks: ['(a row of a dataset since deleted: left out)'],
    count: 1,
    note: '1 cell edit names a row of a dataset since deleted: no dataset holds it any more, so it can be removed.',
  });
  const again = dataset('p2', 'Palmer penguins', 3);
  expect(leftOutWords(params, again, [penguins, again]).marks).toEqual([`(a row of “Palmer penguins” made ${formatTimestamp(1)}: left out here)`]);
});
