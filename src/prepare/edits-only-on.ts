/**
 * The cell edits that deleting a dataset would strand: those made on rows that no other dataset
 * of the project holds (a retype or an append of it keeps them). They would stay in the recipe,
 * applying nowhere, so the Data page says how many before the dataset is deleted.
 */
import { rowRunsOf, type Runs } from '../shared/row-runs';
import { normalizeRecipe } from './recipe';
import { editedRowKeys } from './steps/edit-cells';

/** How many of the stored recipe's cell edits only `dataset`'s rows hold, `others` being the project's other datasets. */
export function editsOnlyOn(storedRecipe: unknown, dataset: Runs, others: readonly Runs[]): number {
  const keys = (d: Runs) => rowRunsOf(d).map((r) => r.key);
  const held = new Set(keys(dataset));
  const elsewhere = new Set(others.filter((d) => d.id !== dataset.id).flatMap(keys));
  // The seed and task only fill in defaults of the split; the steps are read as stored.
  const steps = normalizeRecipe(storedRecipe, 1, false).steps.filter((s) => s.kind === 'edit-cells');
  return steps.flatMap((s) => editedRowKeys(s.params)).filter((key) => held.has(key) && !elsewhere.has(key)).length;
}
