/**
 * A change that makes a step unable to apply is refused, even when another step already cannot
 * apply (a stored recipe whose data changed, say): the pipeline may be broken at one step, and a
 * change must not break it at another. Changes to the broken step itself, its removal, and a fix
 * that reveals a later step's problem are accepted.
 * The prepare worker's report is the real one, computed here over a small table.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { PrepareState } from '../../../src/prepare/prepare.svelte';
import { defaultRecipe, type Recipe } from '../../../src/prepare/recipe';
import { createProject } from '../../../src/storage/projects';
import { saveRecipe } from '../../../src/storage/recipes';
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
/** Step 3 scales a column the data does not have: the stored recipe is broken there. */
const brokenRecipe = (): Recipe => ({
  ...defaultRecipe(1, false),
  steps: [step('rename', 'rename', { column: 'a', to: 'c' }), step('scale', 'scale', { columns: ['b'], method: 'standard' }), step('gone', 'scale', { columns: ['missing'], method: 'standard' })],
});

async function opened(recipe: Recipe): Promise<PrepareState> {
  const project = await createProject(db, 'P', {});
  const dataset = datasetRow({ id: 'd1', projectId: project.id, rowCount: 10 });
  await db.datasets.put(dataset);
  await saveRecipe(db, project.id, 'd1', recipe, 0);
  const state = new PrepareState(project.id, { target: 'y', taskType: 'binary' }, 1, db);
  state.dataset = dataset;
  state.recipe = recipe;
  state.version = 1;
  await state.refresh();
  return state;
}

const states = (state: PrepareState) => state.report!.steps.map((s) => s.state);

describe('a change while a step already cannot apply', () => {
  test('one that breaks an earlier step that fitted is refused, naming it; the recipe stays as it was', async () => {
    const stored = brokenRecipe();
    const state = await opened(stored);
    expect(states(state)).toEqual(['fitted', 'fitted', 'problem']);
    const accepted = await state.editStep('rename', { column: 'b', to: 'd' });
    expect(accepted).toBe(false);
    expect(state.refused?.where).toBe('edit-rename');
    expect(state.refused?.problem).toMatch(/^Step 2: .*"b"/);
    expect(state.recipe).toEqual(stored);
    expect(states(state)).toEqual(['fitted', 'fitted', 'problem']);
  });

  test('a new step that cannot apply is refused too', async () => {
    const state = await opened(brokenRecipe());
    expect(await state.change('add', (r) => void r.steps.unshift(step('new', 'scale', { columns: ['nowhere'], method: 'standard' })))).toBe(false);
    expect(state.refused?.problem).toMatch(/^Step 1: /);
  });

  test('a harmless change elsewhere is accepted, the broken step still broken', async () => {
    const state = await opened(brokenRecipe());
    expect(await state.editStep('rename', { column: 'a', to: 'e' })).toBe(true);
    expect(state.refused).toBeNull();
    expect(states(state)).toEqual(['fitted', 'fitted', 'problem']);
  });

  test('editing the broken step is accepted, even when it still cannot apply', async () => {
    const state = await opened(brokenRecipe());
    expect(await state.editStep('gone', { columns: ['also-missing'], method: 'standard' })).toBe(true);
    expect(states(state)).toEqual(['fitted', 'fitted', 'problem']);
  });

  test('removing the broken step is accepted, even when a step after it, never reached, cannot apply', async () => {
    const recipe = brokenRecipe();
    recipe.steps.push(step('later', 'scale', { columns: ['a'], method: 'standard' }));
    const state = await opened(recipe);
    expect(states(state)).toEqual(['fitted', 'fitted', 'problem', 'not-reached']);
    expect(await state.removeStep('gone')).toBe(true);
    expect(states(state)).toEqual(['fitted', 'fitted', 'problem']);
  });

  test('moving a step never reached ahead of the broken one, where it cannot apply, is refused', async () => {
    const recipe = brokenRecipe();
    recipe.steps.push(step('later', 'scale', { columns: ['a'], method: 'standard' }));
    const state = await opened(recipe);
    expect(await state.moveStep('later', -1)).toBe(false);
    expect(state.refused?.problem).toMatch(/^Step 3: .*"a"/);
    expect(state.recipe).toEqual(recipe);
  });
});
