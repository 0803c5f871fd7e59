import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { defaultRecipe, normalizeRecipe } from '../../src/prepare/recipe';
import { createProject, duplicateProject } from '../../src/storage/projects';
import { getRecipe, RECIPE_HISTORY, RecipeChangedElsewhere, saveRecipe } from '../../src/storage/recipes';
import { LooplabDB } from '../../src/storage/schema';
import { freshName } from './legacy';

let db: LooplabDB;
beforeEach(async () => {
  db = new LooplabDB(freshName());
  await db.open();
});
afterEach(() => db.close());

describe('recipes', () => {
  test('every save is a new version; the previous one moves into the history', async () => {
    const project = await createProject(db, 'P', {});
    expect(await getRecipe(db, project.id)).toBeUndefined();
    const first = await saveRecipe(db, project.id, 'd1', { steps: [1] }, 0, 1000);
    expect(first).toMatchObject({ version: 1, history: [], datasetId: 'd1' });
    const second = await saveRecipe(db, project.id, 'd1', { steps: [1, 2] }, 1, 2000);
    expect(second.id).toBe(first.id);
    expect(second).toMatchObject({ version: 2, recipe: { steps: [1, 2] }, history: [{ version: 1, savedAt: 1000, recipe: { steps: [1] } }] });
    expect((await getRecipe(db, project.id))!.version).toBe(2);
  });

  test(`the history keeps the last ${RECIPE_HISTORY} versions`, async () => {
    const project = await createProject(db, 'P', {});
    for (let i = 0; i < RECIPE_HISTORY + 5; i++) await saveRecipe(db, project.id, null, { i }, i);
    const row = (await getRecipe(db, project.id))!;
    expect(row.version).toBe(RECIPE_HISTORY + 5);
    expect(row.history).toHaveLength(RECIPE_HISTORY);
    expect(row.history[0]!.version).toBe(5);
  });

  test('a save based on a version that is no longer the current one (another tab saved since) is refused, and nothing changes', async () => {
    const project = await createProject(db, 'P', {});
    await saveRecipe(db, project.id, null, { steps: ['impute'] }, 0);
    // Both tabs read version 1; tab B adds a step first.
    await saveRecipe(db, project.id, null, { steps: ['impute', 'scale'] }, 1);
    const tabA = saveRecipe(db, project.id, null, { steps: ['impute', 'one-hot'] }, 1);
    await expect(tabA).rejects.toThrow(RecipeChangedElsewhere);
    await expect(tabA).rejects.toThrow('The recipe was changed in another tab');
    const stored = (await getRecipe(db, project.id))!;
    expect(stored).toMatchObject({ version: 2, recipe: { steps: ['impute', 'scale'] } });
    expect(stored.history.map((h) => h.version)).toEqual([1]);
    // A first save is refused too when another tab created the recipe meanwhile.
    await expect(saveRecipe(db, project.id, null, { steps: [] }, 0)).rejects.toThrow(RecipeChangedElsewhere);
    // Based on the current version, it saves.
    expect((await saveRecipe(db, project.id, null, { steps: ['impute', 'scale', 'one-hot'] }, 2)).version).toBe(3);
  });

  test('a duplicated project gets its own copy of the recipe', async () => {
    const project = await createProject(db, 'P', {});
    await saveRecipe(db, project.id, null, { steps: ['a'] }, 0);
    const copy = await duplicateProject(db, project.id);
    const copied = (await getRecipe(db, copy.id))!;
    expect(copied.recipe).toEqual({ steps: ['a'] });
    expect(copied.id).not.toBe((await getRecipe(db, project.id))!.id);
  });
});

describe('normalizeRecipe', () => {
  test('keeps readable steps and settings, drops unreadable steps, defaults the rest', () => {
    const raw = {
      steps: [{ id: 'a', kind: 'scale', enabled: false, params: { columns: ['x'], method: 'standard' } }, { kind: 'no id' }, 42],
      split: { strategy: 'grouped', fractions: [0.8, 0.1, 0.1], seed: 9, groupColumn: 'patient', orderColumn: null },
      augment: 'nonsense',
    };
    const recipe = normalizeRecipe(raw, 3, true);
    expect(recipe.steps).toEqual([raw.steps[0]]);
    // Stored before a stratified split was cut by row keys: read back as shuffled, as it was dealt.
    expect(recipe.split).toEqual({ ...raw.split, dealing: 'shuffled' });
    expect(recipe.augment).toEqual(defaultRecipe(3, true).augment);
    expect(normalizeRecipe(null, 3, false).split.strategy).toBe('random');
    expect(normalizeRecipe(undefined, 3, true).split).toMatchObject({ strategy: 'stratified', fractions: [0.7, 0.15, 0.15], seed: 3, dealing: 'keyed' });
  });
});
