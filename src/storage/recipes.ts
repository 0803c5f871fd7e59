/** The recipes table: one Prepare recipe per project, versioned on every save. */
import { write } from './database';
import type { RecipeRow } from './rows';
import type { LooplabDB } from './schema';
import { newId } from '../shared/ids';

/** Earlier versions kept per recipe; older ones are dropped (runs keep the fitted pipeline they used). */
export const RECIPE_HISTORY = 100;

export async function getRecipe(db: LooplabDB, projectId: string): Promise<RecipeRow | undefined> {
  return db.recipes.where('projectId').equals(projectId).first();
}

/**
 * Save a new version of the project's recipe; the previous one moves into the history.
 * Returns the row as stored.
 */
export async function saveRecipe(db: LooplabDB, projectId: string, datasetId: string | null, recipe: unknown, now = Date.now()): Promise<RecipeRow> {
  return write(db, [db.recipes, db.projects], async () => {
    const old = await getRecipe(db, projectId);
    const history = old ? [...old.history, { version: old.version, savedAt: old.updatedAt, recipe: old.recipe }].slice(-RECIPE_HISTORY) : [];
    const row: RecipeRow = { id: old?.id ?? newId(), projectId, datasetId, version: (old?.version ?? 0) + 1, updatedAt: now, recipe, history };
    await db.recipes.put(row);
    await db.projects.update(projectId, { updatedAt: now });
    return row;
  });
}
