import * as v from 'valibot';
import { isValid } from '../../shared/column';
import { dropOrFlag, requireColumn, withColumns } from '../frame';
import { fillMissing } from '../fill';
import { StepProblem } from '../step-problem';
import { defineStep } from '../step';
import { learnFill } from './impute';
import { columnList, listNames } from './params';

export const dropMissing = defineStep({
  kind: 'drop-missing',
  title: 'Drop rows with missing values',
  explain: 'Removes training rows missing a value in the chosen columns. Rows to predict are never dropped: their gaps are filled with the training median or most frequent value, and flagged.',
  removesRows: true,
  params: v.object({ columns: columnList }),
  columnsOf: (p) => p.columns,
  describe: (p) => `Drop rows missing ${listNames(p.columns)}`,
  fit: (p, train) => {
    const n = train.table.rowCount;
    const columns = p.columns.map((name) => requireColumn(train, name));
    let kept = 0;
    for (let i = 0; i < n; i++) if (columns.every((c) => isValid(c.valid, i))) kept++;
    if (n > 0 && kept === 0) throw new StepProblem(`Every training row misses a value in ${listNames(p.columns)}: this would remove them all. Fill the gaps instead.`);
    // Learned only for rows that are never dropped (apply mode).
    const fills = columns.map((c) => learnFill(c, n, c.kind === 'numeric' || c.kind === 'datetime' ? 'median' : 'most-frequent'));
    return { fills };
  },
  transform: (p, learned, frame, mode) => {
    const n = frame.table.rowCount;
    const columns = p.columns.map((name) => requireColumn(frame, name));
    const drop = new Uint8Array(n);
    for (let i = 0; i < n; i++) if (!columns.every((c) => isValid(c.valid, i))) drop[i] = 1;
    const marked = dropOrFlag(frame, drop, mode);
    if (mode === 'train') return marked;
    return withColumns(marked, columns.map((c, i) => fillMissing(c, n, learned.fills[i]!)));
  },
});
