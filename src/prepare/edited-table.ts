/**
 * The dataset as the recipe's edit step ("Edit values and labels") leaves it: what the split
 * reads, so that it stratifies by the labels the learner set (a relabel that merges class c into
 * b balances the merged b across the parts) and the split panel lists those labels, not the
 * imported ones. The edit step always comes first (step-order.ts), so this is the very table the
 * pipeline's first step produces; the step is applied through its public definition.
 */
import type { Table } from '../shared/column';
import { datasetFrame } from './frame';
import { parseStep } from './fitted';
import type { FitContext, StepSpec } from './step';
import { StepProblem } from './step-problem';
import { stepDef } from './steps';

/**
 * `table` with the edit step applied, when it is the first step that is on; else `table` itself.
 * An edit step that cannot apply leaves `table` as imported: the pipeline names the problem when
 * it fits the step on the training rows.
 */
export function editedTable(table: Table, steps: readonly StepSpec[], context?: FitContext): Table {
  const first = steps.find((s) => s.enabled);
  if (first?.kind !== 'edit-cells') return table;
  const parsed = parseStep(first);
  const def = stepDef('edit-cells');
  if (!parsed.ok || !def) return table;
  const frame = datasetFrame(table);
  try {
    const learned = def.fit(parsed.params, frame, context);
    return def.transform(parsed.params, learned, frame, 'apply').table;
  } catch (e) {
    if (e instanceof StepProblem) return table;
    throw e;
  }
}
