import { describe, expect, test } from 'vitest';
import { defaultRecipe } from '../../../src/prepare/recipe';
import { relabelledRecipe } from '../../../src/evaluate/relabel';

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
