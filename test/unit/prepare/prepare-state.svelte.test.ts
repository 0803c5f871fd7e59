import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { PrepareState } from '../../../src/prepare/prepare.svelte';
import { defaultRecipe, normalizeRecipe, type Recipe } from '../../../src/prepare/recipe';
import { getRecipe } from '../../../src/storage/recipes';
import type { LooplabDB } from '../../../src/storage/schema';
import { callPrepareWorker } from '../../../src/workers/prepare-client';
import { freshDatabase } from '../../helpers/fresh-db';
import { openedPrepareTab, preparedProject } from '../../helpers/prepare-state';
import { datasetRow } from '../../helpers/rows';

// The worker is not there in Node: every recipe it is asked about fits.
vi.mock('../../../src/workers/prepare-client', async () => (await import('../../helpers/prepare-worker-stub')).fittingPrepareClient());

let db: LooplabDB;
beforeEach(async () => {
  db = await freshDatabase();
});
afterEach(() => db.close());

const dataset = (projectId: string) => datasetRow({ id: 'd1', projectId });

/** A project whose stored recipe uses SMOTE with 3 neighbours, and its state as loaded. */
async function loadedState(): Promise<{ state: PrepareState; projectId: string; stored: Recipe }> {
  const base = defaultRecipe(1, true);
  return preparedProject(db, { dataset, stored: { ...base, augment: { ...base.augment, method: 'smote', k: 3 } }, target: 'y' });
}

/** Another Prepare page (a tab) on the project, as its loading leaves it: the recipe at version 1. */
const openedTab = (projectId: string, stored: Recipe): PrepareState => openedPrepareTab(db, projectId, dataset(projectId), stored, 'y');

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
    expect(state.refused?.problem).toBe('Rows to add: enter a whole number from 0 to 1,000,000. Alpha: enter a number from 0.01 to 10.');
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

describe('two Prepare tabs on one project', () => {
  const dropX = (r: Recipe) => void r.steps.push({ id: 'drop-x', kind: 'drop-columns', enabled: true, params: { columns: ['x'] } });

  test('a change made to a version another tab has replaced is refused: the stored recipe is shown, the learner told, undo starts afresh', async () => {
    const { state: tabA, projectId, stored } = await loadedState();
    const tabB = openedTab(projectId, stored);
    expect(await tabA.change('list', dropX)).toBe(true);
    expect(tabA.version).toBe(2);

    // Tab B still shows version 1 and changes it.
    expect(await tabB.change('augment', (r) => void (r.augment = { ...r.augment, k: 7 }))).toBe(false);
    const row = (await getRecipe(db, projectId))!;
    expect(row.version).toBe(2);
    expect((row.recipe as Recipe).augment.k).toBe(3);
    expect(tabB.recipe).toEqual(normalizeRecipe(row.recipe, 1, true));
    expect(tabB.version).toBe(2);
    expect(tabB.changedElsewhere).toEqual({
      message: 'The recipe was changed in another tab: it is shown as it is now. Your last change was not applied; make it again.',
      refused: true,
    });
    expect(tabB.saveState).toBe('saved');
    expect([tabB.canUndo, tabB.canRedo]).toEqual([false, false]);
    await tabB.undo();
    expect((await getRecipe(db, projectId))!.version).toBe(2);

    // Made again, it is based on what is stored now, so both tabs' changes are in it.
    expect(await tabB.change('augment', (r) => void (r.augment = { ...r.augment, k: 7 }))).toBe(true);
    const again = (await getRecipe(db, projectId))!;
    expect(again.version).toBe(3);
    expect((again.recipe as Recipe).steps.map((st) => st.id)).toEqual(['drop-x']);
    expect((again.recipe as Recipe).augment.k).toBe(7);
    expect(tabB.changedElsewhere).toBeNull();
    expect(tabB.canUndo).toBe(true);
  });

  test('an idle tab shows another tab’s new version when it is stored, and says so', async () => {
    const { state: tabA, projectId, stored } = await loadedState();
    const tabB = openedTab(projectId, stored);
    expect(await tabB.change('augment', (r) => void (r.augment = { ...r.augment, k: 5 }))).toBe(true);
    expect(tabB.canUndo).toBe(true);
    // Tab A's watch of the recipe row sees version 2 (the watch is an effect: called here by hand).
    await tabA.sync();
    expect(tabA.version).toBe(2);
    expect(tabA.recipe?.augment.k).toBe(5);
    expect(tabA.changedElsewhere).toEqual({ message: 'The recipe was changed in another tab: it is shown as it is now.', refused: false });
    // Its own save is not taken for another tab's.
    await tabB.sync();
    expect(tabB.changedElsewhere).toBeNull();
    expect(tabB.canUndo).toBe(true);
  });

  test('an edit to a step another tab removed (shown since) is refused with the reason, not thrown', async () => {
    const { state: tabA, projectId, stored } = await loadedState();
    expect(await tabA.change('list', dropX)).toBe(true);
    const tabB = openedTab(projectId, stored);
    await tabB.sync();
    expect(await tabA.removeStep('drop-x')).toBe(true);
    await tabB.sync();
    expect(tabB.recipe?.steps).toEqual([]);
    // Tab B's form for the step was still open, and is applied.
    expect(await tabB.editStep('drop-x', { columns: ['y'] })).toBe(false);
    expect(tabB.refused).toEqual({ where: 'edit-drop-x', problem: 'This step is no longer in the recipe: it was removed in another tab.' });
    expect((await getRecipe(db, projectId))!.version).toBe(3);
  });

  test('two saves one right after the other in one tab are each based on the one before', async () => {
    const { state, projectId } = await loadedState();
    const first = state.change('augment', (r) => void (r.augment = { ...r.augment, k: 4 }));
    const second = state.change('list', dropX);
    expect(await Promise.all([first, second])).toEqual([true, true]);
    const row = (await getRecipe(db, projectId))!;
    expect(row.version).toBe(3);
    expect(state.changedElsewhere).toBeNull();
  });
});

