/**
 * What a type the user chose in the import preview means for the column, in words: the date
 * order its dates will be read in, and what becomes of cells that do not fit.
 */
import type { ColumnKind } from '../shared/column';
import { orderWords, otherOrderWords, quote } from './words';
import { parseDate, readDateOrder, type DateOrder } from './dates';
import { isMissingToken } from './missing-values';

/** What becomes of cells that do not fit a kind, once chosen. */
const UNFIT: Partial<Record<ColumnKind, string>> = {
  numeric: ' Cells that are not numbers become missing; the import notes say how many.',
  boolean: ' Cells that are not yes/no, true/false or 1/0 become missing; the import notes say how many.',
};

/** The reason shown for a kind the user chose, other than dates (see chosenDateOrder). */
export const chosenKindReason = (kind: ColumnKind) => `You chose this type.${UNFIT[kind] ?? ''}`;

/** Another column of the same file, as the preview holds it. */
export interface OtherColumn {
  name: string;
  dateOrder?: DateOrder;
}

/**
 * The order a column the user chose as dates is read in, and the reason to show. The column's
 * preview `cells` decide when one of them proves an order; else its own guess from the whole
 * sample (`guessed`, set only when proven); else the order another column of the file reads in,
 * month/day first (an order only ever proven, never assumed); else day/month, said to be assumed.
 * Example: (['01/02/2024'], undefined, [{ name: 'signup', dateOrder: 'mdy' }]) → order 'mdy',
 * 'You chose this type. Dates are read as month/day, as in "signup"; every day here is 12 or less, so day/month is possible too.'
 */
export function chosenDateOrder(cells: readonly string[], guessed: DateOrder | undefined, others: readonly OtherColumn[]): { order: DateOrder; assumed?: true; reason: string } {
  const present = cells.filter((c) => !isMissingToken(c));
  const reading = readDateOrder(present);
  let order: DateOrder;
  let said = '';
  if (reading.proof) {
    order = reading.order;
    said = ` Dates are read as ${orderWords(order)}, as ${quote(reading.proof)} shows.`;
  } else if (guessed) {
    order = guessed;
    if (guessed !== 'ymd') said = ` Dates are read as ${orderWords(order)}.`;
  } else {
    const other = others.find((c) => c.dateOrder === 'mdy') ?? others.find((c) => c.dateOrder === 'dmy');
    order = other?.dateOrder ?? reading.order;
    if (reading.assumed) {
      const as = other ? `, as in "${other.name}"` : '';
      said = ` Dates are read as ${orderWords(order)}${as}; every day ${other ? 'here ' : ''}is 12 or less, so ${otherOrderWords(order)} is possible too.`;
    }
  }
  const unfit = present.some((c) => Number.isNaN(parseDate(c, order))) ? ' Cells that are not dates become missing; the import notes say how many.' : '';
  // An order another column proved is still an assumption for this one's values.
  return { order, ...(!reading.proof && !guessed && reading.assumed ? { assumed: true as const } : {}), reason: `You chose this type.${said}${unfit}` };
}
