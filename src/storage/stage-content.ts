/** How many rows each later stage holds for a project: the stage bar lights stages that have some. */
import { prefixBounds } from './key-ranges';
import type { LooplabDB } from './schema';

export interface StageCounts {
  datasets: number;
  recipes: number;
  runs: number;
  evaluations: number;
  artifacts: number;
  batches: number;
}

export async function stageCounts(db: LooplabDB, projectId: string): Promise<StageCounts> {
  const runIds = await db.runs.where('projectId').equals(projectId).primaryKeys();
  const [datasets, recipes, evaluations, batches] = await Promise.all([
    db.datasets.where('projectId').equals(projectId).count(),
    db.recipes.where('projectId').equals(projectId).count(),
    runIds.length ? db.evaluations.where('runId').anyOf(runIds).count() : 0,
    db.batches.where('projectId').equals(projectId).count(),
  ]);
  let artifacts = 0;
  for (const runId of runIds) {
    artifacts += await db.artifacts.where('[runId+kind]').between(...prefixBounds([runId], 1)).count();
  }
  return { datasets, recipes, runs: runIds.length, evaluations, artifacts, batches };
}
