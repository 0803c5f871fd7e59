import { describe, expect, test } from 'vitest';
import { editsOnlyOn } from '../../../src/prepare/edits-only-on';
import { editedRowKeys } from '../../../src/prepare/steps/edit-cells';

const edits = (list: unknown[]) => ({ steps: [{ id: 'e', kind: 'edit-cells', enabled: true, params: { edits: list, bulk: [] } }] });
const iris = { id: 'iris', rowCount: 150, rowRuns: [{ key: 'iris', end: 150 }] };
const penguins = { id: 'penguins', rowCount: 344, rowRuns: [{ key: 'penguins', end: 344 }] };

describe('the cell edits a dataset’s deletion would strand', () => {
  test('edits of its own rows count; another dataset’s, a relabel and an edit stored before rows were keyed do not', () => {
    const recipe = edits([
      { row: 3, column: 'species', value: 'setosa', rowKey: 'iris' },
      { row: 4, column: 'species', value: 'setosa', rowKey: 'iris' },
      { row: 3, column: 'species', value: 'Adelie', rowKey: 'penguins' },
      { column: 'species', value: 'x', where: { column: 'species', op: '==', value: 'y' } },
      { row: 9, column: 'species', value: 'setosa' },
    ]);
    expect(editsOnlyOn(recipe, iris, [iris, penguins])).toBe(2);
    expect(editsOnlyOn(recipe, penguins, [iris, penguins])).toBe(1);
  });

  test('a dataset that keeps its rows (a retype, an append) holds them still: nothing is stranded', () => {
    const recipe = edits([{ row: 3, column: 'species', value: 'setosa', rowKey: 'iris' }]);
    const retyped = { id: 'retyped', rowCount: 150, rowRuns: [{ key: 'iris', end: 150 }] };
    const appended = { id: 'appended', rowCount: 160, rowRuns: [{ key: 'iris', end: 150 }, { key: 'appended', end: 160 }] };
    expect(editsOnlyOn(recipe, iris, [iris, retyped])).toBe(0);
    expect(editsOnlyOn(recipe, iris, [iris, appended])).toBe(0);
    // Deleting the retype strands nothing either: the rows are iris's.
    expect(editsOnlyOn(recipe, retyped, [iris, retyped])).toBe(0);
    expect(editsOnlyOn(recipe, retyped, [retyped])).toBe(1);
  });

  test('a dataset stored before runs were kept is keyed by its id; no recipe, or no edit step, strands nothing', () => {
    const legacy = { id: 'old', rowCount: 10 };
    expect(editsOnlyOn(edits([{ row: 1, column: 'y', value: 'b', rowKey: 'old' }]), legacy, [legacy])).toBe(1);
    expect(editsOnlyOn(undefined, legacy, [legacy])).toBe(0);
    expect(editsOnlyOn({ steps: [{ id: 's', kind: 'drop-columns', enabled: true, params: { columns: ['y'] } }] }, legacy, [legacy])).toBe(0);
  });

  test('the keys are read from readable cell edits only, a legacy bulk list included', () => {
    expect(editedRowKeys({ bulk: [{ row: 1, column: 'y', value: 'b', rowKey: 'k1' }], edits: [{ row: 'x', column: 'y', value: 'b', rowKey: 'k2' }, { row: 2, column: 'y', value: 'c', rowKey: 'k3' }] })).toEqual(['k1', 'k3']);
    expect(editedRowKeys(null)).toEqual([]);
  });
});
