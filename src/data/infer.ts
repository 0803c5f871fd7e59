/**
 * Guessing a column's type from a sample of its cells, with the reason in words. The user sees
 * the guess in the import preview and can change it.
 */
import type { ColumnKind } from '../shared/column';
import { inferDateOrder, isMissingToken, parseBoolean, parseDate, parseNumber, type DateOrder } from './values';

export interface KindGuess {
  kind: ColumnKind;
  dateOrder?: DateOrder;
  /** one sentence for learners, e.g. 'All 150 values are numbers.' */
  reason: string;
}

/** Unique values needed before a column can be called an identifier. */
const MIN_ID_ROWS = 20;
const ID_NAME = /(^|[_\s-])id$|^id([_\s-]|$)|uuid|guid/i;
/** camelCase ids such as 'PassengerId' or 'userID' (case-sensitive, so 'paid' and 'VOID' are not ones) */
const CAMEL_ID = /[a-z]I[dD]$/;

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/**
 * Example: inferColumnKind('age', ['31', '45', 'NA'], false) →
 *   { kind: 'numeric', reason: 'All 2 values are numbers (1 missing).' }
 */
export function inferColumnKind(name: string, samples: readonly string[], decimalComma: boolean): KindGuess {
  const present = samples.filter((s) => !isMissingToken(s));
  const missing = samples.length - present.length;
  const missingNote = missing ? ` (${missing.toLocaleString('en')} missing)` : '';
  const n = present.length;
  if (n === 0) return { kind: 'categorical', reason: 'The column is empty in the rows read so far.' };

  if (present.every((s) => parseBoolean(s) >= 0)) {
    return { kind: 'boolean', reason: `All ${plural(n, 'value')} are yes/no or true/false${missingNote}.` };
  }

  const numbers = present.map((s) => parseNumber(s, decimalComma));
  if (numbers.every((x) => !Number.isNaN(x))) {
    const integers = numbers.every(Number.isInteger);
    const distinct = new Set(numbers).size === n;
    if (integers && distinct && n >= MIN_ID_ROWS) {
      const consecutive = numbers.every((x, i) => i === 0 || x === numbers[i - 1]! + 1);
      if (consecutive || ID_NAME.test(name) || CAMEL_ID.test(name)) {
        return {
          kind: 'identifier',
          reason: consecutive
            ? `The values count up by one (${numbers[0]}, ${numbers[1]}, …): a row number, not a measurement.`
            : `Whole numbers, a different one in every row, in a column named like an id.`,
        };
      }
    }
    return { kind: 'numeric', reason: `All ${plural(n, 'value')} are numbers${missingNote}.` };
  }

  const order = inferDateOrder(present.slice(0, 200));
  if (present.every((s) => !Number.isNaN(parseDate(s, order)))) {
    return { kind: 'datetime', dateOrder: order, reason: `All ${plural(n, 'value')} are dates${missingNote}.` };
  }

  const distinctCount = new Set(present).size;
  let totalLength = 0;
  let withSpace = 0;
  for (const s of present) {
    totalLength += s.length;
    if (/\s/.test(s.trim())) withSpace++;
  }
  const meanLength = totalLength / n;
  if (distinctCount === n && n >= MIN_ID_ROWS) {
    if (meanLength <= 40 && withSpace <= n * 0.1) {
      return { kind: 'identifier', reason: `A different short code in every one of ${plural(n, 'row')}: an identifier.` };
    }
    return { kind: 'text', reason: `Different text in every one of ${plural(n, 'row')}.` };
  }
  if (meanLength > 40 && distinctCount > n / 2) {
    return { kind: 'text', reason: `Long text (${Math.round(meanLength)} characters on average), mostly different in each row.` };
  }
  return { kind: 'categorical', reason: `${plural(distinctCount, 'distinct label')} over ${plural(n, 'value')}${missingNote}.` };
}
