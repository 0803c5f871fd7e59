import { describe, expect, test } from 'vitest';
import { defaultRecipe } from '../../../src/prepare/recipe';
import { notHeldNote, relabelled, relabelledRecipe } from '../../../src/evaluate/relabel';
import { madeOn } from '../../../src/prepare/steps/edit-cells';
import { rowRunsFor } from '../../../src/shared/row-runs';

const editsOf = (recipe: ReturnType<typeof relabelledRecipe>) => (recipe.steps[0]!.params as { edits: unknown[] }).edits;

describe('relabelledRecipe', () => {
  test('before Prepare was ever edited, the recipe made keeps the project’s seed, so the split stays the one training used', () => {
    const recipe = relabelledRecipe(undefined, 42, true, { row: 3, column: 'species', value: 'setosa' });
    expect(recipe.split).toEqual(defaultRecipe(42, true).split);
    expect(recipe.split.seed).toBe(42);
    expect(recipe.augment.seed).toBe(42);
    expect(recipe.steps).toHaveLength(1);
    expect(recipe.steps[0]).toMatchObject({ kind: 'edit-cells', enabled: true });
    expect(editsOf(recipe)).toEqual([{ row: 3, column: 'species', value: 'setosa' }]);
  });

  test('a stored recipe keeps its own split and steps; the same cell relabelled again has one edit, the last', () => {
    const stored = { ...defaultRecipe(7, false), steps: [{ id: 's', kind: 'drop-columns', enabled: true, params: { columns: ['x'] } }] };
    const once = relabelledRecipe(stored, 42, false, { row: 1, column: 'y', value: '2' });
    expect(once.split.seed).toBe(7);
    expect(once.steps.map((s) => s.kind)).toEqual(['edit-cells', 'drop-columns']);
    const twice = relabelledRecipe(JSON.parse(JSON.stringify(once)), 42, false, { row: 1, column: 'y', value: '3' });
    expect(twice.steps).toHaveLength(2);
    expect(editsOf(twice)).toEqual([{ row: 1, column: 'y', value: '3' }]);
  });
});

describe('relabelling into an edit step that is switched off', () => {
  test('switches it back on, so the edit applies, and says so', () => {
    const stored = { ...defaultRecipe(7, true), steps: [{ id: 'e', kind: 'edit-cells', enabled: false, params: { edits: [{ row: 0, column: 'y', value: 'a' }], bulk: [] } }] };
    const { recipe, notice } = relabelled(stored, 42, true, { row: 1, column: 'y', value: 'b' });
    expect(recipe.steps[0]!.enabled).toBe(true);
    expect(editsOf(recipe)).toEqual([{ row: 0, column: 'y', value: 'a' }, { row: 1, column: 'y', value: 'b' }]);
    expect(notice).toMatch(/was off: it is on again/);
    expect(relabelled(recipe, 42, true, { row: 2, column: 'y', value: 'b' }).notice).toBeNull();
    expect(relabelledRecipe(stored, 42, true, { row: 1, column: 'y', value: 'b' }).steps[0]!.enabled).toBe(true);
  });

  test('an edit after an earlier relabel of the same cell’s class keeps both, in order', () => {
    const stored = { ...defaultRecipe(7, true), steps: [{ id: 'e', kind: 'edit-cells', enabled: true, params: { edits: [{ row: 1, column: 'y', value: 'a' }, { where: { column: 'y', op: '==', value: 'a' }, column: 'z', value: 'q' }], bulk: [] } }] };
    expect(editsOf(relabelledRecipe(stored, 42, true, { row: 1, column: 'y', value: 'b' }))).toHaveLength(3);
  });
});

describe('a relabel keeps to the run’s dataset’s row', () => {
  const trainedOn = { id: 'p', name: 'penguins', rowCount: 10, rowRuns: rowRunsFor('import', 10, null) };
  const edit = { row: 3, column: 'species', value: 'Gentoo', ...madeOn(trainedOn, 3) };

  test('the edit stored names the row’s key', () => {
    expect(editsOf(relabelledRecipe(undefined, 1, true, edit))).toEqual([{ row: 3, column: 'species', value: 'Gentoo', rowKey: trainedOn.rowRuns[0]!.key }]);
  });

  test('said when the project’s chosen dataset does not hold the row, so the edit is left out in Prepare until the run’s dataset is chosen again', () => {
    const iris = { id: 'i', name: 'iris', rowCount: 150, rowRuns: rowRunsFor('import', 150, null) };
    expect(notHeldNote(edit, trainedOn, iris)).toBe("The project's chosen dataset is now “iris”, which does not hold this row: the edit applies once “penguins” is chosen again on the Data page.");
    expect(notHeldNote(edit, trainedOn, trainedOn)).toBeNull();
    expect(notHeldNote(edit, trainedOn, { id: 'r', name: 'penguins (retyped)', rowCount: 10, rowRuns: rowRunsFor('retype', 10, trainedOn) })).toBeNull();
  });
});
