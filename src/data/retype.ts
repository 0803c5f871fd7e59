/**
 * Changing a column's type after import. The stored column is never changed: a new column is
 * built, and the caller stores it in a child dataset (lineage), so the change can be undone by
 * going back to the parent.
 */
import { usesDictionary, type Column, type ColumnKind } from '../shared/column';
import { createColumnBuilder, type ParseFailures } from './column-builder';
import { formatCell } from './format-cell';
import { orderWords, otherOrderWords } from './words';
import { isMissingToken, readDateOrder, type DateOrder } from './values';

export interface Retyped {
  column: Column;
  /** values present before that could not be read as the new type, now missing */
  failures: ParseFailures | null;
  /** a sentence for the user when dates were read in an order their values do not prove, else null */
  note: string | null;
  /** retyped to dates: the order year-last dates were read in, and whether it was assumed (no value proved it) */
  dates?: { order: DateOrder; assumed: boolean };
}

export interface RetypeOptions {
  /** the order year-last dates read in when the column's own values read either way (the order its file's dates were imported in) */
  dateOrder?: DateOrder;
  /** the column `dateOrder` is known from, named in the note when it is another one */
  dateOrderFrom?: string;
}

/** At most this many texts are searched for a date that proves the order: a label column's distinct values, else its cells. */
const ORDER_SAMPLES = 100_000;

const isFloat = (kind: ColumnKind) => kind === 'numeric' || kind === 'datetime';

/**
 * The column as another kind. Numbers and dates keep their value (a date is its epoch
 * milliseconds), booleans become 0/1 as numbers, labels keep their codes between label kinds;
 * everything else goes through the value's text, so '3.5' as a label becomes the number 3.5.
 * Example: retypeColumn(labels ['1', 'x'], 2, 'numeric') → [1, missing], failures.count 1.
 */
export function retypeColumn(column: Column, rowCount: number, to: ColumnKind, options: RetypeOptions = {}): Retyped {
  const from = column.kind;
  const valid = column.valid.slice(0, (rowCount + 7) >> 3);
  if (from === to || (isFloat(from) && isFloat(to))) {
    return { column: { name: column.name, kind: to, values: column.values.slice(0, rowCount), valid }, failures: null, note: null };
  }
  if (usesDictionary(from) && usesDictionary(to)) {
    return { column: { name: column.name, kind: to, values: column.values.slice(0, rowCount), valid, dictionary: [...column.dictionary!] }, failures: null, note: null };
  }
  if (from === 'boolean' && to === 'numeric') {
    return { column: { name: column.name, kind: to, values: Float64Array.from(column.values.subarray(0, rowCount)), valid }, failures: null, note: null };
  }
  const texts = Array.from({ length: rowCount }, (_, row) => formatCell(column, row));
  const dates = to === 'datetime' ? dateOrderFor(column, texts, options) : null;
  // A label's text is read as written, so a decimal comma in labels is not guessed here.
  const builder = createColumnBuilder(column.name, to, { decimalComma: false, dateOrder: dates?.order });
  for (const text of texts) builder.push(text);
  return { column: builder.finish(), failures: builder.failures, note: dates?.note ?? null, ...(dates ? { dates: { order: dates.order, assumed: dates.note !== null } } : {}) };
}

/**
 * The order a column's texts are read as dates in: the one any of its values proves (a label
 * column's distinct values are all looked at), else `known`, else day/month; with a note when
 * the order was not proven.
 */
function dateOrderFor(column: Column, texts: readonly string[], options: RetypeOptions): { order: DateOrder; note: string | null } {
  const candidates = (column.dictionary ?? texts).filter((t) => !isMissingToken(t)).slice(0, ORDER_SAMPLES);
  const reading = readDateOrder(candidates);
  if (!reading.assumed) return { order: reading.order, note: null };
  const known = options.dateOrder && options.dateOrder !== 'ymd' ? options.dateOrder : undefined;
  const order = known ?? reading.order;
  const as = known && options.dateOrderFrom && options.dateOrderFrom !== column.name ? `, as in "${options.dateOrderFrom}"` : '';
  return { order, note: `Column "${column.name}": dates read as ${orderWords(order)}${as}; every day is 12 or less, so ${otherOrderWords(order)} is possible too.` };
}
