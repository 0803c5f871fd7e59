/**
 * The Prepare state's label edits: a cell edit naming no row or an unknown column is refused when
 * it is made; an edit switches the edit step back on, saying so; a relabel that matches no
 * training row is refused; the edit step stays first.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { PrepareState } from '../../../src/prepare/prepare.svelte';
import { defaultRecipe, type Recipe } from '../../../src/prepare/recipe';
import { EDITS_STAY_FIRST } from '../../../src/prepare/step-order';
import { unmatchedRelabel } from '../../../src/prepare/steps/edit-notes';
import { getRecipe } from '../../../src/storage/recipes';
import type { LooplabDB } from '../../../src/storage/schema';
import { callPrepareWorker } from '../../../src/workers/prepare-client';
import type { PrepareRequest } from '../../../src/workers/prepare-protocol';
import { freshDatabase } from '../../helpers/fresh-db';
import { monthFirstDataset, preparedProject } from '../../helpers/prepare-state';
import { fits } from '../../helpers/prepare-worker-stub';

// The worker is not there in Node: every recipe it is asked about fits, unless a test says otherwise.
vi.mock('../../../src/workers/prepare-client', async () => (await import('../../helpers/prepare-worker-stub')).fittingPrepareClient());

let db: LooplabDB;
beforeEach(async () => {
  db = await freshDatabase();
  vi.mocked(callPrepareWorker).mockClear();
});
afterEach(() => db.close());

const dataset = (projectId: string) => monthFirstDataset(projectId, 'seen', 150);

async function opened(steps: Recipe['steps'] = []): Promise<{ state: PrepareState; projectId: string; stored: Recipe }> {
  return preparedProject(db, { dataset, stored: { ...defaultRecipe(1, true), steps }, target: 'species' });
}

const editParams = (state: PrepareState) => state.recipe!.steps.find((s) => s.kind === 'edit-cells')!.params as { edits: unknown[] };

describe('a cell edit is checked when it is made', () => {
  test('a cleared Row box (null − 1) is refused, naming the field; the earlier edit stays as it was and nothing is tried or stored', async () => {
    const { state, projectId } = await opened();
    expect(await state.editCell(0, 'species', 'b')).toBe(true);
    const asked = vi.mocked(callPrepareWorker).mock.calls.length;
    expect(await state.editCell((null as unknown as number) - 1, 'species', 'c')).toBe(false);
    expect(state.refused).toEqual({ where: 'labels', problem: 'Row: enter a whole number from 1 to 150.' });
    expect(await state.editCell(Number.NaN, 'species', 'c')).toBe(false);
    expect(await state.editCell(150, 'species', 'c')).toBe(false);
    expect(await state.editCell(2.5, 'species', 'c')).toBe(false);
    expect(vi.mocked(callPrepareWorker).mock.calls.length).toBe(asked);
    // The edit keeps to the row it was made on: the key of its run in the dataset shown (one stored before keys: its id).
    expect(editParams(state).edits).toEqual([{ row: 0, column: 'species', value: 'b', rowKey: 'd1' }]);
    expect((await getRecipe(db, projectId))!.version).toBe(2);
  });

  test('a column the dataset does not have is refused, naming the field', async () => {
    const { state } = await opened();
    expect(await state.editCell(3, 'nope', 'c')).toBe(false);
    expect(state.refused).toEqual({ where: 'labels', problem: 'Column to edit: the dataset has no column "nope".' });
    expect(await state.editCell(149, 'species', 'c')).toBe(true);
    expect(state.refused).toBeNull();
  });

  test('a date edit records the order the column’s dates were imported in', async () => {
    const { state } = await opened();
    expect(await state.editCell(1, 'seen', '05/03/2024')).toBe(true);
    expect(editParams(state).edits).toEqual([{ row: 1, column: 'seen', value: '05/03/2024', dateOrder: 'mdy', rowKey: 'd1' }]);
  });
});

describe('an edit made while the edit step is off', () => {
  const off = { id: 'e', kind: 'edit-cells', enabled: false, params: { edits: [{ row: 0, column: 'species', value: 'b' }], bulk: [] } };

  test('switches the step back on, and says so', async () => {
    const { state } = await opened([off]);
    expect(await state.editCell(1, 'species', 'c')).toBe(true);
    expect(state.recipe!.steps[0]!.enabled).toBe(true);
    expect(state.labelsNotice).toBe('Row 2: species is now "c". The “Edit values and labels” step was off: it is on again, so this edit and the ones before it apply.');
    // The next edit, with the step on, says only what it set.
    expect(await state.editCell(2, 'species', '')).toBe(true);
    expect(state.labelsNotice).toBe('Row 3: species is now missing.');
    // Undone, the edit no longer holds: what it set is no longer said.
    await state.undo();
    expect(state.labelsNotice).toBeNull();
  });

  test('a relabel too', async () => {
    const { state } = await opened([off]);
    expect(await state.relabelWhere({ column: 'species', op: '==', value: 'a' }, 'species', 'c')).toBe(true);
    expect(state.recipe!.steps[0]!.enabled).toBe(true);
    expect(state.labelsNotice).toMatch(/on again/);
  });
});

describe('removing one edit', () => {
  test('takes that edit out of the step, as a change that can be undone; the others stay in their order', async () => {
    const { state, projectId } = await opened([{ id: 'e', kind: 'edit-cells', enabled: true, params: { edits: [], bulk: [] } }]);
    for (const [row, value] of [[1, 'b'], [2, 'c'], [3, 'd']] as const) expect(await state.editCell(row, 'species', value)).toBe(true);
    expect(await state.removeEdit(1)).toBe(true);
    expect(editParams(state).edits).toEqual([{ row: 1, column: 'species', value: 'b', rowKey: 'd1' }, { row: 3, column: 'species', value: 'd', rowKey: 'd1' }]);
    await vi.waitFor(async () => expect((await getRecipe(db, projectId))!.version).toBe(5));
    await state.undo();
    expect(editParams(state).edits).toHaveLength(3);
  });
});

describe('relabelling where a condition holds', () => {
  test('the compared value is stored trimmed; the relabel is first tried alone, over a split that trains on every row, where it must match one', async () => {
    const { state } = await opened([{ id: 'e', kind: 'edit-cells', enabled: true, params: { edits: [], bulk: [] } }, { id: 's', kind: 'scale', enabled: true, params: { columns: ['x'], method: 'standard' } }]);
    expect(await state.relabelWhere({ column: 'species', op: '==', value: ' setosa ' }, 'species', 'virginica')).toBe(true);
    const probe = (vi.mocked(callPrepareWorker).mock.calls[0]![0] as unknown as (api: { report: (r: PrepareRequest) => unknown }) => unknown);
    let request: PrepareRequest | undefined;
    await probe({ report: (r: PrepareRequest) => (request = r) });
    expect(request!.recipe.steps.map((s) => s.kind)).toEqual(['edit-cells']);
    // A relabel of held-out rows alone is a fix the learner means: every row is a training row for the probe.
    expect(request!.recipe.split).toMatchObject({ strategy: 'random', fractions: [1, 0, 0] });
    expect((request!.recipe.steps[0]!.params as { edits: unknown[] }).edits).toEqual([{ where: { column: 'species', op: '==', value: 'setosa' }, column: 'species', value: 'virginica', mustMatch: true }]);
    expect(editParams(state).edits).toEqual([{ where: { column: 'species', op: '==', value: 'setosa' }, column: 'species', value: 'virginica' }]);
  });

  test('one that matches no row is refused, saying so, and nothing is stored', async () => {
    const { state, projectId, stored } = await opened();
    const where = { column: 'species', op: '==' as const, value: 'setosa' };
    // The probe's edit step is made fresh (the recipe has none): the worker answers for whatever id it has.
    vi.mocked(callPrepareWorker).mockImplementationOnce(async (call) => {
      let request: PrepareRequest | undefined;
      await (call as unknown as (api: { report: (r: PrepareRequest) => unknown }) => unknown)({ report: (r: PrepareRequest) => (request = r) });
      return { ...fits(), steps: [{ id: request!.recipe.steps[0]!.id, state: 'problem', problem: unmatchedRelabel(where) }] };
    });
    expect(await state.relabelWhere(where, 'species', 'virginica')).toBe(false);
    expect(state.refused).toEqual({ where: 'labels', problem: 'No row has species == setosa: nothing was relabelled.' });
    expect(state.recipe).toEqual(stored);
    expect((await getRecipe(db, projectId))!.version).toBe(1);
  });
});

describe('moving steps', () => {
  test('the edit step is not moved down, nor another step above it; the reason is shown with the list', async () => {
    const { state, stored } = await opened([{ id: 'e', kind: 'edit-cells', enabled: true, params: { edits: [], bulk: [] } }, { id: 'i', kind: 'impute', enabled: true, params: { columns: ['x'], strategy: 'mean' } }, { id: 's', kind: 'scale', enabled: true, params: { columns: ['x'], method: 'standard' } }]);
    expect(await state.moveStep('e', 1)).toBe(false);
    expect(state.refused).toEqual({ where: 'list', problem: EDITS_STAY_FIRST });
    expect(await state.moveStep('i', -1)).toBe(false);
    expect(state.recipe).toEqual(stored);
    expect(await state.moveStep('s', -1)).toBe(true);
    expect(state.recipe!.steps.map((s) => s.id)).toEqual(['e', 's', 'i']);
  });
});
