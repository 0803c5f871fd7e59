/**
 * The plan's candidate features against what reaches the model. Plan lists the candidates, but
 * the model trains on every column the pipeline leaves; Prepare is where columns are chosen, so
 * it names the columns the plan left out and offers the step that drops them.
 */
import { listQuoted } from '../data/words';

/**
 * The dataset's columns, in its order, that the plan leaves out of its candidate features and the
 * pipeline still hands the model (`prepared`: the column names after every step; null before the
 * first report, read as the dataset's). None when the plan lists no candidates: then it left
 * the choice to Prepare. The target is never one.
 */
export function columnsBeyondPlan(candidates: readonly string[], dataset: readonly string[], prepared: readonly string[] | null, target: string | null): string[] {
  if (candidates.length === 0) return [];
  const chosen = new Set(candidates);
  const left = prepared ? new Set(prepared) : null;
  return dataset.filter((name) => name !== target && !chosen.has(name) && (!left || left.has(name)));
}

/** What the Prepare page says of those columns, beside the button that drops them. */
export function beyondPlanText(names: readonly string[]): string {
  const one = names.length === 1;
  return `The plan’s candidate features leave out ${one ? 'a column' : `${names.length} columns`} that still ${one ? 'reaches' : 'reach'} the model: ${listQuoted(names)}.`;
}
