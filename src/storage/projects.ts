/** The projects table: create, read, rename, duplicate, delete (with everything it owns). */
import { newId, newSeed } from '../shared/ids';
import { UserFacingError } from '../shared/errors';
import { rowRunsOf } from '../shared/row-runs';
import { write } from './database';
import { prefixBounds } from './key-ranges';
import type { ProjectRow } from './rows';
import type { LooplabDB } from './schema';
import { trainDraftKey } from './train-drafts';

export const MAX_NAME_LENGTH = 120;

/** A trimmed, non-empty project name, or a UserFacingError saying why not. */
export function checkProjectName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new UserFacingError('A project needs a name.');
  if (trimmed.length > MAX_NAME_LENGTH) throw new UserFacingError(`A project name can be at most ${MAX_NAME_LENGTH} characters.`);
  return trimmed;
}

/** All projects, most recently changed first. */
export function listProjects(db: LooplabDB): Promise<ProjectRow[]> {
  return db.projects.orderBy('updatedAt').reverse().toArray();
}

export function getProject(db: LooplabDB, id: string): Promise<ProjectRow | undefined> {
  return db.projects.get(id);
}

export async function createProject(db: LooplabDB, name: string, plan: unknown, now = Date.now()): Promise<ProjectRow> {
  const row: ProjectRow = {
    id: newId(),
    name: checkProjectName(name),
    createdAt: now,
    updatedAt: now,
    seed: newSeed(),
    activeDatasetId: null,
    plan,
  };
  await write(db, [db.projects], () => db.projects.add(row));
  return row;
}

/** What a write into a project that is gone says (another tab deleted it while this one worked). */
export const PROJECT_GONE = 'This project no longer exists (it was deleted, perhaps in another tab).';

/**
 * The project's row, or a UserFacingError saying it is gone. Called inside a write's transaction
 * (with db.projects among its tables), it also keeps the project from being deleted before the
 * write commits: a late write never leaves rows owned by no project.
 */
export async function mustGetProject(db: LooplabDB, id: string): Promise<ProjectRow> {
  const row = await db.projects.get(id);
  if (!row) throw new UserFacingError(PROJECT_GONE);
  return row;
}

export async function renameProject(db: LooplabDB, id: string, name: string, now = Date.now()): Promise<void> {
  const clean = checkProjectName(name);
  await write(db, [db.projects], async () => {
    await mustGetProject(db, id);
    await db.projects.update(id, { name: clean, updatedAt: now });
  });
}

/** Replace the project's plan (JSON). */
export async function savePlan(db: LooplabDB, id: string, plan: unknown, now = Date.now()): Promise<void> {
  await write(db, [db.projects], async () => {
    await mustGetProject(db, id);
    await db.projects.update(id, { plan, updatedAt: now });
  });
}

/** The project's plan as stored, as JSON; null when there is no such project. */
export async function storedPlanJson(db: LooplabDB, id: string): Promise<string | null> {
  const project = await db.projects.get(id);
  return project ? JSON.stringify(project.plan) : null;
}

/**
 * savePlan, unless the stored plan is no longer `expected` (JSON, as storedPlanJson gave it):
 * then nothing is written and the answer is false. `expected` null: written whatever is there.
 */
export async function savePlanIfUnchanged(db: LooplabDB, id: string, plan: unknown, expected: string | null, now = Date.now()): Promise<boolean> {
  return write(db, [db.projects], async () => {
    const project = await mustGetProject(db, id);
    if (expected !== null && JSON.stringify(project.plan) !== expected) return false;
    await db.projects.update(id, { plan, updatedAt: now });
    return true;
  });
}

/**
 * A copy of the project under a new id, named "<name> (copy)", with everything it owns under new
 * ids, in one transaction: datasets (values, profiles and splits included), the recipe, runs
 * (evaluations and models included), batches and Train's form draft, every reference pointing within the copy. A
 * table a later stage adds must be copied here too.
 */
