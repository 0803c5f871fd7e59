/**
 * Changing a column's type after import. The stored column is never changed: a new column is
 * built, and the caller stores it in a child dataset (lineage), so the change can be undone by
 * going back to the parent.
 */
import { usesDictionary, type Column, type ColumnKind } from '../shared/column';
import { createColumnBuilder, type ParseFailures } from './column-builder';
import { formatCell } from './format-cell';
import { inferDateOrder } from './values';

export interface Retyped {
  column: Column;
  /** values present before that could not be read as the new type, now missing */
  failures: ParseFailures | null;
}

const isFloat = (kind: ColumnKind) => kind === 'numeric' || kind === 'datetime';

/**
 * The column as another kind. Numbers and dates keep their value (a date is its epoch
 * milliseconds), booleans become 0/1 as numbers, labels keep their codes between label kinds;
 * everything else goes through the value's text, so '3.5' as a label becomes the number 3.5.
 * Example: retypeColumn(labels ['1', 'x'], 2, 'numeric') → [1, missing], failures.count 1.
 */
export function retypeColumn(column: Column, rowCount: number, to: ColumnKind): Retyped {
  const from = column.kind;
  const valid = column.valid.slice(0, (rowCount + 7) >> 3);
  if (from === to || (isFloat(from) && isFloat(to))) {
    return { column: { name: column.name, kind: to, values: column.values.slice(0, rowCount), valid }, failures: null };
  }
  if (usesDictionary(from) && usesDictionary(to)) {
    return { column: { name: column.name, kind: to, values: column.values.slice(0, rowCount), valid, dictionary: [...column.dictionary!] }, failures: null };
  }
  if (from === 'boolean' && to === 'numeric') {
    return { column: { name: column.name, kind: to, values: Float64Array.from(column.values.subarray(0, rowCount)), valid }, failures: null };
  }
  const texts = Array.from({ length: rowCount }, (_, row) => formatCell(column, row));
  const dateOrder = to === 'datetime' ? inferDateOrder(texts.filter((t) => t !== '').slice(0, 1000)) : undefined;
  // A label's text is read as written, so a decimal comma in labels is not guessed here.
  const builder = createColumnBuilder(column.name, to, { decimalComma: false, dateOrder });
  for (const text of texts) builder.push(text);
  return { column: builder.finish(), failures: builder.failures };
}
