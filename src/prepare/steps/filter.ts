import * as v from 'valibot';
import { conditionSchema, describeCondition, matchRows } from '../condition';
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
  fit: (p, train) => {
    const match = matchRows(train, p.condition);
    if (train.table.rowCount > 0 && !match.includes(1)) throw new StepProblem(`No training row has ${describeCondition(p.condition)}: the filter would remove them all.`);
    return {};
  },
  transform: (p, _learned, frame, mode) => {
    const match = matchRows(frame, p.condition);
    const drop = match.map((m) => 1 - m);
    return dropOrFlag(frame, drop, mode);
  },
});