export async function duplicateProject(db: LooplabDB, id: string, now = Date.now()): Promise<ProjectRow> {
  const tables = [db.projects, db.datasets, db.chunks, db.profiles, db.splits, db.recipes, db.runs, db.artifacts, db.evaluations, db.batches, db.meta];
  return write(db, tables, async () => {
    const source = await mustGetProject(db, id);
    const datasets = await db.datasets.where('projectId').equals(id).toArray();
    const newIds = new Map(datasets.map((d) => [d.id, newId()]));
    const remap = (old: string | null) => (old === null ? null : (newIds.get(old) ?? null));
    const suffix = ' (copy)';
    const copy: ProjectRow = {
      ...structuredClone(source),
      id: newId(),
      name: source.name.slice(0, MAX_NAME_LENGTH - suffix.length) + suffix,
      createdAt: now,
      updatedAt: now,
      activeDatasetId: remap(source.activeDatasetId),
    };
    await db.projects.add(copy);
    for (const dataset of datasets) {
      const datasetId = newIds.get(dataset.id)!;
      // The same rows under the same row keys, so label edits keep to the rows they were made on (a dataset stored before it had keys gets its own).
      await db.datasets.add({ ...dataset, id: datasetId, projectId: copy.id, parentId: remap(dataset.parentId), rowRuns: rowRunsOf(dataset) });
      // Column by column, so only one column's chunks are in memory at once.
      for (let column = 0; column < dataset.columns.length; column++) {
        const chunks = await db.chunks.where('[datasetId+column+chunk]').between(...prefixBounds([dataset.id, column], 1)).toArray();
        await db.chunks.bulkAdd(chunks.map((c) => ({ ...c, datasetId })));
      }
      const profile = await db.profiles.get(dataset.id);
      if (profile) await db.profiles.add({ ...profile, datasetId });
      const splits = await db.splits.where('datasetId').equals(dataset.id).toArray();
      await db.splits.bulkAdd(splits.map((split) => ({ ...split, id: newId(), datasetId })));
    }
    const recipes = await db.recipes.where('projectId').equals(id).toArray();
    for (const recipe of recipes) await db.recipes.add({ ...recipe, id: newId(), projectId: copy.id, datasetId: remap(recipe.datasetId) });
    const runIds = await copyRuns(db, id, copy.id, newIds);
    const batches = await db.batches.where('projectId').equals(id).toArray();
    await db.batches.bulkAdd(batches.map((b) => ({ ...b, id: newId(), projectId: copy.id, ...remapLoose(b, 'runId', runIds), ...remapLoose(b, 'datasetId', newIds) })));
    // Train's New run form as the learner left it (it names columns, not ids).
    const draft = await db.meta.get(trainDraftKey(id));
    if (draft) await db.meta.put({ key: trainDraftKey(copy.id), value: structuredClone(draft.value) });
    return copy;
  });
}

const COPIED_WHILE_RUNNING = 'The run was still training when the project was copied; the copy keeps what had been stored by then.';

/** Copy a project's runs with their evaluations and models under new ids; returns old run id → new. */
async function copyRuns(db: LooplabDB, fromProject: string, toProject: string, datasetIds: ReadonlyMap<string, string>): Promise<Map<string, string>> {
  const runs = await db.runs.where('projectId').equals(fromProject).toArray();
  const runIds = new Map(runs.map((r) => [r.id, newId()]));
  for (const run of runs) {
    const runId = runIds.get(run.id)!;
    // A run whose dataset was deleted since keeps that (dangling) id: it never points into another project.
    const datasetId = datasetIds.get(run.datasetId) ?? run.datasetId;
    // No worker trains the copy: it is cut off where the source's run was.
    const ended = run.status === 'running' ? { status: 'interrupted' as const, message: COPIED_WHILE_RUNNING } : {};
    await db.runs.add({ ...run, id: runId, projectId: toProject, datasetId, ...ended });
    // Run by run, so only one run's predictions and weights are in memory at once.
    const evaluations = await db.evaluations.where('runId').equals(run.id).toArray();
    await db.evaluations.bulkAdd(evaluations.map((e) => ({ ...e, id: newId(), runId })));
    const artifacts = await db.artifacts.where('[runId+kind]').between(...prefixBounds([run.id], 1)).toArray();
    await db.artifacts.bulkAdd(artifacts.map((a) => ({ ...a, runId })));
  }
  return runIds;
}

/** `{ [field]: its new id }` when a loosely typed row names one of the copied rows, else nothing. */
function remapLoose(row: Record<string, unknown>, field: string, ids: ReadonlyMap<string, string>): Record<string, string> {
  const old = row[field];
  const mapped = typeof old === 'string' ? ids.get(old) : undefined;
  return mapped ? { [field]: mapped } : {};
}

/** Delete a project and every row it owns, in one transaction: all of it goes, or nothing. */
export async function deleteProject(db: LooplabDB, id: string): Promise<void> {
  const tables = [db.projects, db.datasets, db.chunks, db.profiles, db.recipes, db.splits, db.runs, db.artifacts, db.evaluations, db.batches, db.meta];
  await write(db, tables, async () => {
    const datasetIds = await db.datasets.where('projectId').equals(id).primaryKeys();
    const runIds = await db.runs.where('projectId').equals(id).primaryKeys();
    for (const datasetId of datasetIds) {
      await db.chunks.where('[datasetId+column+chunk]').between(...prefixBounds([datasetId], 2)).delete();
    }
    await db.profiles.bulkDelete(datasetIds);
    await db.splits.where('datasetId').anyOf(datasetIds).delete();
    await db.datasets.bulkDelete(datasetIds);
    for (const runId of runIds) {
      await db.artifacts.where('[runId+kind]').between(...prefixBounds([runId], 1)).delete();
    }
    await db.evaluations.where('runId').anyOf(runIds).delete();
    await db.runs.bulkDelete(runIds);
    await db.recipes.where('projectId').equals(id).delete();
    await db.batches.where('projectId').equals(id).delete();
    await db.projects.delete(id);
    const last = await db.meta.get('lastProjectId');
    if (last?.value === id) await db.meta.delete('lastProjectId');
    await db.meta.delete(trainDraftKey(id));
  });
}
