import * as v from 'valibot';
import { requireColumn, withoutColumns } from '../frame';
import { defineStep } from '../step';
import { columnList, listNames } from './params';

export const dropColumns = defineStep({
  kind: 'drop-columns',
  title: 'Drop columns',
  explain: 'Removes columns the model should not see, such as identifiers or columns that leak the answer.',
  removesRows: false,
  params: v.object({ columns: columnList }),
  columnsOf: (p) => p.columns,
  describe: (p) => `Drop ${listNames(p.columns)}`,
  fit: (p, train) => {
    for (const name of p.columns) requireColumn(train, name);
    return {};
  },
  transform: (p, _learned, frame) => withoutColumns(frame, new Set(p.columns)),
});
