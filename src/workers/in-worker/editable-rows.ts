/** The Labels table's rows: a page of the dataset's rows with the recipe's edit steps applied, and nothing else. */
import { formatCell } from '../../data/format-cell';
import { datasetFrame, takeColumnRows, type Frame } from '../../prepare/frame';
import { applyPipeline } from '../../prepare/pipeline';
import type { Recipe } from '../../prepare/recipe';
import type { FitContext } from '../../prepare/step';
import { StepProblem } from '../../prepare/step-problem';
import { editsLearned } from '../../prepare/steps/edit-cells';
import type { Table } from '../../shared/column';
import type { EditableRows } from '../prepare-protocol';

/**
 * Rows [start, start + count) of `table`, as the recipe's edit steps leave them (the dataset's own
 * rows and columns). An edit the data cannot hold (a value a retyped column cannot read) shows the
 * rows as imported, with why: the pipeline names the step.
 */
export function editableRows(table: Table, recipe: Recipe, start: number, count: number, context?: FitContext): EditableRows {
  const names = table.columns.map((c) => c.name);
  const edits = recipe.steps.filter((s) => s.kind === 'edit-cells' && s.enabled);
  // Learned without a fit over every row: which edits are left out on this dataset.
  const fitted = { format: 1 as const, steps: edits.map((s) => ({ id: s.id, kind: s.kind, params: s.params, learned: editsLearned(s.params, context, names) })) };
  const end = Math.min(table.rowCount, start + count);
  const rowIds = Uint32Array.from({ length: Math.max(0, end - start) }, (_, i) => start + i);
  const slice: Frame = { ...datasetFrame(table), rowIds, table: { rowCount: rowIds.length, columns: table.columns.map((c) => takeColumnRows(c, rowIds, table.rowCount)) }, flagged: new Uint8Array(rowIds.length) };
  let [frame, problem] = [slice, undefined as string | undefined];
  try {
    frame = applyPipeline(fitted, slice);
  } catch (e) {
    if (!(e instanceof StepProblem)) throw e;
    problem = e.message;
  }
  return {
    rowCount: table.rowCount,
    columns: table.columns.map((c) => ({ name: c.name, kind: c.kind })),
    rows: Array.from(rowIds, (row, i) => ({ row, cells: frame.table.columns.map((c) => formatCell(c, i)) })),
    ...(problem === undefined ? {} : { problem }),
  };
}
