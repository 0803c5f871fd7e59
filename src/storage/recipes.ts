/** The recipes table: one Prepare recipe per project, versioned on every save. */
import { UserFacingError } from '../shared/errors';
import { newId } from '../shared/ids';
import { write } from './database';
import { mustGetProject } from './projects';
import type { RecipeRow } from './rows';
import type { LooplabDB } from './schema';

/** Earlier versions kept per recipe; older ones are dropped (runs keep the fitted pipeline they used). */
export const RECIPE_HISTORY = 100;

/** A save refused because the recipe it was based on is no longer the current version (another tab saved since). */
export class RecipeChangedElsewhere extends UserFacingError {
  /** the current version, as stored */
  readonly current: number;
  constructor(current: number) {
    super('The recipe was changed in another tab since this page read it, so this change was not saved.');
    this.current = current;
  }
}

export async function getRecipe(db: LooplabDB, projectId: string): Promise<RecipeRow | undefined> {
  return db.recipes.where('projectId').equals(projectId).first();
}

/**
 * Save a new version of the project's recipe; the previous one moves into the history.
 * `basedOn` is the version the change was made to (0: there was no recipe yet): when the stored
 * current version is another one, nothing is written and RecipeChangedElsewhere is thrown, so one
 * tab never silently replaces what another saved. Returns the row as stored.
 */
export async function saveRecipe(db: LooplabDB, projectId: string, datasetId: string | null, recipe: unknown, basedOn: number, now = Date.now()): Promise<RecipeRow> {
  return write(db, [db.recipes, db.projects], async () => {
    await mustGetProject(db, projectId);
    const old = await getRecipe(db, projectId);
    const current = old?.version ?? 0;
    if (current !== basedOn) throw new RecipeChangedElsewhere(current);
    const history = old ? [...old.history, { version: old.version, savedAt: old.updatedAt, recipe: old.recipe }].slice(-RECIPE_HISTORY) : [];
    const row: RecipeRow = { id: old?.id ?? newId(), projectId, datasetId, version: current + 1, updatedAt: now, recipe, history };
    await db.recipes.put(row);
    await db.projects.update(projectId, { updatedAt: now });
    return row;
  });
}
