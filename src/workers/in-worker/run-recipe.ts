/**
 * The recipe a stored run was trained with, for the jobs that split and refit as its training did
 * (cross-validation, importance). Runs keep it themselves now; older ones are found by the
 * version they name, in the recipe's history.
 */
import { defaultRecipe, normalizeRecipe, type Recipe } from '../../prepare/recipe';
import { RECIPE_HISTORY } from '../../storage/recipes';
import type { RecipeRow, RunRow } from '../../storage/rows';

/** `note`: why the recipe is not the run's own, when it cannot be found; null when it is. */
export function recipeOfRun(run: Pick<RunRow, 'recipe' | 'recipeVersion' | 'task'>, recipeRow: RecipeRow | undefined, seed: number): { recipe: Recipe; note: string | null } {
  const classification = run.task === 'classification';
  if (run.recipe !== undefined) return { recipe: normalizeRecipe(run.recipe, seed, classification), note: null };
  if (run.recipeVersion === 0) {
    // Trained before the recipe was first saved: on the default recipe, as training read it then,
    // when a stratified split was still shuffled (runs since keep their recipe).
    const recipe = defaultRecipe(seed, classification);
    return { recipe: { ...recipe, split: { ...recipe.split, dealing: 'shuffled' } }, note: null };
  }
  const stored = recipeRow?.version === run.recipeVersion ? recipeRow.recipe : recipeRow?.history.find((h) => h.version === run.recipeVersion)?.recipe;
  if (stored !== undefined) return { recipe: normalizeRecipe(stored, seed, classification), note: null };
  const note = recipeRow
    ? `The recipe version this run was trained with (${run.recipeVersion}) is no longer kept (only the last ${RECIPE_HISTORY} versions are), so the current one (${recipeRow.version}) was used: its split and labels may differ from the run's.`
    : null;
  return { recipe: normalizeRecipe(recipeRow?.recipe, seed, classification), note };
}
