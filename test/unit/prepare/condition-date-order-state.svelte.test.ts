/**
 * A condition on a date column records the order its year-last dates were imported in, as a cell
 * edit does, so a typed '05/03/2024' means what the import read: the filter step's form (added or
 * edited) and the Labels view's relabel "where".
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { columnFromStrings } from '../../../src/data/column-builder';
import { fitPipeline } from '../../../src/prepare/pipeline';
import { PrepareState } from '../../../src/prepare/prepare.svelte';
import { defaultRecipe, type Recipe } from '../../../src/prepare/recipe';
import { createProject } from '../../../src/storage/projects';
import { saveRecipe } from '../../../src/storage/recipes';
import { LooplabDB } from '../../../src/storage/schema';
import type { PrepareReport } from '../../../src/workers/prepare-protocol';
import { datasetRow } from '../../helpers/rows';
import { freshName } from '../../storage/legacy';
import { cells, col, frameOf } from './tables';

const fits = (): PrepareReport => ({ split: { ok: true, parts: [] }, steps: [], preview: null, columns: [], augment: null, copies: null, seconds: 0 });
// The worker is not there in Node: every recipe it is asked about fits.
vi.mock('../../../src/workers/prepare-client', () => ({
  callPrepareWorker: vi.fn(async () => fits()),
  cancelPrepareWorker: vi.fn(),
}));

let db: LooplabDB;
beforeEach(async () => {
  db = new LooplabDB(freshName());
  await db.open();
});
afterEach(() => db.close());

// "signup" was imported month first.
const dataset = (projectId: string) =>
  datasetRow({
    id: 'd1',
    projectId,
    rowCount: 3,
    columns: [
      { name: 'species', kind: 'categorical', missing: 0 },
      { name: 'signup', kind: 'datetime', missing: 0 },
    ],
    source: { ...datasetRow({ id: 'x', projectId }).source, dateOrders: { signup: { order: 'mdy' } } },
  });

async function opened(steps: Recipe['steps'] = []): Promise<PrepareState> {
  const project = await createProject(db, 'P', {});
  await db.datasets.put(dataset(project.id));
  const stored: Recipe = { ...defaultRecipe(1, true), steps };
  await saveRecipe(db, project.id, 'd1', stored, 0);
  const state = new PrepareState(project.id, { target: 'species', taskType: 'multiclass' }, 1, db);
  state.dataset = dataset(project.id);
  state.recipe = stored;
  state.version = 1;
  return state;
}

const filterCondition = (state: PrepareState) => (state.recipe!.steps.find((s) => s.kind === 'filter')!.params as { condition: unknown }).condition;

describe('the filter step records its date column’s import order', () => {
  test('a new filter on a month-first column stores "mdy", and the stored step keeps the rows before 3 May, not 5 March', async () => {
    const state = await opened();
    expect(await state.addStep('filter', { condition: { column: 'signup', op: '<', value: '05/03/2024' } })).toBe(true);
    expect(filterCondition(state)).toEqual({ column: 'signup', op: '<', value: '05/03/2024', dateOrder: 'mdy' });

    // The rows as the import read them: 1 March, 20 April, 10 May.
    const frame = frameOf(columnFromStrings('signup', 'datetime', ['03/01/2024', '04/20/2024', '05/10/2024'], { decimalComma: false, dateOrder: 'mdy' }), col('species', 'categorical', ['a', 'b', 'c']));
    const fit = fitPipeline(state.recipe!.steps, frame);
    if (!fit.ok) throw new Error(fit.problem);
    expect(cells(fit.train, 'species')).toEqual(['a', 'b']);
  });

  test('an edited filter records it afresh: saved again it has the order; moved to a label column it drops the old one', async () => {
    const state = await opened([{ id: 'f', kind: 'filter', enabled: true, params: { condition: { column: 'signup', op: '<', value: '05/03/2024' } } }]);
    expect(await state.editStep('f', { condition: { column: 'signup', op: '<', value: '05/03/2024' } })).toBe(true);
    expect(filterCondition(state)).toEqual({ column: 'signup', op: '<', value: '05/03/2024', dateOrder: 'mdy' });
    expect(await state.editStep('f', { condition: { column: 'species', op: '==', value: 'a', dateOrder: 'mdy' } })).toBe(true);
    expect(filterCondition(state)).toEqual({ column: 'species', op: '==', value: 'a' });
  });

  test('a date column whose order the import did not record gets none: the typed date is read on its own, as before', async () => {
    const state = await opened();
    state.dataset = { ...state.dataset!, source: { ...state.dataset!.source, dateOrders: undefined } };
    expect(await state.addStep('filter', { condition: { column: 'signup', op: '>', value: '05/03/2024' } })).toBe(true);
    expect(filterCondition(state)).toEqual({ column: 'signup', op: '>', value: '05/03/2024' });
  });
});

test('a relabel "where" on a date column records its import order too', async () => {
  const state = await opened();
  expect(await state.relabelWhere({ column: 'signup', op: '<', value: ' 05/03/2024 ' }, 'species', 'early')).toBe(true);
  const step = state.recipe!.steps.find((s) => s.kind === 'edit-cells')!;
  expect((step.params as { edits: unknown[] }).edits).toEqual([{ where: { column: 'signup', op: '<', value: '05/03/2024', dateOrder: 'mdy' }, column: 'species', value: 'early' }]);
});
