/**
 * Changing a column's type after import. The stored column is never changed: a new column is
 * built, and the caller stores it in a child dataset (lineage), so the change can be undone by
 * going back to the parent.
 */
import { countMissing, isValid, usesDictionary, type Column, type ColumnKind } from '../shared/column';
import { createColumnBuilder, type ParseFailures } from './column-builder';
import { formatCell } from './format-cell';
import { count, orderWords, otherOrderWords, quote } from './words';
import { readDateOrder, type DateOrder } from './dates';
import { isMissingToken } from './missing-values';

export interface Retyped {
  column: Column;
  /** values present before that could not be read as the new type, now missing */
  failures: ParseFailures | null;
  /** a sentence for the user when dates were read in an order their values do not prove, else null */
  note: string | null;
  /** retyped to dates: the order year-last dates were read in, and whether it was assumed (no value proved it) */
  dates?: { order: DateOrder; assumed: boolean };
  /** why not one present value could be read as the new type, for refusing the change; null when one could (or none was present) */
  noneRead: string | null;
}

export interface RetypeOptions {
  /** the order year-last dates read in when the column's own values read either way (the order its file's dates were imported in) */
  dateOrder?: DateOrder;
  /** the column `dateOrder` is known from, named in the note when it is another one */
  dateOrderFrom?: string;
  /** read year-last dates in this order whatever the values prove: a fitted pipeline's learned order */
  readDatesAs?: DateOrder;
  /** the column's file writes numbers with a decimal comma ('1.234,5'): labels are read, and numbers written, that way */
  decimalComma?: boolean;
  /** the numbers are a date's epoch milliseconds (the column was dates before): to dates they go back unchanged, not read as yyyymmdd */
  epochMs?: boolean;
}

/** At most this many texts are searched for a date that proves the order: a label column's distinct values, else its cells. */
const ORDER_SAMPLES = 100_000;

/** What values of a kind that can fail to read are called, in a refusal. */
const WHAT: Partial<Record<ColumnKind, string>> = { numeric: 'numbers', boolean: 'true/false values', datetime: 'dates' };

/**
 * The column as another kind. Numbers and dates keep their value as numbers (a date is its
 * epoch milliseconds), booleans become 0/1 as numbers, labels keep their codes between label
 * kinds; everything else goes through the value's text, so '3.5' as a label becomes the number
 * 3.5. To true/false, 1 and 0 (numbers or labels, '1.0' too) are true and false, as pandas'
 * astype(bool) reads 0/1 and as an import reads a column chosen as true/false (zeroOrOne);
 * other numbers are not true/false values. To dates, a number is read as yyyymmdd
 * (20240305 is 5 March 2024); any other number, such as a year, is not a date.
 * Example: retypeColumn(labels ['1', 'x'], 2, 'numeric') → [1, missing], failures.count 1.
 */
export function retypeColumn(column: Column, rowCount: number, to: ColumnKind, options: RetypeOptions = {}): Retyped {
  const from = column.kind;
  const valid = column.valid.slice(0, (rowCount + 7) >> 3);
  const same = (values: Column['values'], dictionary?: string[]): Retyped => ({
    column: { name: column.name, kind: to, values, valid, ...(dictionary ? { dictionary } : {}), ...(from === to && column.words ? { words: column.words } : {}) },
    failures: null,
    note: null,
    noneRead: null,
  });
  if (from === to || (from === 'datetime' && to === 'numeric') || (from === 'numeric' && to === 'datetime' && options.epochMs)) return same(column.values.slice(0, rowCount));
  if (usesDictionary(from) && usesDictionary(to)) return same(column.values.slice(0, rowCount), [...column.dictionary!]);
  if (from === 'boolean' && to === 'numeric') return same(Float64Array.from(column.values.subarray(0, rowCount)));

  const decimalComma = options.decimalComma ?? false;
  const read = readerFor(from, to);
  const texts = Array.from({ length: rowCount }, (_, row) => read(valueText(column, row, decimalComma)));
  const dates = to === 'datetime' ? dateOrderFor(column, texts, options) : null;
  const builder = createColumnBuilder(column.name, to, { decimalComma, dateOrder: dates?.order });
  for (const text of texts) builder.push(text);
  const retyped = builder.finish();
  const { failures } = builder;
  const noneRead = failures && countMissing(retyped.valid, rowCount) === rowCount ? refusal(column.name, from, to, failures) : null;
  return { column: retyped, failures, note: dates?.note ?? null, ...(dates ? { dates: { order: dates.order, assumed: dates.note !== null } } : {}), noneRead };
}

