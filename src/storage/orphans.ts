/**
 * The start-up backstop for rows whose owner is gone. Writes check their project inside their
 * transaction, but a row written by an older Looplab, or by a write that slipped past a delete in
 * another tab, would otherwise stay forever, unseen and taking space.
 */
import { write } from './database';
import { prefixBounds } from './key-ranges';
import type { LooplabDB } from './schema';

/** How many rows of each table a sweep deleted. */
export interface SweptCounts {
  datasets: number;
  chunks: number;
  profiles: number;
  splits: number;
  recipes: number;
  runs: number;
  artifacts: number;
  evaluations: number;
  batches: number;
}

/**
 * Delete, in one transaction, every dataset (with its chunks, profile and splits), recipe, run
 * (with its models and evaluations) and batch whose project is gone; then every chunk, profile,
 * split, model and evaluation whose dataset or run is gone. Returns how many rows went.
 * Only keys are read, never values, so a big store is swept cheaply.
 */
export async function sweepOrphans(db: LooplabDB): Promise<SweptCounts> {
  const tables = [db.projects, db.datasets, db.chunks, db.profiles, db.splits, db.recipes, db.runs, db.artifacts, db.evaluations, db.batches];
  return write(db, tables, async () => {
    const projectIds = (await db.projects.toCollection().primaryKeys()) as string[];
    const datasetIds = await db.datasets.where('projectId').noneOf(projectIds).primaryKeys();
    const runIds = await db.runs.where('projectId').noneOf(projectIds).primaryKeys();
    await db.datasets.bulkDelete(datasetIds);
    await db.runs.bulkDelete(runIds);
    const recipes = await db.recipes.where('projectId').noneOf(projectIds).delete();
    const batches = await db.batches.where('projectId').noneOf(projectIds).delete();

    // Now everything that hangs on a dataset or a run that is not there.
    const liveDatasets = new Set((await db.datasets.toCollection().primaryKeys()) as string[]);
    const liveRuns = new Set((await db.runs.toCollection().primaryKeys()) as string[]);
    let chunks = 0;
    const chunkOwners = new Set(((await db.chunks.toCollection().primaryKeys()) as unknown as [string, number, number][]).map((k) => k[0]));
    for (const datasetId of chunkOwners) {
      if (!liveDatasets.has(datasetId)) chunks += await db.chunks.where('[datasetId+column+chunk]').between(...prefixBounds([datasetId], 2)).delete();
    }
    const lostProfiles = ((await db.profiles.toCollection().primaryKeys()) as string[]).filter((id) => !liveDatasets.has(id));
    await db.profiles.bulkDelete(lostProfiles);
    const splits = await db.splits.where('datasetId').noneOf([...liveDatasets]).delete();
    let artifacts = 0;
    const artifactOwners = new Set(((await db.artifacts.toCollection().primaryKeys()) as unknown as [string, string][]).map((k) => k[0]));
    for (const runId of artifactOwners) {
      if (!liveRuns.has(runId)) artifacts += await db.artifacts.where('[runId+kind]').between(...prefixBounds([runId], 1)).delete();
    }
    const evaluations = await db.evaluations.where('runId').noneOf([...liveRuns]).delete();

    return { datasets: datasetIds.length, chunks, profiles: lostProfiles.length, splits, recipes, runs: runIds.length, artifacts, evaluations, batches };
  });
}
