/**
 * Restoring a saved version of the recipe (the History panel): saved as the newest version, one
 * undo step, settings as stored (a shuffled split stays shuffled), and refused, with nothing
 * stored, when one of its steps cannot apply to the data as it is now.
 * The prepare worker's report is the real one, computed here over a small table.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { PrepareState } from '../../../src/prepare/prepare.svelte';
import { defaultRecipe, normalizeRecipe, type Recipe } from '../../../src/prepare/recipe';
import { recipeVersions } from '../../../src/prepare/recipe-history';
import { createProject } from '../../../src/storage/projects';
import { getRecipe, saveRecipe } from '../../../src/storage/recipes';
import type { LooplabDB } from '../../../src/storage/schema';
import { datasetRow } from '../../helpers/rows';
import { freshDatabase } from '../../helpers/fresh-db';

// The worker is not there in Node: its report is computed here, on a small table.
vi.mock('../../../src/workers/prepare-client', async () => (await import('../../helpers/prepare-worker-stub')).reportingPrepareClient((await import('./tables')).smallTable()));

let db: LooplabDB;
beforeEach(async () => {
  db = await freshDatabase();
});
afterEach(() => db.close());

const step = (id: string, kind: string, params: unknown) => ({ id, kind, enabled: true, params });
const read = (raw: unknown) => normalizeRecipe(raw, 1, true);

/** A project whose recipe was saved as `versions` in turn, and its Prepare page showing the last; its versions as the page's watch lists them. */
async function opened(...versions: Recipe[]): Promise<{ state: PrepareState; projectId: string }> {
  const project = await createProject(db, 'P', {});
  const dataset = datasetRow({ id: 'd1', projectId: project.id, rowCount: 10 });
  await db.datasets.put(dataset);
  for (const [i, recipe] of versions.entries()) await saveRecipe(db, project.id, 'd1', recipe, i);
  const state = new PrepareState(project.id, { target: 'y', taskType: 'binary' }, 1, db);
  state.dataset = dataset;
  state.recipe = read(versions.at(-1));
  state.version = versions.length;
  await relist(state, project.id);
  await state.refresh();
  return { state, projectId: project.id };
}

/** What the page's watch on the recipe row does after a save (effects do not run in these tests). */
async function relist(state: PrepareState, projectId: string): Promise<void> {
  state.versions = recipeVersions(await getRecipe(db, projectId), read);
}

const base = defaultRecipe(1, true);
const scaled: Recipe = { ...base, steps: [step('s', 'scale', { columns: ['a'], method: 'standard' })] };
const scaledBoth: Recipe = { ...base, steps: [step('s', 'scale', { columns: ['a', 'b'], method: 'minmax' })] };

describe('restoring a version', () => {
  test('it becomes the recipe, saved as the newest version; undo and redo move across it', async () => {
    const { state, projectId } = await opened(scaled, scaledBoth);
    expect(await state.restoreVersion(1)).toBe(true);
    expect(state.recipe).toEqual(read(scaled));
    expect(state.version).toBe(3);
    const row = (await getRecipe(db, projectId))!;
    expect(read(row.recipe)).toEqual(read(scaled));
    expect(row.history.map((h) => h.version)).toEqual([1, 2]);
    await relist(state, projectId);
    expect(state.versions.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(state.versions[0]!.changes).toEqual(['The same as version 1.', 'Changed step 1 (Scale numbers): now Scale "a" (standard).']);

    expect(state.canUndo).toBe(true);
    await state.undo();
    expect(state.recipe).toEqual(read(scaledBoth));
    await state.redo();
    expect(state.recipe).toEqual(read(scaled));
  });

  test('a split dealt by shuffle, as recipes stored before keyed dealing were, is restored as stored', async () => {
    const old: Recipe = { ...base, split: { ...base.split, seed: 4, dealing: 'shuffled' } };
    const { state } = await opened(old, { ...base, split: { ...base.split, seed: 9 } });
    expect(await state.restoreVersion(1)).toBe(true);
    expect(state.recipe!.split).toEqual({ ...base.split, seed: 4, dealing: 'shuffled' });
  });

  test('one with a step that cannot apply now is refused, naming the version and the step; nothing is stored', async () => {
    const gone: Recipe = { ...base, steps: [step('g', 'scale', { columns: ['gone'], method: 'standard' })] };
    const { state, projectId } = await opened(gone, scaled);
    expect(await state.restoreVersion(1)).toBe(false);
    expect(state.refused?.where).toBe('history');
    expect(state.refused?.problem).toMatch(/^Version 1 cannot be restored\. Step 1: .*gone/);
    expect(state.recipe).toEqual(read(scaled));
    expect((await getRecipe(db, projectId))!.version).toBe(2);
    expect(state.canUndo).toBe(false);
  });

  test('a refused restore leaves the step previewed previewed, though the version lacks it', async () => {
    const gone: Recipe = { ...base, steps: [step('g', 'scale', { columns: ['gone'], method: 'standard' })] };
    const { state } = await opened(gone, scaled);
    state.previewStepId = 's';
    expect(await state.restoreVersion(1)).toBe(false);
    expect(state.previewStepId).toBe('s');
  });

  test('a version no longer stored is refused with the reason', async () => {
    const { state } = await opened(scaled, scaledBoth);
    expect(await state.restoreVersion(99)).toBe(false);
    expect(state.refused).toEqual({ where: 'history', problem: 'Version 99 is no longer stored (only the last 100 versions are).' });
    expect(state.recipe).toEqual(read(scaledBoth));
  });

  test('the version shown is restored as nothing: no version saved, no undo step', async () => {
    const { state, projectId } = await opened(scaled, scaledBoth);
    expect(await state.restoreVersion(2)).toBe(true);
    expect((await getRecipe(db, projectId))!.version).toBe(2);
    expect(state.canUndo).toBe(false);
  });
});