/** A value as text, '' for missing: numbers as the column's file writes them (with a decimal comma: '2,5'), so they read back the same. */
function valueText(column: Column, row: number, decimalComma: boolean): string {
  if (decimalComma && column.kind === 'numeric' && isValid(column.valid, row)) return String(column.values[row]).replace('.', ',');
  return formatCell(column, row);
}

/**
 * How a value's text becomes the text the new kind's reader takes; unreadable ones stay as written, so a failure quotes them.
 * To true/false the text goes as it is: the column builder reads 0/1 as an import does.
 */
function readerFor(from: ColumnKind, to: ColumnKind): (text: string) => string {
  if (to === 'datetime' && from === 'numeric') return (text) => (text === '' ? text : (yyyymmdd(Number(text.replace(',', '.'))) ?? text));
  return (text) => text;
}

/** The ISO date a number written yyyymmdd is (20240305 → '2024-03-05'), or null when it is no such date. */
function yyyymmdd(x: number): string | null {
  if (!Number.isInteger(x) || x < 10000101 || x > 99991231) return null;
  const year = Math.floor(x / 10000);
  const month = Math.floor(x / 100) % 100;
  const day = x % 100;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** Why a column none of whose values reads as `to` keeps its type, with an example value and how such values are written. */
function refusal(name: string, from: ColumnKind, to: ColumnKind, failures: ParseFailures): string {
  const what = WHAT[to] ?? 'the new type';
  const none = failures.count === 1 ? `its one value, ${quote(failures.firstValue)}, is not one` : `none of its ${count(failures.count, 'value')} is one (for example ${quote(failures.firstValue)})`;
  const how =
    to === 'boolean'
      ? ' True/false values are written true/false, yes/no, t/f, y/n or 1/0.'
      : to === 'datetime' && from === 'numeric'
        ? ' Numbers become dates only when written as yyyymmdd, like 20240305; a year alone, like 2024, is best kept as a number.'
        : to === 'datetime'
          ? ' Dates are written like 2024-03-05, 05/03/2024 or 2024-03-05 14:30.'
          : '';
  return `Column "${name}" cannot be read as ${what}: ${none}, so its type was not changed.${how}`;
}

/**
 * The order a column's texts are read as dates in: `readDatesAs` when given; else the one any of
 * its values proves (a label column's distinct values are all looked at), else `known`, else
 * day/month, with a note when the order was not proven.
 */
function dateOrderFor(column: Column, texts: readonly string[], options: RetypeOptions): { order: DateOrder; note: string | null } {
  if (options.readDatesAs) return { order: options.readDatesAs, note: null };
  const candidates = (column.dictionary ?? texts).filter((t) => !isMissingToken(t)).slice(0, ORDER_SAMPLES);
  const reading = readDateOrder(candidates);
  if (!reading.assumed) return { order: reading.order, note: null };
  const known = options.dateOrder && options.dateOrder !== 'ymd' ? options.dateOrder : undefined;
  const order = known ?? reading.order;
  const as = known && options.dateOrderFrom && options.dateOrderFrom !== column.name ? `, as in "${options.dateOrderFrom}"` : '';
  return { order, note: `Column "${column.name}": dates read as ${orderWords(order)}${as}; every day is 12 or less, so ${otherOrderWords(order)} is possible too.` };
}
