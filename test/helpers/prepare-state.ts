/**
 * A Prepare page on a stored project, for state tests. Tests run Svelte's server build, where
 * effects do not run, so the state is given what its loading finds. The test file mocks the
 * Prepare worker (prepare-worker-stub.ts).
 */
import { PrepareState } from '../../src/prepare/prepare.svelte';
import type { Recipe } from '../../src/prepare/recipe';
import { createProject } from '../../src/storage/projects';
import { saveRecipe } from '../../src/storage/recipes';
import type { DatasetRow } from '../../src/storage/rows';
import type { LooplabDB } from '../../src/storage/schema';
import { datasetRow } from './rows';

/** A dataset 'd1' of `rowCount` rows holding the label column 'species' and the date column `dateColumn`, whose dates were imported month first. */
export function monthFirstDataset(projectId: string, dateColumn: string, rowCount: number): DatasetRow {
  return datasetRow({
    id: 'd1',
    projectId,
    rowCount,
    columns: [
      { name: 'species', kind: 'categorical', missing: 0 },
      { name: dateColumn, kind: 'datetime', missing: 0 },
    ],
    source: { ...datasetRow({ id: 'x', projectId }).source, dateOrders: { [dateColumn]: { order: 'mdy' } } },
  });
}

/** A Prepare page (a tab) on the project, as its loading leaves it: `dataset` shown, the recipe `stored` at version 1. */
export function openedPrepareTab(db: LooplabDB, projectId: string, dataset: DatasetRow, stored: Recipe, target: string): PrepareState {
  const state = new PrepareState(projectId, { target, taskType: 'multiclass' }, 1, db);
  state.dataset = dataset;
  state.recipe = stored;
  state.version = 1;
  return state;
}

/** A new project holding the dataset `dataset` makes for it and the recipe `stored` for that dataset, and a Prepare tab opened on it. */
export async function preparedProject(
  db: LooplabDB,
  setup: { dataset: (projectId: string) => DatasetRow; stored: Recipe; target: string },
): Promise<{ state: PrepareState; projectId: string; stored: Recipe }> {
  const { dataset, stored, target } = setup;
  const project = await createProject(db, 'P', {});
  const row = dataset(project.id);
  await db.datasets.put(row);
  await saveRecipe(db, project.id, row.id, stored, 0);
  return { state: openedPrepareTab(db, project.id, dataset(project.id), stored, target), projectId: project.id, stored };
}
