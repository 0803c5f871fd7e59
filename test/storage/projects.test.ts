import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { UserFacingError } from '../../src/shared/errors';
import { writesSettled } from '../../src/storage/database';
import { getMeta, setMeta } from '../../src/storage/meta';
import {
  checkProjectName,
  createProject,
  deleteProject,
  duplicateProject,
  getProject,
  listProjects,
  renameProject,
  savePlan,
} from '../../src/storage/projects';
import { stageCounts } from '../../src/storage/stage-content';
import { LooplabDB } from '../../src/storage/schema';
import { datasetRow, evaluationRow, runRow } from '../helpers/rows';
import { freshName } from './legacy';

let db: LooplabDB;
beforeEach(async () => {
  db = new LooplabDB(freshName());
  await db.open();
});
afterEach(() => db.close());

describe('projects', () => {
  test('create stores a trimmed name, timestamps, a seed and the plan', async () => {
    const row = await createProject(db, '  Iris  ', { problem: 'x' }, 1000);
    expect(row.id).toMatch(/^[0-9a-f]{32}$/);
    const stored = await getProject(db, row.id);
    expect(stored).toEqual({ id: row.id, name: 'Iris', createdAt: 1000, updatedAt: 1000, seed: row.seed, activeDatasetId: null, plan: { problem: 'x' } });
    expect(Number.isInteger(row.seed)).toBe(true);
  });

  test('names must be non-empty and at most 120 characters', async () => {
    expect(() => checkProjectName('   ')).toThrow(UserFacingError);
    expect(() => checkProjectName('x'.repeat(121))).toThrow('at most 120 characters');
    await expect(createProject(db, '', {})).rejects.toThrow('A project needs a name.');
    expect(await listProjects(db)).toEqual([]);
  });

  test('list is most recently changed first', async () => {
    const a = await createProject(db, 'A', {}, 1);
    const b = await createProject(db, 'B', {}, 2);
    expect((await listProjects(db)).map((p) => p.name)).toEqual(['B', 'A']);
    await savePlan(db, a.id, { notes: 'touched' }, 3);
    expect((await listProjects(db)).map((p) => p.id)).toEqual([a.id, b.id]);
  });

  test('rename and savePlan update the row and its updatedAt; a missing project is explained', async () => {
    const row = await createProject(db, 'Old', {}, 1);
    await renameProject(db, row.id, ' New ', 5);
    await savePlan(db, row.id, { problem: 'p' }, 6);
    expect(await getProject(db, row.id)).toMatchObject({ name: 'New', updatedAt: 6, plan: { problem: 'p' }, createdAt: 1 });
    await expect(renameProject(db, 'nope', 'X')).rejects.toThrow('no longer exists');
    await expect(savePlan(db, 'nope', {})).rejects.toThrow('no longer exists');
    await expect(renameProject(db, row.id, ' ')).rejects.toThrow('needs a name');
    expect((await getProject(db, row.id))?.name).toBe('New');
  });

  test('duplicate copies the plan deeply under a new id and name', async () => {
    const plan = { problem: 'p', criteria: [{ id: 'c', metric: 'mae', comparison: '<=', threshold: 2 }] };
    const row = await createProject(db, 'Source', plan, 1);
    const copy = await duplicateProject(db, row.id, 9);
    expect(copy.id).not.toBe(row.id);
    expect(copy).toMatchObject({ name: 'Source (copy)', createdAt: 9, updatedAt: 9, seed: row.seed, plan });
    await savePlan(db, copy.id, { problem: 'changed' });
    expect((await getProject(db, row.id))?.plan).toEqual(plan);
    const long = await createProject(db, 'y'.repeat(120), {});
    expect((await duplicateProject(db, long.id)).name).toHaveLength(120);
  });

  test('duplicate copies runs with their evaluations, model and splits, pointing within the copy', async () => {
    const source = await createProject(db, 'Source', {});
    await db.datasets.add(datasetRow({ id: 'd', projectId: source.id }));
    await db.projects.update(source.id, { activeDatasetId: 'd' });
    await db.splits.add({ id: 's', datasetId: 'd', seed: 7 });
    await db.runs.add(runRow({ id: 'r', projectId: source.id, datasetId: 'd', recipeVersion: 2 }));
    await db.runs.add(runRow({ id: 'live', projectId: source.id, datasetId: 'd', status: 'running' }));
    await db.evaluations.add(evaluationRow({ id: 'e', runId: 'r', predictions: new Float32Array([0.25]) }));
    await db.artifacts.add({ runId: 'r', kind: 'model', weightData: new ArrayBuffer(8) });
    await db.batches.add({ id: 'b', projectId: source.id, runId: 'r' });

    const copy = await duplicateProject(db, source.id);
    const [dataset] = await db.datasets.where('projectId').equals(copy.id).toArray();
    const runs = await db.runs.where('projectId').equals(copy.id).toArray();
    const run = runs.find((r) => r.name === 'r')!;
    expect(runs).toHaveLength(2);
    expect(run.id).not.toBe('r');
    expect(run).toMatchObject({ datasetId: dataset!.id, recipeVersion: 2, status: 'completed' });
    // The copy's running run has no worker behind it.
    expect(runs.find((r) => r.name === 'live')!.status).toBe('interrupted');
    expect(await db.splits.where('datasetId').equals(dataset!.id).toArray()).toEqual([{ id: expect.not.stringMatching(/^s$/), datasetId: dataset!.id, seed: 7 }]);
    expect(await db.batches.where('projectId').equals(copy.id).toArray()).toEqual([{ id: expect.not.stringMatching(/^b$/), projectId: copy.id, runId: run.id }]);

    await deleteProject(db, source.id);
    expect(await stageCounts(db, copy.id)).toEqual({ datasets: 1, recipes: 0, runs: 2, evaluations: 1, artifacts: 1, batches: 1 });
    const [evaluation] = await db.evaluations.where('runId').equals(run.id).toArray();
    expect(evaluation).toMatchObject({ kind: 'holdout', predictions: new Float32Array([0.25]) });
    expect(evaluation!.id).not.toBe('e');
    expect((await db.artifacts.get([run.id, 'model']))!.weightData).toBeInstanceOf(ArrayBuffer);
    expect(await db.splits.count()).toBe(1);
  });

  test('duplicate keeps each dataset’s row keys, so label edits keep to the rows they were made on; one stored before keys gets the key it had', async () => {
    const source = await createProject(db, 'Source', {});
    const runs = [{ key: 'k1', end: 3 }, { key: 'k2', end: 5 }];
    await db.datasets.bulkAdd([datasetRow({ id: 'keyed', projectId: source.id, rowCount: 5, rowRuns: runs }), datasetRow({ id: 'old', projectId: source.id, rowCount: 2, createdAt: 2 })]);
    const copy = await duplicateProject(db, source.id);
    const copied = await db.datasets.where('projectId').equals(copy.id).sortBy('createdAt');
    expect(copied.map((d) => d.id)).not.toContain('keyed');
    expect(copied.map((d) => d.rowRuns)).toEqual([runs, [{ key: 'old', end: 2 }]]);
  });

  test('delete removes the project and every row it owns, and nothing of other projects', async () => {
    const keep = await createProject(db, 'Keep', {});
    const gone = await createProject(db, 'Gone', {});
    const own = (projectId: string, tag: string) => ({
      dataset: datasetRow({ id: `d-${tag}`, projectId }),
      chunk: { datasetId: `d-${tag}`, column: 0, chunk: 0, values: new ArrayBuffer(8) },
      profile: { datasetId: `d-${tag}`, version: 1, profile: {} },
      split: { id: `s-${tag}`, datasetId: `d-${tag}` },
      recipe: { id: `rc-${tag}`, projectId, datasetId: null, version: 1, updatedAt: 0, recipe: {}, history: [] },
      run: runRow({ id: `r-${tag}`, projectId }),
      artifact: { runId: `r-${tag}`, kind: 'weights' },
      evaluation: evaluationRow({ id: `e-${tag}`, runId: `r-${tag}` }),
      batch: { id: `b-${tag}`, projectId },
    });
    for (const [projectId, tag] of [
      [keep.id, 'k'],
      [gone.id, 'g'],
    ] as const) {
      const r = own(projectId, tag);
      await db.datasets.add(r.dataset);
      await db.chunks.add(r.chunk);
      await db.profiles.add(r.profile);
      await db.splits.add(r.split);
      await db.recipes.add(r.recipe);
      await db.runs.add(r.run);
      await db.artifacts.add(r.artifact);
      await db.evaluations.add(r.evaluation);
      await db.batches.add(r.batch);
    }
    await setMeta(db, 'lastProjectId', gone.id);
    const full = { datasets: 1, recipes: 1, runs: 1, evaluations: 1, artifacts: 1, batches: 1 };
    expect(await stageCounts(db, gone.id)).toEqual(full);

    await deleteProject(db, gone.id);
    expect(await getProject(db, gone.id)).toBeUndefined();
    expect(await stageCounts(db, gone.id)).toEqual({ datasets: 0, recipes: 0, runs: 0, evaluations: 0, artifacts: 0, batches: 0 });
    for (const table of [db.chunks, db.profiles, db.splits, db.artifacts, db.evaluations] as const) {
      expect(await table.count()).toBe(1);
    }
    expect(await stageCounts(db, keep.id)).toEqual(full);
    expect(await getMeta(db, 'lastProjectId')).toBeUndefined();
  });

  test('a failing delete changes nothing (one transaction)', async () => {
    const row = await createProject(db, 'Atomic', {});
    await db.recipes.add({ id: 'rc', projectId: row.id, datasetId: null, version: 1, updatedAt: 0, recipe: {}, history: [] });
    // Closing the database mid-way makes the transaction fail; nothing may be half-deleted.
    const failing = deleteProject(db, row.id);
    db.close();
    await expect(failing).rejects.toThrow();
    await db.open();
    expect(await getProject(db, row.id)).toBeDefined();
    expect(await db.recipes.count()).toBe(1);
  });

  test('writesSettled waits for every write started so far', async () => {
    const started = [createProject(db, 'One', {}), createProject(db, 'Two', {})];
    await writesSettled();
    expect(await db.projects.count()).toBe(2);
    await Promise.all(started);
  });
});
