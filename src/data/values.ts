/**
 * Reading one CSV cell as a value: missing spellings, numbers (with thousands separators and
 * decimal commas), booleans and dates. Called once per cell on imports of millions of rows,
 * so every parser is a char-code scan without allocations on the common path.
 */

const MISSING = new Set(['', 'na', 'n/a', 'null', 'nan', 'none', '?', '-', '#n/a']);

/** The usual spellings of "no value": '', 'NA', 'N/A', 'null', 'NaN', 'None', '?', '-', '#N/A' (any case, trimmed). */
export function isMissingToken(text: string): boolean {
  const c0 = text.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57) return false; // no missing spelling starts with a digit: the numeric fast path
  if (text.length > 4) {
    // Fast exit for ordinary values; whitespace around a token is rare but allowed.
    const first = text.charCodeAt(0);
    const last = text.charCodeAt(text.length - 1);
    if (first > 32 && last > 32) return false;
  }
  const t = text.trim();
  return t.length <= 4 && MISSING.has(t.toLowerCase());
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isGroupSpace = (c: number) => c === 32 || c === 0xa0 || c === 0x202f;

/**
 * One number, or NaN. Accepts a sign, digits, one decimal separator ('.' or, with
 * decimalComma, ','), an exponent, surrounding spaces, and thousands separators in groups of
 * three (',' or '.' opposite the decimal separator, or spaces).
 * Examples: '1,234.5' → 1234.5; with decimalComma '1.234,5' → 1234.5; '1 234' → 1234;
 * '0x10', 'Infinity', '1,23,4', '12abc' → NaN.
 */
export function parseNumber(text: string, decimalComma: boolean): number {
  // Fast path for the common plain number ('12.5', '-3', '1e5'): let the engine read it, after
  // ruling out what Number() accepts but we do not (blanks, hex/binary/octal, Infinity).
  if (!decimalComma && text.length > 0) {
    const c0 = text.charCodeAt(0);
    const c1 = text.charCodeAt(1) | 32; // lower-case letters; digits and '.' are unaffected for the test below
    if ((isDigit(c0) || c0 === 45 || c0 === 46) && c1 !== 120 && c1 !== 98 && c1 !== 111) {
      const x = +text;
      if (x - x === 0 && isDigit(text.charCodeAt(text.length - 1)) && text.charCodeAt(text.length - 1) > 32) return x;
    }
  }
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 32) start++;
  while (end > start && text.charCodeAt(end - 1) <= 32) end--;
  if (start === end) return Number.NaN;

  const decimal = decimalComma ? 44 : 46; // ',' or '.'
  const group = decimalComma ? 46 : 44;
  let i = start;
  let c = text.charCodeAt(i);
  if (c === 43 || c === 45) i++; // + or -
  let digits = 0;
  let grouped = false;
  let run = 0; // digits since the last group separator
  let plain = true; // no separator to strip: Number() can read the text as it is
  for (; i < end; i++) {
    c = text.charCodeAt(i);
    if (isDigit(c)) {
      digits++;
      run++;
      continue;
    }
    if (c === group || isGroupSpace(c)) {
      // A group separator needs 1–3 digits before the first one and exactly 3 between later ones.
      if (digits === 0 || (grouped ? run !== 3 : run > 3)) return Number.NaN;
      const next = text.charCodeAt(i + 1);
      if (!isDigit(next)) return Number.NaN;
      grouped = true;
      run = 0;
      plain = false;
      continue;
    }
    break;
  }
  if (grouped && run !== 3) return Number.NaN;
  let fraction = 0;
  if (i < end && c === decimal) {
    if (decimalComma) plain = false;
    i++;
    for (; i < end && isDigit(text.charCodeAt(i)); i++) fraction++;
  }
  if (digits + fraction === 0) return Number.NaN;
  if (i < end) {
    c = text.charCodeAt(i);
    if (c !== 101 && c !== 69) return Number.NaN; // e or E
    i++;
    c = text.charCodeAt(i);
    if (c === 43 || c === 45) i++;
    let exponent = 0;
    for (; i < end && isDigit(text.charCodeAt(i)); i++) exponent++;
    if (exponent === 0 || i < end) return Number.NaN;
  }
  if (plain) return Number(start === 0 && end === text.length ? text : text.slice(start, end));
  let clean = '';
  for (let k = start; k < end; k++) {
    const ch = text.charCodeAt(k);
    if (ch === group || isGroupSpace(ch)) continue;
    clean += ch === decimal ? '.' : text[k];
  }
  return Number(clean);
}

const TRUE_WORDS = new Set(['true', 'yes', 't', 'y']);
const FALSE_WORDS = new Set(['false', 'no', 'f', 'n']);

/** 1 for true/yes/t/y, 0 for false/no/f/n (any case, trimmed), -1 otherwise. 0/1 are numbers, not booleans. */
export function parseBoolean(text: string): 0 | 1 | -1 {
  if (text.length > 7) return -1;
  const t = text.trim().toLowerCase();
  if (TRUE_WORDS.has(t)) return 1;
  if (FALSE_WORDS.has(t)) return 0;
  return -1;
}

export type DateOrder = 'ymd' | 'dmy' | 'mdy';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
const YEAR_FIRST = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const YEAR_LAST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return Number.NaN;
  return Date.UTC(y, mo - 1, d, h, mi, s, ms);
}

/**
 * A date or date-time as epoch milliseconds (UTC), or NaN. ISO 8601 ('2024-03-05',
 * '2024-03-05T14:30:15.5Z', '2024-03-05 14:30+02:00'; no offset means UTC), '2024/03/05',
 * and day-month-year forms read in `order` ('05/03/2024' is 5 March as 'dmy', 3 May as 'mdy').
 */
export function parseDate(text: string, order: DateOrder): number {
  const t = text.trim();
  if (t.length < 8 || t.length > 40) return Number.NaN;
  let m = ISO.exec(t);
  if (m) {
    const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
    const base = utc(+m[1]!, +m[2]!, +m[3]!, m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0, ms);
    const zone = m[8];
    if (!zone || zone === 'Z') return base;
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const hours = +digits.slice(0, 2);
    const minutes = +digits.slice(2);
    if (hours > 23 || minutes > 59) return Number.NaN;
    return base - sign * (hours * 60 + minutes) * 60_000;
  }
  m = YEAR_FIRST.exec(t);
  if (m) return utc(+m[1]!, +m[2]!, +m[3]!, m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0);
  m = YEAR_LAST.exec(t);
  if (m) {
    const a = +m[1]!;
    const b = +m[2]!;
    const [day, month] = order === 'mdy' ? [b, a] : [a, b];
    return utc(+m[3]!, month, day, m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0);
  }
  return Number.NaN;
}

/** The order under which most samples read as dates: a first part over 12 proves dmy, a second part over 12 proves mdy. */
export function inferDateOrder(samples: readonly string[]): DateOrder {
  let dmy = 0;
  let mdy = 0;
  let yearFirst = 0;
  for (const s of samples) {
    if (!Number.isNaN(parseDate(s, 'dmy'))) dmy++;
    if (!Number.isNaN(parseDate(s, 'mdy'))) mdy++;
    if (/^\s*\d{4}/.test(s)) yearFirst++;
  }
  if (mdy > dmy) return 'mdy';
  if (dmy > mdy) return 'dmy';
  return yearFirst * 2 >= samples.length ? 'ymd' : 'dmy';
}
