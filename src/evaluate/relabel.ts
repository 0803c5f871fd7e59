/** Relabelling a row from Evaluate: the project's recipe with one more label edit, as Prepare stores it. */
import { normalizeRecipe, type Recipe } from '../prepare/recipe';
import { appendChange, madeOn } from '../prepare/steps/edit-cells';
import { EDITS_SWITCHED_ON } from '../prepare/steps/edit-notes';
import type { DatasetRow } from '../storage/rows';

type Dataset = Pick<DatasetRow, 'id' | 'name' | 'rowCount' | 'rowRuns'>;

export interface LabelEdit {
  /** the dataset row */
  row: number;
  /** the key of the row's run in the run's dataset (madeOn): the edit keeps to that very row */
  rowKey?: string;
  /** the target column */
  column: string;
  value: string;
}

/**
 * The stored recipe (JSON, or undefined when Prepare was never edited) with `edit` last in its
 * edit step, which is added first when there is none, and switched back on when it was off (an
 * edit stored in a step that is off would never apply): `notice` then says so. An earlier edit
 * of the same cell is replaced (see withChange). `seed` must be the project's, as training uses:
 * a recipe made here from nothing then splits the rows exactly as the runs being evaluated were split.
 */
export function relabelled(stored: unknown, seed: number, classification: boolean, edit: LabelEdit): { recipe: Recipe; notice: string | null } {
  const recipe = normalizeRecipe(stored, seed, classification);
  const wasOff = appendChange(recipe, { row: edit.row, column: edit.column, value: edit.value, ...(edit.rowKey === undefined ? {} : { rowKey: edit.rowKey }) });
  return { recipe, notice: wasOff ? EDITS_SWITCHED_ON : null };
}

/** Said after every relabel from Evaluate: the page's figures are the run's, and stay so. */
export const RELABELLED_NOTE = 'Relabelled in Prepare. The figures on this page stay those of this run, which was trained and scored on the old label: train a new run to see what the new one changes.';

/** Why a row of a run whose dataset was deleted cannot be relabelled. */
export const DATASET_GONE = 'The dataset this run was trained on has been deleted, so its rows can no longer be relabelled.';

/**
 * Said when the project's chosen dataset (Prepare's) does not hold the relabelled row: the edit is
 * kept, and applies once the run's dataset is chosen again. Null when it does hold it.
 */
export function notHeldNote(edit: LabelEdit, runDataset: Dataset, active: Dataset): string | null {
  if (edit.rowKey === undefined || madeOn(active, edit.row).rowKey === edit.rowKey) return null;
  return `The project's chosen dataset is now “${active.name}”, which does not hold this row: the edit applies once “${runDataset.name}” is chosen again on the Data page.`;
}

/** relabelled's recipe alone. */
export function relabelledRecipe(stored: unknown, seed: number, classification: boolean, edit: LabelEdit): Recipe {
  return relabelled(stored, seed, classification, edit).recipe;
}
