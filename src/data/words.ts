/**
 * The words type guesses are explained in: counts with the right singular or plural, lists,
 * quoted values and the missing spellings a column held. Pure strings, for learners.
 */
import type { DateOrder } from './dates';

/** '1 value', '1,500 values'; `many` for plurals not made with an s. */
export const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** 'All 3 values are numbers' or, for one value, 'The one value is a number'. */
export const allValues = (n: number, are: string, is: string) => (n === 1 ? `The one value ${is}` : `All ${count(n, 'value')} ${are}`);

/** 'a', 'a and b', 'a, b and c' */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Names in typographic quotes, listed: '“a”, “b” and “c”'. */
export const listQuoted = (names: readonly string[]) => listWords(names.map((n) => `“${n}”`));

/** Longest value quoted in a reason, in UTF-16 units; a longer one is cut with '…'. */
const MAX_QUOTED = 40;

/** The value trimmed and in double quotes, cut to MAX_QUOTED: '"unknown"'. */
export function quote(value: string): string {
  const t = value.trim();
  return `"${t.length > MAX_QUOTED ? `${t.slice(0, MAX_QUOTED - 1)}…` : t}"`;
}

/** How a year-last date is read in an order: 'day/month' or 'month/day'. */
export const orderWords = (order: DateOrder) => (order === 'mdy' ? 'month/day' : 'day/month');
/** The reading an order rules out: 'month/day' for 'dmy'. */
export const otherOrderWords = (order: DateOrder) => (order === 'mdy' ? 'day/month' : 'month/day');

/** Spellings of missing listed by name; the rest are counted. */
const LISTED_SPELLINGS = 3;

/**
 * The cells read as missing, by how they were written (trimmed; '' for empty), in a sentence
 * with a leading space, or '' when there are none. Most frequent first, ties in first-seen order.
 * Examples: {'NA': 12} → ' 12 cells "NA" are read as missing.';
 * {'NA': 12, '': 2, 'null': 1} → ' 15 cells are read as missing: 12 "NA", 2 empty and 1 "null".'
 */
export function missingNote(spellings: ReadonlyMap<string, number>): string {
  const entries = [...spellings].sort((a, b) => b[1] - a[1]);
  const total = entries.reduce((sum, [, k]) => sum + k, 0);
  if (total === 0) return '';
  const verb = total === 1 ? 'is' : 'are';
  if (entries.length === 1) {
    const [spelling, k] = entries[0]!;
    return spelling === '' ? ` ${count(k, 'empty cell')} ${verb} read as missing.` : ` ${count(k, 'cell')} ${quote(spelling)} ${verb} read as missing.`;
  }
  const named = entries.slice(0, LISTED_SPELLINGS).map(([spelling, k]) => `${k.toLocaleString('en')} ${spelling === '' ? 'empty' : quote(spelling)}`);
  const others = entries.slice(LISTED_SPELLINGS).reduce((sum, [, k]) => sum + k, 0);
  if (others) named.push(count(others, 'other'));
  return ` ${count(total, 'cell')} ${verb} read as missing: ${listWords(named)}.`;
}
