import * as v from 'valibot';
import { requireView } from '../frame-view';
import { defineViewStep } from '../step';
import { columnList, listNames } from './params';

export const dropColumns = defineViewStep({
  kind: 'drop-columns',
  title: 'Drop columns',
  explain: 'Removes columns the model should not see, such as identifiers or columns that leak the answer.',
  removesRows: false,
  params: v.object({ columns: columnList }),
  columnsOf: (p) => p.columns,
  describe: (p) => `Drop ${listNames(p.columns)}`,
  learnedLines: () => [],
  fit: (p, train) => {
    for (const name of p.columns) requireView(train, name);
    return {};
  },
  transform: (p, _learned, frame) => {
    const names = new Set(p.columns);
    return { ...frame, columns: frame.columns.filter((c) => !names.has(c.column.name)) };
  },
});
