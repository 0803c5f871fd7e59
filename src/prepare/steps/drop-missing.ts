import * as v from 'valibot';
import { isValid } from '../../shared/column';
import { dropOrFlag, requireColumn, withColumns } from '../frame';
import { fillMissing, type FillValue } from '../fill';
import { StepProblem } from '../step-problem';
import { defineStep } from '../step';
import { learnFillView } from './impute';
import { columnList, listNames } from './params';

export const dropMissing = defineStep({
  kind: 'drop-missing',
  title: 'Drop rows with missing values',
  explain: 'Removes training rows missing a value in the chosen columns. Rows to predict are never dropped: their gaps are filled with the training median or most frequent value, and flagged.',
  removesRows: true,
  params: v.object({ columns: columnList }),
  columnsOf: (p) => p.columns,
  describe: (p) => `Drop rows missing ${listNames(p.columns)}`,
  learnedLines: (p, learned: { fills: FillValue[] }, show) =>
    p.columns.map((column, i) => ({ column, learned: `training rows missing it are dropped; rows to predict get ${show(column, learned.fills[i]!)}, the kept training rows’ ${typeof learned.fills[i] === 'number' ? 'median' : 'most frequent value'}` })),
  fit: (p, train) => {
    const n = train.table.rowCount;
    const columns = p.columns.map((name) => requireColumn(train, name));
    const keptRows: number[] = [];
    for (let i = 0; i < n; i++) if (columns.every((c) => isValid(c.valid, i))) keptRows.push(i);
    const kept = Uint32Array.from(keptRows);
    if (n > 0 && kept.length === 0) throw new StepProblem(`Every training row misses a value in ${listNames(p.columns)}: this would remove them all. Fill the gaps instead.`);
    // For rows that are never dropped (apply mode), from the training rows this step keeps: the ones the model learns from.
    const fills = columns.map((c) => learnFillView({ column: c, length: n, rows: kept, affine: null }, kept.length, c.kind === 'numeric' || c.kind === 'datetime' ? 'median' : 'most-frequent', ''));
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
