/**
 * A condition on a date column records the order its year-last dates were imported in, as a cell
 * edit does, so a typed '05/03/2024' means what the import read: the filter step's form (added or
 * edited) and the Labels view's relabel "where".
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { columnFromStrings } from '../../../src/data/column-builder';
import { fitPipeline } from '../../../src/prepare/pipeline';
import type { PrepareState } from '../../../src/prepare/prepare.svelte';
import { defaultRecipe, type Recipe } from '../../../src/prepare/recipe';
import type { LooplabDB } from '../../../src/storage/schema';
import { freshDatabase } from '../../helpers/fresh-db';
import { monthFirstDataset, preparedProject } from '../../helpers/prepare-state';
import { cells, col, frameOf } from './tables';

// The worker is not there in Node: every recipe it is asked about fits.
vi.mock('../../../src/workers/prepare-client', async () => (await import('../../helpers/prepare-worker-stub')).fittingPrepareClient());

let db: LooplabDB;
beforeEach(async () => {
  db = await freshDatabase();
});
afterEach(() => db.close());

// "signup" was imported month first.
const dataset = (projectId: string) => monthFirstDataset(projectId, 'signup', 3);

async function opened(steps: Recipe['steps'] = []): Promise<PrepareState> {
  return (await preparedProject(db, { dataset, stored: { ...defaultRecipe(1, true), steps }, target: 'species' })).state;
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
