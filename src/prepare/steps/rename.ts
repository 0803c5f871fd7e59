import * as v from 'valibot';
import { findColumn, requireColumn } from '../frame';
import { StepProblem } from '../step-problem';
import { defineStep } from '../step';
import { columnName } from './params';

export const rename = defineStep({
  kind: 'rename',
  title: 'Rename a column',
  explain: 'Gives a column a clearer name; the values do not change.',
  removesRows: false,
  params: v.object({ column: columnName, to: v.pipe(v.string(), v.trim(), v.minLength(1, 'Write the new name.')) }),
  columnsOf: (p) => [p.to],
  describe: (p) => `Rename "${p.column}" to "${p.to}"`,
  fit: (p, train) => {
    requireColumn(train, p.column);
    if (p.to !== p.column && findColumn(train, p.to)) throw new StepProblem(`There is already a column "${p.to}".`);
    return {};
  },
  transform: (p, _learned, frame) => ({
    ...frame,
    table: { rowCount: frame.table.rowCount, columns: frame.table.columns.map((c) => (c.name === p.column ? { ...c, name: p.to } : c)) },
  }),
});
