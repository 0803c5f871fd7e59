/**
 * A date typed into Prepare (a cell edit, a condition's value), read as the import reads dates:
 * UTC, and a year-last date ('05/03/2024') in the column's day/month order.
 *
 * A step sees a date column only as epoch milliseconds, not as the file wrote it, so the order
 * comes with the edit: Prepare records the order the dataset's import source gives for the column
 * (knownDateOrder) when the edit is made. A typed date that reads one way only ('25/12/2023') is
 * read that way, as an appended file's dates are; with no order recorded (an older edit or filter
 * step, a column made a date by a cast), readDateOrder's choice for the text alone: day first, the
 * import's own default.
 */
import { parseDate, readDateOrder, type DateOrder } from '../data/dates';
import { knownDateOrder } from '../data/import-source';
import type { DatasetRow } from '../storage/rows';
import type { Condition } from './condition';

/** Epoch milliseconds, or NaN. Example: ('05/03/2024', 'mdy') → 2024-05-03T00:00Z. */
export function readTypedDate(text: string, known?: DateOrder): number {
  const reading = readDateOrder([text]);
  return parseDate(text, reading.proof !== undefined ? reading.order : (known ?? reading.order));
}

/** The order `column`'s year-last dates were imported in, when it is a date column whose order the dataset knows. */
export function columnDateOrder(dataset: Pick<DatasetRow, 'columns' | 'source'> | null | undefined, column: string): { dateOrder?: DateOrder } {
  if (dataset?.columns.find((c) => c.name === column)?.kind !== 'datetime') return {};
  const known = knownDateOrder(dataset.source.dateOrders, column);
  return known ? { dateOrder: known.order } : {};
}

/**
 * A step's params whose `condition` (the filter step's) records its column's date order, as a
 * cell edit does. Recorded afresh on every save: the form starts from the stored params, whose
 * order may be another column's.
 */
export function withConditionDateOrder(params: unknown, dataset: Pick<DatasetRow, 'columns' | 'source'> | null | undefined): unknown {
  if (typeof params !== 'object' || params === null || !('condition' in params)) return params;
  const condition = params.condition;
  if (typeof condition !== 'object' || condition === null || !('column' in condition) || typeof condition.column !== 'string') return params;
  const { dateOrder: _stale, ...rest } = condition as Partial<Condition>;
  return { ...params, condition: { ...rest, ...columnDateOrder(dataset, condition.column) } };
}
