import { describe, expect, test } from 'vitest';
import { defaultRecipe, type Recipe } from '../../../src/prepare/recipe';
import { RECIPE_HISTORY } from '../../../src/storage/recipes';
import type { RecipeRow } from '../../../src/storage/rows';
import { recipeOfRun } from '../../../src/workers/in-worker/run-recipe';

const scaled = (seed: number): Recipe => ({ ...defaultRecipe(seed, true), steps: [{ id: 's', kind: 'scale', enabled: true, params: { columns: ['x'], method: 'standard' } }] });
/** A recipe row at version 5, its history holding versions 3 and 4. */
const row = (): RecipeRow => ({
  id: 'p',
  projectId: 'p',
  datasetId: 'd',
  version: 5,
  updatedAt: 5,
  recipe: { ...scaled(9), split: { ...scaled(9).split, seed: 5 } },
  history: [3, 4].map((version) => ({ version, savedAt: version, recipe: { ...scaled(9), split: { ...scaled(9).split, seed: version } } })),
});

describe('the recipe a stored run was trained with', () => {
  test('a run that keeps its recipe gets it back, whatever the recipe row holds now', () => {
    const own = { ...scaled(9), split: { ...scaled(9).split, seed: 77 } };
    expect(recipeOfRun({ recipe: own, recipeVersion: 1, task: 'classification' }, row(), 9)).toEqual({ recipe: own, note: null });
  });

  test('an older run is found by its version, in the history or as the current one', () => {
    expect(recipeOfRun({ recipeVersion: 4, task: 'classification' }, row(), 9).recipe.split.seed).toBe(4);
    expect(recipeOfRun({ recipeVersion: 5, task: 'classification' }, row(), 9).recipe.split.seed).toBe(5);
  });

  test('a run trained before the recipe was first saved gets the default recipe, as stratified splits were then dealt (shuffled), not the current one', () => {
    const found = recipeOfRun({ recipeVersion: 0, task: 'classification' }, row(), 9);
    expect(found).toEqual({ recipe: { ...defaultRecipe(9, true), split: { ...defaultRecipe(9, true).split, dealing: 'shuffled' } }, note: null });
  });

  test('a version no longer kept falls back to the current recipe, and says so and why', () => {
    const found = recipeOfRun({ recipeVersion: 2, task: 'classification' }, row(), 9);
    expect(found.recipe.split.seed).toBe(5);
    expect(found.note).toBe(`The recipe version this run was trained with (2) is no longer kept (only the last ${RECIPE_HISTORY} versions are), so the current one (5) was used: its split and labels may differ from the run's.`);
  });
});
