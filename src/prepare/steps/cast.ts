import * as v from 'valibot';
import { retypeColumn } from '../../data/retype';
import { COLUMN_KINDS } from '../../shared/column';
import { requireColumn, withColumns } from '../frame';
import { defineStep } from '../step';
import { columnName } from './params';

export const cast = defineStep({
  kind: 'cast',
  title: 'Change a column’s type',
  explain: 'Reads a column as another type, for example codes stored as numbers that are really categories; values that cannot be read become missing.',
  removesRows: false,
  params: v.object({ column: columnName, to: v.picklist(COLUMN_KINDS) }),
  columnsOf: (p) => [p.column],
  describe: (p) => `Read "${p.column}" as ${p.to}`,
  fit: (p, train) => {
    requireColumn(train, p.column);
    return {};
  },
  transform: (p, _learned, frame) => withColumns(frame, [retypeColumn(requireColumn(frame, p.column), frame.table.rowCount, p.to).column]),
});
