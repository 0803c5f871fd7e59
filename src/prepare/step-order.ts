/**
 * Where a step may move in the pipeline. The edit step ("Edit values and labels") stays first: its
 * edits are values as imported, and written below, say, a scaling step they would put raw values
 * into a scaled column.
 */
import type { StepSpec } from './step';

export const EDITS_STAY_FIRST = 'The “Edit values and labels” step stays first: its edits are to the data as imported, so no step may come before it.';

/** Why the step at `at` may not move by one place (-1 up, 1 down), or null when it may (or there is no place to go). */
export function moveProblem(steps: readonly Pick<StepSpec, 'kind'>[], at: number, by: -1 | 1): string | null {
  const moving = steps[at];
  const other = steps[at + by];
  if (!moving || !other) return null;
  // The two swap: the one that goes down must not be the edit step.
  const goesDown = by === 1 ? moving : other;
  return goesDown.kind === 'edit-cells' ? EDITS_STAY_FIRST : null;
}
