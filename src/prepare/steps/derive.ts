import * as v from 'valibot';
import { compileExpression } from '../expression';
import { evaluateViewExpression } from '../expression-evaluate';
import { countMissing, type Column } from '../../shared/column';
import { columnView, findView, withViews, type FrameView } from '../frame-view';
import { StepProblem } from '../step-problem';
import { defineViewStep } from '../step';

const kinds = (frame: FrameView) => new Map(frame.columns.map((c) => [c.column.name, c.column.kind]));

/**
 * The column fit computed on the training rows, reused by the transform that follows it on the
 * same frame, so fitting does not evaluate the formula twice. Weak: it goes with the frame.
 */
const evaluatedInFit = new WeakMap<FrameView, { key: string; column: Column }>();

export const derive = defineViewStep({
  kind: 'derive',
  title: 'Derived column',
  explain: 'Adds a column computed from others with a small formula, such as price / area or log(income + 1). Functions: log, exp, sqrt, abs, round, min, max, if, is_missing; year, month, day, weekday (1 Monday … 7 Sunday) and hour of a date.',
  removesRows: false,
  params: v.object({ name: v.pipe(v.string(), v.trim(), v.minLength(1, 'Name the new column.')), expression: v.string() }),
  columnsOf: (p) => [p.name],
  describe: (p) => `${p.name} = ${p.expression}`,
  learnedLines: () => [],
  // Annotated: learned states stored before `missing` was recorded lack it.
  note: (p, learned: { missing?: number; rows?: number }) =>
    learned.missing
      ? `${learned.missing.toLocaleString('en')} of ${learned.rows!.toLocaleString('en')} training rows have no value for "${p.name}": an input was missing there, or the formula gave no number (the log or square root of a negative, an overflow).`
      : null,
  fit: (p, train) => {
    if (findView(train, p.name)) throw new StepProblem(`There is already a column "${p.name}".`);
    // Evaluated once on the training rows so a division by zero is reported here, in the form.
    const column = evaluateViewExpression(compileExpression(p.expression, kinds(train)), train.rowCount, train.columns, p.name, { onDivideByZero: 'fail', rowIds: train.rowIds });
    evaluatedInFit.set(train, { key: `${p.name}\n${p.expression}`, column });
    const missing = countMissing(column.valid, train.rowCount);
    return missing ? { missing, rows: train.rowCount } : {};
  },
  transform: (p, _learned, frame) => {
    const cached = evaluatedInFit.get(frame);
    const n = frame.rowCount;
    if (cached?.key === `${p.name}\n${p.expression}`) return withViews(frame, [], [columnView(cached.column, n)]);
    const column = evaluateViewExpression(compileExpression(p.expression, kinds(frame)), n, frame.columns, p.name, { onDivideByZero: 'missing' });
    return withViews(frame, [], [columnView(column, n)]);
  },
});
