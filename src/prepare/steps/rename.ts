import * as v from 'valibot';
import { findView, requireView } from '../frame-view';
import { StepProblem } from '../step-problem';
import { defineViewStep } from '../step';
import { columnName } from './params';

export const rename = defineViewStep({
  kind: 'rename',
  title: 'Rename a column',
  explain: 'Gives a column a clearer name; the values do not change.',
  removesRows: false,
  params: v.object({ column: columnName, to: v.pipe(v.string(), v.trim(), v.minLength(1, 'Write the new name.')) }),
  columnsOf: (p) => [p.to],
  describe: (p) => `Rename "${p.column}" to "${p.to}"`,
  learnedLines: () => [],
  fit: (p, train) => {
    requireView(train, p.column);
    if (p.to !== p.column && findView(train, p.to)) throw new StepProblem(`There is already a column "${p.to}".`);
    // Looplab tells "Price" from "price"; a learner reading a list, and tools that ignore case, do not.
    const twin = train.columns.find(({ column: c }) => c.name !== p.column && c.name.toLowerCase() === p.to.toLowerCase());
    if (twin) {
      throw new StepProblem(
        `There is already a column "${twin.column.name}", which differs from "${p.to}" only in capital letters: the two would be easy to confuse, and tools that ignore case (SQL, spreadsheets) would read them as one column. Choose another name.`,
      );
    }
    return {};
  },
  // The values and their row list stay shared; only the name is new.
  transform: (p, _learned, frame) => ({ ...frame, columns: frame.columns.map((c) => (c.column.name === p.column ? { ...c, column: { ...c.column, name: p.to } } : c)) }),
});
