/**
 * Reading a CSV cell as a date or date-time (epoch milliseconds, UTC), and the order year-last
 * dates ('05/03/2024') are read in, from a column's samples. Called once per cell on imports of
 * millions of rows, so parseDate is a char-code scan without regexes or allocations.
 */
import { isBlank, letterAt, trimEndAt, trimStartAt } from './cell-chars';

/** How a year-last date is read: 'dmy' reads '05/03/2024' as 5 March, 'mdy' as 3 May; 'ymd' (year first) reads it day first. */
export type DateOrder = 'ymd' | 'dmy' | 'mdy';

/** 10^0 … 10^9: what the digits of a fraction of a second are divided by, by how many there are. */
const FRACTION_SCALE = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];

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
  const start = trimStartAt(text, 0, text.length);
  const end = trimEndAt(text, start, text.length);
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
      millis = Math.round((digitsValue / FRACTION_SCALE[fractionLength]!) * 1000);
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
  const start = trimStartAt(text, 0, text.length);
  return readDigits(text, start, trimEndAt(text, start, text.length), 4) === 4;
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
