/**
 * Reading one CSV cell as a value: missing spellings, numbers (with thousands separators and
 * decimal commas), booleans and dates. Called once per cell on imports of millions of rows,
 * so every parser is a char-code scan without regexes or allocations on the common path.
 */

export type DateOrder = 'ymd' | 'dmy' | 'mdy';

/** Control characters and the Unicode spaces that String.prototype.trim removes. */
function isBlank(c: number): boolean {
  if (c <= 32) return true;
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

// Module-level scratch for the trimmed bounds of the text being read: returning them in an
// object or array would allocate once per cell. Every parser here is synchronous.
let from = 0;
let to = 0;

/** Sets from/to to the text without blanks around it. */
function trimBounds(text: string): void {
  trimRange(text, 0, text.length);
}

/** Sets from/to to characters [start, end) of the text without blanks around them. */
function trimRange(text: string, start: number, end: number): void {
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  from = start;
  to = end;
}

/** Whether the letter at `i` is `lower` in either case; `| 32` lower-cases ASCII letters only. */
const letterAt = (text: string, i: number, lower: number) => (text.charCodeAt(i) | 32) === lower;

/**
 * The usual spellings of "no value", trimmed and in any case: '', '  ', 'NA', 'N/A', 'null',
 * 'NaN', 'None', '?', '-', '#N/A'. '0', 'N' and 'none of them' are values.
 */
export function isMissingToken(text: string): boolean {
  return isMissingIn(text, 0, text.length) !== 0;
}

/**
 * The spellings of missing by the code isMissingIn gives them (0: not missing; 1: empty or
 * blanks), as usually written; any case reads alike.
 */
export const MISSING_SPELLINGS = ['', '', '?', '-', 'NA', 'N/A', 'NaN', 'null', 'None', '#N/A'] as const;

/**
 * Which missing spelling characters [start, end) of the text are (a cell read in place, in a
 * line): its index in MISSING_SPELLINGS, or 0 when the cell is a value. Example: ' na ' → 4.
 */
export function isMissingIn(text: string, start: number, end: number): number {
  if (start === end) return 1;
  const c0 = text.charCodeAt(start);
  // No missing spelling starts with a digit: numeric cells leave at once.
  if (c0 >= 48 && c0 <= 57) return 0;
  trimRange(text, start, end);
  const s = from;
  switch (to - s) {
    case 0:
      return 1;
    case 1: {
      const c = text.charCodeAt(s);
      return c === 63 ? 2 : c === 45 ? 3 : 0; // ? or -
    }
    case 2:
      return letterAt(text, s, 110) && letterAt(text, s + 1, 97) ? 4 : 0; // na
    case 3: {
      if (!letterAt(text, s, 110)) return 0;
      const c1 = text.charCodeAt(s + 1);
      if (c1 === 47) return letterAt(text, s + 2, 97) ? 5 : 0; // n/a
      return (c1 | 32) === 97 && letterAt(text, s + 2, 110) ? 6 : 0; // nan
    }
    case 4:
      if (text.charCodeAt(s) === 35) return letterAt(text, s + 1, 110) && text.charCodeAt(s + 2) === 47 && letterAt(text, s + 3, 97) ? 9 : 0; // #n/a
      if (!letterAt(text, s, 110)) return 0;
      if (letterAt(text, s + 1, 117)) return letterAt(text, s + 2, 108) && letterAt(text, s + 3, 108) ? 7 : 0; // null
      return letterAt(text, s + 1, 111) && letterAt(text, s + 2, 110) && letterAt(text, s + 3, 101) ? 8 : 0; // none
    default:
      return 0;
  }
}

/** 10^0 … 10^22: every one exact in a double, which Clinger's fast path below relies on. */
const POW10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/** Number() on the text without group separators and with '.' as the decimal: the rare long-mantissa case. */
function slowNumber(text: string, start: number, end: number, decimal: number, grouped: boolean): number {
  let clean: string;
  if (!grouped && decimal === 46) clean = text.slice(start, end);
  else {
    clean = '';
    for (let k = start; k < end; k++) {
      const ch = text.charCodeAt(k);
      if (isDigit(ch) || ch === 43 || ch === 45 || (ch | 32) === 101) clean += text[k];
      else if (ch === decimal) clean += '.';
      // anything else is a group separator, already validated
    }
  }
  const x = Number(clean);
  return Number.isFinite(x) ? x : Number.NaN;
}

/** '$', '€', '£' or '¥': a currency sign written before or after an amount. */
const isCurrency = (c: number) => c === 36 || c === 0x20ac || c === 0xa3 || c === 0xa5;
/** A unit a number may be written with after it: '%' or a currency sign. */
const isSuffixUnit = (c: number) => c === 37 || isCurrency(c);

/**
 * The unit a number is written with: '%' after it, or a currency sign ('$', '€', '£', '¥')
 * before or after it; '' for none. It looks only at the ends, not at whether the rest is a number.
 * Examples: '12%' → '%'; '-$5' → '$'; '3,50 €' → '€'; '5' → ''.
 */
export function numberUnit(text: string): string {
  trimBounds(text);
  if (from === to) return '';
  const last = text.charCodeAt(to - 1);
  if (isSuffixUnit(last)) return String.fromCharCode(last);
  let c = text.charCodeAt(from);
  if (c === 45 || c === 43) c = text.charCodeAt(from + 1);
  return isCurrency(c) ? String.fromCharCode(c) : '';
}

/**
 * One finite number, or NaN. Accepts a sign, digits, one decimal separator ('.' or, with
 * decimalComma, ','), an exponent, blanks around it, and thousands separators in groups of
 * three: ',' (or '.' with decimalComma), a space, U+00A0 or U+202F, one kind per number. One
 * unit is left out: '%' after the number, or '$', '€', '£', '¥' before or after it (whether a
 * column's values share one unit is the type guess's question, in infer.ts).
 * Examples: '1,234.5' → 1234.5; with decimalComma '1.234,5' → 1234.5; '1 234' → 1234; '007' → 7;
 * '12%' → 12; '-$1,200' → -1200; with decimalComma '3,50 €' → 3.5;
 * '0x10', 'Infinity', '1,23,4', '0,500', '1.2.3', '12abc', '--1', '.', '-', '1e400', '$5%' → NaN.
 */
export function parseNumber(text: string, decimalComma: boolean): number {
  return parseNumberIn(text, 0, text.length, decimalComma);
}

/** parseNumber for characters [start, end) of the text: a cell read in place, in a line. */
export function parseNumberIn(text: string, begin: number, finish: number, decimalComma: boolean): number {
  const x = plainNumberIn(text, begin, finish, decimalComma);
  // Only a cell that is not a plain number pays for looking for a unit: the import's hot path is unchanged.
  return x === x ? x : numberWithUnitIn(text, begin, finish, decimalComma);
}

/** A number with one unit around it ('12%', '-$5', '$ -5', '3,50 €'), or NaN. */
function numberWithUnitIn(text: string, begin: number, finish: number, decimalComma: boolean): number {
  trimRange(text, begin, finish);
  let start = from;
  const end = to;
  if (end - start < 2) return Number.NaN;
  if (isSuffixUnit(text.charCodeAt(end - 1))) return plainNumberIn(text, start, end - 1, decimalComma);
  let c = text.charCodeAt(start);
  const negative = c === 45;
  const signed = negative || c === 43;
  if (signed) c = text.charCodeAt(++start);
  if (!isCurrency(c)) return Number.NaN;
  start++;
  if (!signed) return plainNumberIn(text, start, end, decimalComma);
  // '-$5': a sign came before the currency sign, so no second one may follow it.
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  c = text.charCodeAt(start);
  if (c === 45 || c === 43) return Number.NaN;
  const x = plainNumberIn(text, start, end, decimalComma);
  return negative ? -x : x;
}

/** parseNumberIn without units: the strict reading every plain number takes. */
function plainNumberIn(text: string, begin: number, finish: number, decimalComma: boolean): number {
  trimRange(text, begin, finish);
  const start = from;
  const end = to;
  if (start === end) return Number.NaN;
  const decimal = decimalComma ? 44 : 46;
  const group = decimalComma ? 46 : 44;

  let i = start;
  let c = text.charCodeAt(i);
  const negative = c === 45;
  if (negative || c === 43) i++;
  const intStart = i;
  // The digits read as one integer, exact while there are at most 15 of them after leading zeros.
  let mantissa = 0;
  let significant = 0;
  let intDigits = 0;
  let separator = -1; // the group separator in use, once one is seen
  let run = 0; // digits since the last group separator
  for (; i < end; i++) {
    c = text.charCodeAt(i);
    const d = c - 48;
    if (d >= 0 && d <= 9) {
      if (significant > 0 || d > 0) {
        significant++;
        mantissa = mantissa * 10 + d;
      }
      intDigits++;
      run++;
      continue;
    }
    if (c === group || c === 32 || c === 0xa0 || c === 0x202f) {
      if (separator < 0) {
        // 1–3 digits before the first separator, not starting with 0: '0,500' is a decimal
        // written in the other convention, not five hundred.
        if (intDigits === 0 || run > 3 || text.charCodeAt(intStart) === 48) return Number.NaN;
        separator = c;
      } else if (c !== separator || run !== 3) return Number.NaN;
      run = 0;
      continue;
    }
    break;
  }
  if (separator >= 0 && run !== 3) return Number.NaN;

  let scale = 0; // digits after the decimal separator
  if (i < end && c === decimal) {
    for (i++; i < end; i++) {
      c = text.charCodeAt(i);
      const d = c - 48;
      if (d < 0 || d > 9) break;
      if (significant > 0 || d > 0) {
        significant++;
        mantissa = mantissa * 10 + d;
      }
      scale++;
    }
  }
  if (intDigits + scale === 0) return Number.NaN;

  let exponent = 0;
  if (i < end) {
    if ((c | 32) !== 101) return Number.NaN; // e or E
    i++;
    c = text.charCodeAt(i);
    const negativeExponent = c === 45;
    if (negativeExponent || c === 43) i++;
    const exponentStart = i;
    for (; i < end; i++) {
      const d = text.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return Number.NaN;
      // Saturate: anything this large over- or underflows anyway.
      if (exponent < 100_000) exponent = exponent * 10 + d;
    }
    if (i === exponentStart) return Number.NaN;
    if (negativeExponent) exponent = -exponent;
  }

  // Clinger's fast path: an integer below 2^53 times or over an exact power of ten is one
  // correctly rounded operation, so the result equals what Number() reads from the text.
  const power = exponent - scale;
  if (significant <= 15 && power >= -22 && power <= 22) {
    const x = power < 0 ? mantissa / POW10[-power]! : mantissa * POW10[power]!;
    return negative ? -x : x;
  }
  return slowNumber(text, start, end, decimal, separator >= 0);
}

/**
 * 1 for true/yes/t/y, 0 for false/no/f/n (any case, trimmed), -1 otherwise.
 * '1' and '0' are -1: a 0/1 column stays numeric.
 */
export function parseBoolean(text: string): 0 | 1 | -1 {
  if (text.length > 12) return -1;
  trimBounds(text);
  const s = from;
  switch (to - s) {
    case 1: {
      const c = text.charCodeAt(s) | 32;
      return c === 116 || c === 121 ? 1 : c === 102 || c === 110 ? 0 : -1; // t y f n
    }
    case 2:
      return letterAt(text, s, 110) && letterAt(text, s + 1, 111) ? 0 : -1; // no
    case 3:
      return letterAt(text, s, 121) && letterAt(text, s + 1, 101) && letterAt(text, s + 2, 115) ? 1 : -1; // yes
    case 4:
      return letterAt(text, s, 116) && letterAt(text, s + 1, 114) && letterAt(text, s + 2, 117) && letterAt(text, s + 3, 101) ? 1 : -1; // true
    case 5:
      return letterAt(text, s, 102) && letterAt(text, s + 1, 97) && letterAt(text, s + 2, 108) && letterAt(text, s + 3, 115) && letterAt(text, s + 4, 101)
        ? 0
        : -1; // false
    default:
      return -1;
  }
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Days from 1970-01-01 to a valid proleptic Gregorian date (Howard Hinnant's days_from_civil).
 * Arithmetic rather than Date.UTC, which reads years 0–99 as 1900–1999.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

// Scratch for readDigits: the value read and where reading stopped.
let digitsValue = 0;
let digitsEnd = 0;

/** Reads up to `max` digits from `i`; returns how many it read. */
function readDigits(text: string, i: number, end: number, max: number): number {
  let value = 0;
  let k = i;
  while (k < end && k - i < max) {
    const d = text.charCodeAt(k) - 48;
    if (d < 0 || d > 9) break;
    value = value * 10 + d;
    k++;
  }
  digitsValue = value;
  digitsEnd = k;
  return k - i;
}

/**
 * A date or date-time as epoch milliseconds (UTC), or NaN.
 * - ISO 8601: '2024-03-05', '2024-03-05T14:30', '2024-03-05 14:30:15.5', with 'Z' or an offset
 *   ('+02:00', '+0200', '+02'); no offset means UTC.
 * - year first with '-', '/' or '.': '2024/3/5' (any order);
 * - year last with '/', '-' or '.', read in `order`: '05/03/2024' is 5 March as 'dmy' (and as
 *   'ymd', which says nothing about year-last dates), 3 May as 'mdy'.
 * - any of these with a time, optionally with AM/PM: '3/5/2024 2:30 PM'.
 * Plain numbers such as '2024' or '20240305' are NaN: they are numbers. So are impossible
 * dates ('2023-02-29') and times ('24:00').
 */
export function parseDate(text: string, order: DateOrder): number {
  trimBounds(text);
  const start = from;
  const end = to;
  // '1/1/2024' is the shortest; '2024-03-05T14:30:15.123456789+02:00' is 35 long.
  if (end - start < 8 || end - start > 40) return Number.NaN;

  let year: number;
  let month: number;
  let day: number;
  const firstLength = readDigits(text, start, end, 4);
  let i = digitsEnd;
  const first = digitsValue;
  const sep = text.charCodeAt(i);
  if (sep !== 45 && sep !== 47 && sep !== 46) return Number.NaN; // - / .
  if (readDigits(text, i + 1, end, 2) === 0) return Number.NaN;
  const middle = digitsValue;
  i = digitsEnd;
  if (text.charCodeAt(i) !== sep) return Number.NaN;
  if (firstLength === 4) {
    if (readDigits(text, i + 1, end, 2) === 0) return Number.NaN;
    year = first;
    month = middle;
    day = digitsValue;
  } else if (firstLength === 1 || firstLength === 2) {
    if (readDigits(text, i + 1, end, 4) !== 4) return Number.NaN;
    year = digitsValue;
    month = order === 'mdy' ? first : middle;
    day = order === 'mdy' ? middle : first;
  } else return Number.NaN;
  i = digitsEnd;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  let ms = daysFromCivil(year, month, day) * 86_400_000;
  if (i === end) return ms;

  // The time: 'T' or blanks, then h:mm, optionally :ss and a fraction.
  let c = text.charCodeAt(i);
  if (c === 84 || c === 116) i++;
  else {
    if (!isBlank(c)) return Number.NaN;
    while (i < end && isBlank(text.charCodeAt(i))) i++;
  }
  if (readDigits(text, i, end, 2) === 0) return Number.NaN;
  let hour = digitsValue;
  i = digitsEnd;
  if (text.charCodeAt(i) !== 58 || readDigits(text, i + 1, end, 2) !== 2) return Number.NaN; // :mm
  const minute = digitsValue;
  i = digitsEnd;
  let sec = 0;
  let millis = 0;
  if (text.charCodeAt(i) === 58) {
    if (readDigits(text, i + 1, end, 2) !== 2) return Number.NaN;
    sec = digitsValue;
    i = digitsEnd;
    c = text.charCodeAt(i);
    if (c === 46 || c === 44) {
      const fractionLength = readDigits(text, i + 1, end, 9);
      if (fractionLength === 0) return Number.NaN;
      i = digitsEnd;
      millis = Math.round((digitsValue / POW10[fractionLength]!) * 1000);
    }
  }
  if (minute > 59 || sec > 59) return Number.NaN;

  // Optional AM/PM, then an optional zone.
  let k = i;
  while (k < end && isBlank(text.charCodeAt(k))) k++;
  if (k + 1 < end && letterAt(text, k + 1, 109) && (letterAt(text, k, 97) || letterAt(text, k, 112))) {
    if (hour < 1 || hour > 12) return Number.NaN;
    const pm = letterAt(text, k, 112);
    hour = (hour % 12) + (pm ? 12 : 0);
    k += 2;
    i = k;
    while (k < end && isBlank(text.charCodeAt(k))) k++;
  }
  if (hour > 23) return Number.NaN;
  ms += hour * 3_600_000 + minute * 60_000 + sec * 1000 + millis;
  if (i === end) return ms;
  i = k;
  c = text.charCodeAt(i);
  if ((c === 90 || c === 122) && i + 1 === end) return ms; // Z
  if (c !== 43 && c !== 45) return Number.NaN;
  if (readDigits(text, i + 1, end, 2) !== 2) return Number.NaN;
  const offsetHours = digitsValue;
  i = digitsEnd;
  let offsetMinutes = 0;
  if (i < end) {
    if (text.charCodeAt(i) === 58) i++;
    if (readDigits(text, i, end, 2) !== 2 || digitsEnd !== end) return Number.NaN;
    offsetMinutes = digitsValue;
  }
  if (offsetHours > 23 || offsetMinutes > 59) return Number.NaN;
  // 14:30+02:00 is 12:30 UTC.
  return ms - (c === 45 ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
}

/** Whether the text starts with four digits, blanks aside: '2024-03-05', not '05/03/2024'. */
function startsWithYear(text: string): boolean {
  trimBounds(text);
  return readDigits(text, from, to, 4) === 4;
}

/** The order year-last dates are read in, and whether the samples proved it. */
export interface DateOrderReading {
  order: DateOrder;
  /** year-last dates were read, but every one reads both day-first and month-first */
  assumed: boolean;
  /** the first sample that reads in `order` only, e.g. '25/12/2023' for 'dmy' */
  proof?: string;
}

/**
 * The order under which most samples read as dates. A first part over 12 ('25/12/2023')
 * proves dmy, a second part over 12 ('12/25/2023') proves mdy; with no evidence either way
 * the order is 'ymd' when most samples are year-first, else 'dmy', and it is `assumed` when
 * some samples are year-last dates (which 'ymd' reads day first too).
 * Example: ['25/12/2023', '01/02/2024'] → { order: 'dmy', assumed: false, proof: '25/12/2023' }.
 */
export function readDateOrder(samples: readonly string[]): DateOrderReading {
  let dmy = 0;
  let mdy = 0;
  let yearFirst = 0;
  let yearLast = 0;
  let dmyProof: string | undefined;
  let mdyProof: string | undefined;
  for (const s of samples) {
    const asDmy = !Number.isNaN(parseDate(s, 'dmy'));
    const asMdy = !Number.isNaN(parseDate(s, 'mdy'));
    if (asDmy) dmy++;
    if (asMdy) mdy++;
    if (startsWithYear(s)) yearFirst++;
    else if (asDmy || asMdy) yearLast++;
    if (asDmy && !asMdy) dmyProof ??= s.trim();
    if (asMdy && !asDmy) mdyProof ??= s.trim();
  }
  if (mdy > dmy) return { order: 'mdy', assumed: false, proof: mdyProof! };
  if (dmy > mdy) return { order: 'dmy', assumed: false, proof: dmyProof! };
  return { order: yearFirst * 2 >= samples.length ? 'ymd' : 'dmy', assumed: yearLast > 0 };
}

/** readDateOrder's order alone. Example: ['25/12/2023', '01/02/2024'] → 'dmy'. */
export function inferDateOrder(samples: readonly string[]): DateOrder {
  return readDateOrder(samples).order;
}
