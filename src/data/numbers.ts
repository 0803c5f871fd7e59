/**
 * Reading a CSV cell as a number: thousands separators, a decimal comma, a unit ('%', '$', '€',
 * '£', '¥'). Called once per cell on imports of millions of rows, so it is a char-code scan
 * without regexes or allocations on the common path.
 */
import { isBlank, trimEndAt, trimStartAt } from './cell-chars';

const isDigit = (c: number) => c >= 48 && c <= 57;

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
  const start = trimStartAt(text, 0, text.length);
  const end = trimEndAt(text, start, text.length);
  if (start === end) return '';
  const last = text.charCodeAt(end - 1);
  if (isSuffixUnit(last)) return String.fromCharCode(last);
  let c = text.charCodeAt(start);
  if (c === 45 || c === 43) c = text.charCodeAt(start + 1);
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
  let start = trimStartAt(text, begin, finish);
  const end = trimEndAt(text, start, finish);
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
  const start = trimStartAt(text, begin, finish);
  const end = trimEndAt(text, start, finish);
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
