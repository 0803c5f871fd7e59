/** Relabelling a row from Evaluate: the project's recipe with one more label edit, as Prepare stores it. */
import { normalizeRecipe, type Recipe } from '../prepare/recipe';
import { newId } from '../shared/ids';

export interface LabelEdit {
  /** the dataset row */
  row: number;
  /** the target column */
  column: string;
  value: string;
}

/**
 * The stored recipe (JSON, or undefined when Prepare was never edited) with `edit` in its edit
 * step, which is added first when there is none; an earlier edit of the same cell is replaced.
 * `seed` must be the project's, as training uses: a recipe made here from nothing then splits
 * the rows exactly as the runs being evaluated were split.
 */
export function relabelledRecipe(stored: unknown, seed: number, classification: boolean, edit: LabelEdit): Recipe {
  const recipe = normalizeRecipe(stored, seed, classification);
  let step = recipe.steps.find((s) => s.kind === 'edit-cells');
  if (!step) recipe.steps.unshift((step = { id: newId(), kind: 'edit-cells', enabled: true, params: { edits: [], bulk: [] } }));
  const params = step.params as { edits: LabelEdit[] };
  params.edits = [...(Array.isArray(params.edits) ? params.edits : []).filter((e) => !(e.row === edit.row && e.column === edit.column)), edit];
  return recipe;
}
