import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { PrepareState } from '../../../src/prepare/prepare.svelte';
import { defaultRecipe, type Recipe } from '../../../src/prepare/recipe';
import { createProject } from '../../../src/storage/projects';
import { getRecipe, saveRecipe } from '../../../src/storage/recipes';
import { LooplabDB } from '../../../src/storage/schema';
import { callPrepareWorker } from '../../../src/workers/prepare-client';
import type { PrepareReport } from '../../../src/workers/prepare-protocol';
import { datasetRow } from '../../helpers/rows';
import { freshName } from '../../storage/legacy';

// The worker is not there in Node: every recipe it is asked about fits.
vi.mock('../../../src/workers/prepare-client', () => ({
  callPrepareWorker: vi.fn(async (): Promise<PrepareReport> => ({ split: { ok: true, parts: [] }, steps: [], preview: null, columns: [], augment: null, copies: null, seconds: 0 })),
  cancelPrepareWorker: vi.fn(),
}));

let db: LooplabDB;
beforeEach(async () => {
  db = new LooplabDB(freshName());
  await db.open();
});
afterEach(() => db.close());

/**
 * A project whose stored recipe uses SMOTE with 3 neighbours, and its state as loaded. Tests run
 * Svelte's server build, where effects do not run, so the state is given what its loading finds.
 */
async function loadedState(): Promise<{ state: PrepareState; projectId: string; stored: Recipe }> {
  const project = await createProject(db, 'P', {});
  const dataset = datasetRow({ id: 'd1', projectId: project.id });
  await db.datasets.put(dataset);
  const base = defaultRecipe(1, true);
  const stored: Recipe = { ...base, augment: { ...base.augment, method: 'smote', k: 3 } };
  await saveRecipe(db, project.id, 'd1', stored);
  const state = new PrepareState(project.id, { target: 'y', taskType: 'multiclass' }, 1, db);
  state.dataset = dataset;
  state.recipe = stored;
  return { state, projectId: project.id, stored };
}

describe('the Prepare state checks augmentation settings before it tries or stores them', () => {
  test('SMOTE with Neighbours cleared is refused with the field named; the recipe stays as it was', async () => {
    const { state, projectId, stored } = await loadedState();
    const asked = vi.mocked(callPrepareWorker).mock.calls.length;
    const accepted = await state.change('augment', (r) => void (r.augment = { ...r.augment, k: null as unknown as number }));
    expect(accepted).toBe(false);
    expect(state.refused).toEqual({ where: 'augment', problem: 'Neighbours: enter a whole number from 1 to 50.' });
    expect(state.recipe).toEqual(stored);
    expect(state.canUndo).toBe(false);
    expect(vi.mocked(callPrepareWorker).mock.calls.length).toBe(asked);
    expect((await getRecipe(db, projectId))!.version).toBe(1);
  });

  test('mixup with Alpha and Rows to add cleared names both fields', async () => {
    const { state, stored } = await loadedState();
    const accepted = await state.change('augment', (r) => void (r.augment = { ...r.augment, method: 'mixup', alpha: null, count: null } as unknown as Recipe['augment']));
    expect(accepted).toBe(false);
    expect(state.refused?.problem).toBe('Rows to add: enter a whole number from 0 to 1,000,000. Alpha: enter a number above 0, up to 10.');
    expect(state.recipe).toEqual(stored);
  });

  test('a valid change is stored as checked: a cleared setting the method does not read keeps its value', async () => {
    const { state, projectId, stored } = await loadedState();
    const accepted = await state.change('augment', (r) => void (r.augment = { ...r.augment, k: 7, alpha: null as unknown as number }));
    expect(accepted).toBe(true);
    expect(state.refused).toBeNull();
    const expected = { ...stored, augment: { ...stored.augment, k: 7 } };
    expect(state.recipe).toEqual(expected);
    await vi.waitFor(async () => expect((await getRecipe(db, projectId))!.recipe).toEqual(expected));
  });

  test('a cleared split seed is refused, not read as 0', async () => {
    const { state, stored } = await loadedState();
    expect(await state.change('split', (r) => void (r.split.seed = Number.NaN))).toBe(false);
    expect(state.refused).toEqual({ where: 'split', problem: 'Seed: enter a whole number, 0 or more.' });
    expect(state.recipe).toEqual(stored);
  });
});