describe('a change that changes nothing', () => {
  const dropX = (r: Recipe) => void r.steps.push({ id: 'drop-x', kind: 'drop-columns', enabled: true, params: { columns: ['x'] } });

  test('saving a step form unchanged stores no version, asks no worker and adds no undo step', async () => {
    const { state, projectId } = await loadedState();
    expect(await state.change('list', dropX)).toBe(true);
    await vi.waitFor(async () => expect((await getRecipe(db, projectId))!.version).toBe(2));
    state.refused = { where: 'edit-drop-x', problem: 'an earlier refusal' };
    const before = state.recipe;
    const asked = vi.mocked(callPrepareWorker).mock.calls.length;
    expect(await state.editStep('drop-x', { columns: ['x'] })).toBe(true);
    expect(state.recipe).toBe(before);
    expect(state.refused).toBeNull();
    expect(vi.mocked(callPrepareWorker).mock.calls.length).toBe(asked);
    expect((await getRecipe(db, projectId))!.version).toBe(2);
    expect(state.version).toBe(2);
    // The one undo step is the drop's: undoing it gives the recipe without the step.
    await state.undo();
    expect(state.recipe?.steps).toEqual([]);
    expect(state.canUndo).toBe(false);
  });
});

describe('changes asked for together are one undo step', () => {
  const strategy = (s: Recipe['split']['strategy']) => (r: Recipe) => void (r.split.strategy = s);

  test('strategies passed over with the arrow keys are undone at once; another change between them, or an undo, starts a new step', async () => {
    const { state, stored } = await loadedState();
    // Arrow keys through the radios: each strategy applies, and all of them are one undo step;
    // those passed over while a later one waits are not fitted at all.
    const asked = vi.mocked(callPrepareWorker).mock.calls.length;
    await Promise.all(['random', 'grouped', 'ordered'].map((s) => state.change('split', strategy(s as Recipe['split']['strategy']), undefined, 'split-strategy')));
    expect(state.recipe!.split.strategy).toBe('ordered');
    expect(vi.mocked(callPrepareWorker).mock.calls.length - asked).toBe(1);
    await state.undo();
    expect(state.recipe!.split.strategy).toBe(stored.split.strategy);
    expect(state.canUndo).toBe(false);
    // Walked there and back: nothing to undo.
    await Promise.all(['random', stored.split.strategy].map((s) => state.change('split', strategy(s as Recipe['split']['strategy']), undefined, 'split-strategy')));
    expect(state.recipe!.split.strategy).toBe(stored.split.strategy);
    expect(state.canUndo).toBe(false);
    // A seed between two strategy changes keeps them apart.
    await state.change('split', strategy('random'), undefined, 'split-strategy');
    await state.change('split', (r) => void (r.split.seed = 9));
    await state.change('split', strategy('grouped'), undefined, 'split-strategy');
    await state.undo();
    expect(state.recipe!.split).toMatchObject({ strategy: 'random', seed: 9 });
    await state.undo();
    expect(state.recipe!.split).toMatchObject({ strategy: 'random', seed: stored.split.seed });
    // After an undo, the next strategy is a step of its own.
    await state.change('split', strategy('ordered'), undefined, 'split-strategy');
    await state.undo();
    expect(state.recipe!.split.strategy).toBe('random');
  });
});
