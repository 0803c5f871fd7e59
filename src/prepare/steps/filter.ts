import * as v from 'valibot';
import { comparesWithValue, conditionSchema, describeCondition, matchRows } from '../condition';
import { dropOrFlag } from '../frame';
import { StepProblem } from '../step-problem';
import { defineStep } from '../step';

export const filter = defineStep({
  kind: 'filter',
  title: 'Filter rows',
  explain: 'Keeps only the training rows that meet a condition, for example age ≥ 18. Rows to predict that fail it are flagged, not dropped.',
  removesRows: true,
  params: v.object({ condition: conditionSchema }),
  columnsOf: (p) => [p.condition.column],
  describe: (p) => `Keep rows where ${describeCondition(p.condition)}`,
  learnedLines: () => [],
  fit: (p, train) => {
    const match = matchRows(train, p.condition);
    if (train.table.rowCount > 0 && !match.includes(1)) {
      const empty = comparesWithValue(p.condition.op) && p.condition.value === '' ? ' The value to compare with is empty: to keep the rows with no value, use "is missing".' : '';
      throw new StepProblem(`No training row has ${describeCondition(p.condition)}: the filter would remove them all.${empty}`);
    }
    return {};
  },
  transform: (p, _learned, frame, mode) => {
    const match = matchRows(frame, p.condition);
    const drop = match.map((m) => 1 - m);
    return dropOrFlag(frame, drop, mode);
  },
});
