/**
 * What a fitted step did to the target, where that is rarely meant and would make Evaluate's
 * scores mislead: said beside the step. Decided by the step's kind and the columns its params
 * name (each step's `column` or `columns`), the target's presence before and after it.
 */
import { compileExpression } from './expression';
import { findView, viewAllPresent, type FrameView } from './frame-view';
import { StepProblem } from './step-problem';

/** Steps that remove rows and leave every value they keep as it was. */
const KEEP_VALUES = new Set(['drop-missing', 'dedupe', 'filter']);
/** Steps meant for the target: relabelling, and a change of type (labels read as the same labels). */
const MEANT = new Set(['edit-cells', 'cast']);

export function targetNote(kind: string, params: unknown, target: string | null, before: FrameView, after: FrameView): string | null {
  const was = target ? findView(before, target) : undefined;
  if (!target || !was) return null;
  if (kind === 'derive') return readsTarget(params as { expression: string }, target, before) ? derivedFromTarget(target) : null;
  if (!findView(after, target)) {
    return kind === 'rename'
      ? `This step renames the target "${target}": training looks for it by the name Plan gives. Name the new one as the target in Plan, or leave the target out of this step.`
      : `This step removes the target "${target}", which training needs. Leave it out of this step.`;
  }
  const p = params as { columns?: unknown; column?: unknown; action?: unknown };
  const named = Array.isArray(p.columns) ? p.columns.includes(target) : p.column === target;
  if (!named || MEANT.has(kind) || KEEP_VALUES.has(kind) || (kind === 'outliers' && p.action === 'remove')) return null;
  if (kind === 'impute') {
    if (viewAllPresent(was, before.rowCount)) return null;
    return `This step fills missing values of the target "${target}": those training rows get labels the data never gave them, and the model learns them as true. Drop the rows missing the target instead ("Drop rows with missing values").`;
  }
  return `This step changes the target "${target}" itself: the model learns, and Evaluate scores it, on the changed values, not the imported ones, so errors are in their units. Leave the target out of this step unless that is meant.`;
}

function readsTarget(params: { expression: string }, target: string, before: FrameView): boolean {
  try {
    return compileExpression(params.expression, new Map(before.columns.map((c) => [c.column.name, c.column.kind]))).columns.includes(target);
  } catch (e) {
    // The step was fitted, so its formula compiles; should it not, there is nothing to say here.
    if (e instanceof StepProblem) return false;
    throw e;
  }
}

const derivedFromTarget = (target: string) =>
  `The formula reads the target "${target}": the new column hands the model the answer, which rows to predict do not have, so its scores would be too good to trust. Compute it from other columns.`;
