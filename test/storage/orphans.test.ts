import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { bitmapBytes, type Table } from '../../src/shared/column';
import { UserFacingError } from '../../src/shared/errors';
import { saveDataset } from '../../src/storage/datasets';
import { sweepOrphans } from '../../src/storage/orphans';
import { createProject, deleteProject, PROJECT_GONE } from '../../src/storage/projects';
import { getRecipe, saveRecipe } from '../../src/storage/recipes';
import { LooplabDB } from '../../src/storage/schema';
import { datasetRow, evaluationRow, runRow } from '../helpers/rows';
import { freshName } from './legacy';

let db: LooplabDB;
beforeEach(async () => {
  db = new LooplabDB(freshName());
  await db.open();
});
afterEach(() => db.close());

const table = (n: number): Table => ({
  rowCount: n,
  columns: [{ name: 'a', kind: 'numeric', values: new Float64Array(n).fill(1), valid: new Uint8Array(bitmapBytes(n)).fill(255) }],
});
const meta = [{ name: 'a', kind: 'numeric' as const, missing: 0 }];

describe('a write that commits after its project was deleted (in another tab) is refused whole', () => {
  test('a dataset: no row, no chunks, and the learner is told why', async () => {
    const project = await createProject(db, 'P', {});
    await deleteProject(db, project.id);
    const saving = saveDataset(db, datasetRow({ id: 'd1', projectId: project.id, rowCount: 1000, columns: meta }), table(1000));
    await expect(saving).rejects.toThrow(UserFacingError);
    await expect(saving).rejects.toThrow(PROJECT_GONE);
    expect(PROJECT_GONE).toBe('This project no longer exists (it was deleted, perhaps in another tab).');
    expect(await db.datasets.count()).toBe(0);
    expect(await db.chunks.count()).toBe(0);
  });

  test('a recipe: nothing stored, and the learner is told why', async () => {
    const project = await createProject(db, 'P', {});
    await deleteProject(db, project.id);
    await expect(saveRecipe(db, project.id, null, { steps: [] }, 0)).rejects.toThrow(PROJECT_GONE);
    expect(await db.recipes.count()).toBe(0);
    expect(await getRecipe(db, project.id)).toBeUndefined();
  });

  test('while the project exists both still save', async () => {
    const project = await createProject(db, 'P', {});
    await saveDataset(db, datasetRow({ id: 'd1', projectId: project.id, rowCount: 10, columns: meta }), table(10));
    await saveRecipe(db, project.id, 'd1', { steps: [] }, 0);
    expect(await db.datasets.count()).toBe(1);
    expect(await db.recipes.count()).toBe(1);
  });
});

describe('the start-up sweep of rows whose project is gone', () => {
  /** A project with a dataset (chunks, profile, split), a recipe, a run (model, evaluation) and a batch. */
  async function stocked(name: string, tag: string): Promise<string> {
    const project = await createProject(db, name, {});
    const id = project.id;
    await saveDataset(db, datasetRow({ id: `d-${tag}`, projectId: id, rowCount: 10, columns: meta }), table(10));
    await db.profiles.put({ datasetId: `d-${tag}`, version: 1, profile: { columns: [] } });
    await db.splits.put({ id: `s-${tag}`, datasetId: `d-${tag}`, strategy: 'random', seed: 1, parts: new Uint8Array(10) } as never);
    await saveRecipe(db, id, `d-${tag}`, { steps: [] }, 0);
    await db.runs.put(runRow({ id: `r-${tag}`, projectId: id }));
    await db.artifacts.put({ runId: `r-${tag}`, kind: 'model', weightData: new ArrayBuffer(8) });
    await db.evaluations.put(evaluationRow({ id: `e-${tag}`, runId: `r-${tag}` }));
    await db.batches.put({ id: `b-${tag}`, projectId: id } as never);
    return id;
  }

  test('deletes every row a deleted project still owned, in one go, and counts them; a live project keeps all of its rows', async () => {
    const keep = await stocked('Keep', 'keep');
    const gone = await stocked('Gone', 'gone');
    // What late writes in another tab left behind: the project row is gone, its rows are not.
    await db.projects.delete(gone);
    const before = { chunks: await db.chunks.count() };

    const counts = await sweepOrphans(db);
    expect(counts).toEqual({ datasets: 1, chunks: before.chunks / 2, profiles: 1, splits: 1, recipes: 1, runs: 1, artifacts: 1, evaluations: 1, batches: 1 });

    expect(await db.datasets.toCollection().primaryKeys()).toEqual(['d-keep']);
    expect(await db.chunks.count()).toBe(before.chunks / 2);
    expect(await db.profiles.toCollection().primaryKeys()).toEqual(['d-keep']);
    expect(await db.splits.toCollection().primaryKeys()).toEqual(['s-keep']);
    expect((await db.recipes.toArray()).map((r) => r.projectId)).toEqual([keep]);
    expect(await db.runs.toCollection().primaryKeys()).toEqual(['r-keep']);
    expect((await db.artifacts.toArray()).map((a) => a.runId)).toEqual(['r-keep']);
    expect(await db.evaluations.toCollection().primaryKeys()).toEqual(['e-keep']);
    expect(await db.batches.toCollection().primaryKeys()).toEqual(['b-keep']);

    // A second sweep finds nothing.
    expect(Object.values(await sweepOrphans(db)).every((n) => n === 0)).toBe(true);
  });

  test('also sweeps values, profiles, splits, models and evaluations whose dataset or run is gone', async () => {
    const project = await createProject(db, 'P', {});
    await saveDataset(db, datasetRow({ id: 'd1', projectId: project.id, rowCount: 10, columns: meta }), table(10));
    await db.runs.put(runRow({ id: 'r1', projectId: project.id }));
    // Rows of a dataset and a run deleted meanwhile.
    await db.chunks.put({ datasetId: 'lost', column: 0, chunk: 0, values: new ArrayBuffer(8), valid: new ArrayBuffer(1) } as never);
    await db.profiles.put({ datasetId: 'lost', version: 1, profile: { columns: [] } });
    await db.splits.put({ id: 's-lost', datasetId: 'lost' } as never);
    await db.artifacts.put({ runId: 'r-lost', kind: 'model' });
    await db.evaluations.put(evaluationRow({ id: 'e-lost', runId: 'r-lost' }));

    const counts = await sweepOrphans(db);
    expect(counts).toMatchObject({ datasets: 0, runs: 0, chunks: 1, profiles: 1, splits: 1, artifacts: 1, evaluations: 1 });
    expect(await db.datasets.count()).toBe(1);
    expect(await db.chunks.count()).toBe(1);
    expect(await db.runs.count()).toBe(1);
    expect(await db.artifacts.count()).toBe(0);
  });

  test('when no project is left at all, every row they owned goes', async () => {
    const gone = await stocked('Gone', 'gone');
    await db.projects.delete(gone);
    const counts = await sweepOrphans(db);
    expect(counts).toMatchObject({ datasets: 1, recipes: 1, runs: 1, batches: 1, artifacts: 1, evaluations: 1, profiles: 1, splits: 1 });
    for (const t of [db.datasets, db.chunks, db.profiles, db.splits, db.recipes, db.runs, db.artifacts, db.evaluations, db.batches]) expect(await t.count()).toBe(0);
  });

  test('an empty database sweeps nothing', async () => {
    expect(await sweepOrphans(db)).toEqual({ datasets: 0, chunks: 0, profiles: 0, splits: 0, recipes: 0, runs: 0, artifacts: 0, evaluations: 0, batches: 0 });
  });
});
