/**
 * A date typed into Prepare (a cell edit, a condition's value), read as the import reads dates:
 * UTC, and a year-last date ('05/03/2024') in the column's day/month order.
 *
 * A step sees a date column only as epoch milliseconds, not as the file wrote it, so the order
 * comes with the edit: Prepare records the order the dataset's import source gives for the column
 * (knownDateOrder) when the edit is made. A typed date that reads one way only ('25/12/2023') is
 * read that way, as an appended file's dates are; with no order recorded (an older edit, a filter
 * step), readDateOrder's choice for the text alone: day first, the import's own default.
 */
import { parseDate, readDateOrder, type DateOrder } from '../data/dates';

/** Epoch milliseconds, or NaN. Example: ('05/03/2024', 'mdy') → 2024-05-03T00:00Z. */
export function readTypedDate(text: string, known?: DateOrder): number {
  const reading = readDateOrder([text]);
  return parseDate(text, reading.proof !== undefined ? reading.order : (known ?? reading.order));
}
