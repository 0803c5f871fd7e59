import * as v from 'valibot';
import { compileExpression, evaluateExpression } from '../expression';
import type { Column, Table } from '../../shared/column';
import { findColumn, withColumns, type Frame } from '../frame';
import { StepProblem } from '../step-problem';
import { defineStep } from '../step';

const kinds = (frame: Frame) => new Map(frame.table.columns.map((c) => [c.name, c.kind]));

/**
 * The column fit computed on the training rows, reused by the transform that follows it on the
 * same table, so fitting does not evaluate the formula twice. Weak: it goes with the table.
 */
const evaluatedInFit = new WeakMap<Table, { key: string; column: Column }>();

export const derive = defineStep({
  kind: 'derive',
  title: 'Derived column',
  explain: 'Adds a column computed from others with a small formula, such as price / area or log(income + 1). Functions: log, exp, sqrt, abs, round, min, max, if, is_missing.',
  removesRows: false,
  params: v.object({ name: v.pipe(v.string(), v.trim(), v.minLength(1, 'Name the new column.')), expression: v.string() }),
  columnsOf: (p) => [p.name],
  describe: (p) => `${p.name} = ${p.expression}`,
  fit: (p, train) => {
    if (findColumn(train, p.name)) throw new StepProblem(`There is already a column "${p.name}".`);
    // Evaluated once on the training rows so a division by zero is reported here, in the form.
    const column = evaluateExpression(compileExpression(p.expression, kinds(train)), train.table, p.name, { onDivideByZero: 'fail' });
    evaluatedInFit.set(train.table, { key: `${p.name}\n${p.expression}`, column });
    return {};
  },
  transform: (p, _learned, frame) => {
    const cached = evaluatedInFit.get(frame.table);
    if (cached?.key === `${p.name}\n${p.expression}`) return withColumns(frame, [], [cached.column]);
    const column = evaluateExpression(compileExpression(p.expression, kinds(frame)), frame.table, p.name, { onDivideByZero: 'missing' });
    return withColumns(frame, [], [column]);
  },
});
