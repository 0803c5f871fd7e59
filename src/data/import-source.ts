/**
 * What a dataset records of how its file was read (DatasetSource), and the order its year-last
 * dates were read in, which a later type change or an appended file reads such dates by when
 * their own values read either way ('01/02/2024' is 1 February or 2 January).
 */
import type { DatasetSource } from '../storage/rows';
import type { ColumnGuess, Inspection } from './inspect';
import type { DateOrder } from './dates';

export type StoredDateOrders = NonNullable<DatasetSource['dateOrders']>;

/**
 * The orders an import read year-last dates in, by column: every date column's, `assumed` when no
 * value proved it, and a label column's whose values proved one; undefined when there are none.
 * Example: [{ name: 'signup', kind: 'datetime', dateOrder: 'mdy' }] → { signup: { order: 'mdy' } }.
 */
export function importedDateOrders(columns: readonly ColumnGuess[]): StoredDateOrders | undefined {
  const orders: StoredDateOrders = {};
  for (const c of columns) {
    if (!c.dateOrder) continue;
    if (c.kind === 'datetime') orders[c.name] = { order: c.dateOrder, ...(c.dateOrderAssumed ? { assumed: true } : {}) };
    else if (!c.dateOrderAssumed) orders[c.name] = { order: c.dateOrder };
  }
  return Object.keys(orders).length > 0 ? orders : undefined;
}

/** The source settings of a file imported under `inspection` (as the learner left it in the preview). */
export function importSource(file: { name: string; size: number }, hash: string, inspection: Inspection): DatasetSource {
  const { dialect } = inspection;
  const dateOrders = importedDateOrders(inspection.columns);
  return {
    fileName: file.name,
    size: file.size,
    hash,
    encoding: inspection.encoding,
    delimiter: dialect.delimiter,
    quoteChar: dialect.quoteChar,
    hasHeader: dialect.hasHeader,
    decimalComma: dialect.decimalComma,
    skipLines: dialect.skipLines ?? 0,
    trailingDelimiter: dialect.trailingDelimiter ?? false,
    ...(dateOrders ? { dateOrders } : {}),
  };
}

/**
 * The order to read `column`'s year-last dates in when its own values read either way, and the
 * column it comes from: the column's own proven order, else one another column proved (month/day
 * first: an order only ever proven), else the column's own assumed one, else another's assumed
 * one; undefined when none is known. Year-first orders say nothing about year-last dates.
 */
export function knownDateOrder(orders: StoredDateOrders | undefined, column: string): { order: DateOrder; from: string } | undefined {
  if (!orders) return undefined;
  const entries = Object.entries(orders).filter(([, o]) => o.order !== 'ymd');
  const own = entries.filter(([name]) => name === column);
  const others = entries.filter(([name]) => name !== column);
  const pick = (list: typeof entries, assumed: boolean) =>
    list.find(([, o]) => !!o.assumed === assumed && o.order === 'mdy') ?? list.find(([, o]) => !!o.assumed === assumed && o.order === 'dmy');
  const found = pick(own, false) ?? pick(others, false) ?? pick(own, true) ?? pick(others, true);
  return found ? { order: found[1].order, from: found[0] } : undefined;
}

/**
 * The order a file appended to a dataset reads its column `plan` in, when the dataset reads that
 * column as dates: the file's own, when its values prove one; else the order the dataset knows
 * for the column (see knownDateOrder); else the file's own guess.
 */
export function appendedDateOrder(plan: ColumnGuess, datasetColumn: string, orders: StoredDateOrders | undefined): DateOrder | undefined {
  if (plan.dateOrder && plan.dateOrder !== 'ymd' && !plan.dateOrderAssumed) return plan.dateOrder;
  return knownDateOrder(orders, datasetColumn)?.order ?? plan.dateOrder;
}

/** `source` with the order `column` is now read in, as a derived dataset records it. */
export function withDateOrder(source: DatasetSource, column: string, order: DateOrder, assumed: boolean): DatasetSource {
  return { ...source, dateOrders: { ...source.dateOrders, [column]: { order, ...(assumed ? { assumed: true } : {}) } } };
}
