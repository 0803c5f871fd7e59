/**
 * Guessing a column's type from a sample of its cells, with the reason in words. The user sees
 * the guess in the import preview and can change it. Runs once per column over the inspected
 * sample (a few thousand rows), never per cell of an import.
 */
import type { ColumnKind } from '../shared/column';
import { allValues, count, listWords, missingNote, orderWords, otherOrderWords, quote } from './words';
import { KIND_LABELS } from './kinds';
import { parseBoolean } from './booleans';
import { parseDate, readDateOrder, type DateOrder, type DateOrderReading } from './dates';
import { isMissingToken } from './missing-values';
import { numberUnit, parseNumber } from './numbers';

export interface KindGuess {
  kind: ColumnKind;
  /** the order year-last dates read in: for dates, and for mostly dates when the sample proved it */
  dateOrder?: DateOrder;
  /** set for dates whose order no value proves (every day is 12 or less): `dateOrder` was assumed */
  dateOrderAssumed?: true;
  /** sentences for learners, e.g. 'All 150 values are numbers.' */
  reason: string;
}

export interface InferOptions {
  /** the line of the file sample `index` starts on; without it, places are named as rows (index + 1) */
  lineOf?: (index: number) => number;
}

/** Unique values needed before a column can be called an identifier. */
const MIN_ID_ROWS = 20;
const ID_NAME = /(^|[_\s-])id$|^id([_\s-]|$)|uuid|guid/i;
/** camelCase ids such as 'PassengerId' or 'userID' (case-sensitive, so 'paid' and 'VOID' are not ones) */
const CAMEL_ID = /[a-z]I[dD]$/;
/** a column of years: 'year', 'yearID', 'study_year', 'yr', 'season' */
const YEAR_NAME = /year|(^|[_\s-])yr([_\s-]|$)|season/i;
/** Whole numbers in this range that count up by one read as years, not as a row number. */
const YEARS = { from: 1800, to: 2100 };
/** The share of values that must read as numbers (or dates) for the others to be named as the odd ones. */
const MOSTLY = 0.8;
/** Odd values named in a reason; the rest are counted. */
const LISTED_ODD = 3;

/** A sample's cells split into values and missing ones, with where each value is. */
interface Sample {
  name: string;
  present: string[];
  /** the sample index of each present value */
  at: number[];
  /** where sample index i is, in words: 'row 14' or 'line 15' */
  where: (index: number) => string;
  /** the missing cells in a sentence, with a leading space, or '' */
  missing: string;
}

/**
 * Example: inferColumnKind('age', ['31', '45', 'NA'], false) →
 *   { kind: 'numeric', reason: 'All 2 values are numbers. 1 cell "NA" is read as missing.' }
 */
export function inferColumnKind(name: string, samples: readonly string[], decimalComma: boolean, options: InferOptions = {}): KindGuess {
  const present: string[] = [];
  const at: number[] = [];
  const spellings = new Map<string, number>();
  samples.forEach((cell, i) => {
    if (isMissingToken(cell)) {
      const spelling = cell.trim();
      spellings.set(spelling, (spellings.get(spelling) ?? 0) + 1);
    } else {
      present.push(cell);
      at.push(i);
    }
  });
  const { lineOf } = options;
  const where = (i: number) => (lineOf ? `line ${lineOf(i).toLocaleString('en')}` : `row ${(i + 1).toLocaleString('en')}`);
  const sample: Sample = { name, present, at, where, missing: missingNote(spellings) };
  const n = present.length;
  if (n === 0) return { kind: 'categorical', reason: 'The column is empty in the rows read so far.' };

  if (present.every((s) => parseBoolean(s) >= 0)) {
    return { kind: 'boolean', reason: `${allValues(n, 'are yes/no or true/false', 'is yes/no or true/false')}.${sample.missing}` };
  }

  const numbers = present.map((s) => parseNumber(s, decimalComma));
  const notNumbers = unparsed(numbers);
  if (notNumbers.length === 0) return numbersGuess(sample, numbers, decimalComma);
  if (n - notNumbers.length >= MOSTLY * n) return { kind: 'categorical', reason: mostlyReason(sample, 'numbers', notNumbers, 'numeric') };

  const reading = readDateOrder(present);
  const notDates = unparsed(present.map((s) => parseDate(s, reading.order)));
  if (notDates.length === 0) {
    const reason = `${allValues(n, 'are dates', 'is a date')}${orderNote(reading)}.${sample.missing}`;
    return { kind: 'datetime', dateOrder: reading.order, ...(reading.assumed ? { dateOrderAssumed: true as const } : {}), reason };
  }
  if (n - notDates.length >= MOSTLY * n) {
    // The order goes with the guess only when proven: an assumed one is decided when the user chooses dates.
    return { kind: 'categorical', ...(reading.assumed ? {} : { dateOrder: reading.order }), reason: mostlyReason(sample, 'dates', notDates, 'datetime') };
  }
  return labelsGuess(sample);
}

/** The indices of the values that are NaN: the ones that did not parse. */
function unparsed(values: readonly number[]): number[] {
  const found: number[] = [];
  for (let k = 0; k < values.length; k++) if (Number.isNaN(values[k])) found.push(k);
  return found;
}

/** ', read as day/month, as "25/12/2023" shows' and the like; '' for year-first dates. */
function orderNote(reading: DateOrderReading): string {
  if (reading.proof) return `, read as ${orderWords(reading.order)}, as ${quote(reading.proof)} shows`;
  if (reading.assumed) return `, read as ${orderWords(reading.order)}; every day is 12 or less, so ${otherOrderWords(reading.order)} is possible too`;
  return '';
}

/**
 * 'Mostly numbers (27 of 30), but "unknown" (2 cells, first at row 14) and "n/a?" (row 21) are
 * not: read as labels. Fix them in the file, or choose Numeric to read those 3 cells as missing.'
 * `odd` are the indices into sample.present of the values that are not `what`.
 */
function mostlyReason(sample: Sample, what: string, odd: readonly number[], kind: ColumnKind): string {
  const n = sample.present.length;
  const firsts = new Map<string, { first: number; cells: number }>();
  for (const k of odd) {
    const value = sample.present[k]!.trim();
    const seen = firsts.get(value);
    if (seen) seen.cells++;
    else firsts.set(value, { first: sample.at[k]!, cells: 1 });
  }
  const named = [...firsts].slice(0, LISTED_ODD).map(([value, { first, cells }]) =>
    cells === 1 ? `${quote(value)} (${sample.where(first)})` : `${quote(value)} (${cells.toLocaleString('en')} cells, first at ${sample.where(first)})`,
  );
  if (firsts.size > LISTED_ODD) named.push(count(firsts.size - LISTED_ODD, 'other value'));
  const one = odd.length === 1;
  return (
    `Mostly ${what} (${(n - odd.length).toLocaleString('en')} of ${n.toLocaleString('en')}), but ${listWords(named)} ${firsts.size === 1 ? 'is' : 'are'} not: read as labels. ` +
    `Fix ${one ? 'it' : 'them'} in the file, or choose ${KIND_LABELS[kind]} to read ${one ? 'that cell' : `those ${count(odd.length, 'cell')}`} as missing.${sample.missing}`
  );
}

/** Whether a number is written with a 0 before another digit, which reading it as a number drops: '01234', '-007'; not '0' or '0.5'. */
function hasLeadingZero(text: string): boolean {
  const t = text.trim();
  const i = t.charCodeAt(0) === 45 || t.charCodeAt(0) === 43 ? 1 : 0;
  const next = t.charCodeAt(i + 1);
  return t.charCodeAt(i) === 48 && next >= 48 && next <= 57;
}

/** Whether a whole number is written with more digits than a double holds exactly: beyond 2^53 − 1, without a decimal part or exponent. */
function tooLongForNumber(text: string, x: number, decimalComma: boolean): boolean {
  return Math.abs(x) > Number.MAX_SAFE_INTEGER && !text.includes(decimalComma ? ',' : '.') && !/e/i.test(text);
}

/** A column whose every value reads as a number: numbers, unless units, leading zeros, long digits or a count say otherwise. */
function numbersGuess(sample: Sample, numbers: readonly number[], decimalComma: boolean): KindGuess {
  const { present, at, where, missing } = sample;
  const n = present.length;
  const units = present.map(numberUnit);
  const unit = units[0]!;
  const otherUnit = units.findIndex((u) => u !== unit);
  if (otherUnit >= 0) {
    const described = (k: number) => `${quote(present[k]!)} (${where(at[k]!)}) has ${units[k] ? `"${units[k]}"` : 'no unit'}`;
    return asText(sample, `Numbers, but not all written alike: ${described(0)}, ${described(otherUnit)}: read as text so nothing is misread.`);
  }
  if (unit) {
    const shown = `${quote(present[0]!)} is read as ${numbers[0]}`;
    return { kind: 'numeric', reason: `${allValues(n, `are numbers written with "${unit}"`, `is a number written with "${unit}"`)}: the "${unit}" is removed, so ${shown}.${missing}` };
  }

  const zero = present.findIndex(hasLeadingZero);
  if (zero >= 0) return asText(sample, `Values such as ${quote(present[zero]!)} (${where(at[zero]!)}) start with 0, which a number would lose: read as text.`);
  const long = present.findIndex((s, k) => tooLongForNumber(s, numbers[k]!, decimalComma));
  if (long >= 0) {
    const digits = present[long]!.replace(/\D/g, '').length;
    return asText(
      sample,
      `Whole numbers too long to keep exactly, such as ${quote(present[long]!)} (${where(at[long]!)}, ${digits} digits): a number keeps about 15 digits, so they are read as text.`,
    );
  }

  let yearsNote = '';
  if (n >= MIN_ID_ROWS && numbers.every(Number.isInteger) && new Set(numbers).size === n) {
    const consecutive = numbers.every((x, i) => i === 0 || x === numbers[i - 1]! + 1);
    const yearName = YEAR_NAME.test(sample.name);
    const idName = (ID_NAME.test(sample.name) || CAMEL_ID.test(sample.name)) && !yearName;
    let min = Infinity;
    let max = -Infinity;
    for (const x of numbers) {
      if (x < min) min = x;
      if (x > max) max = x;
    }
    const years = min >= YEARS.from && max <= YEARS.to;
    const rowNumber = consecutive && !years && !yearName;
    if (rowNumber || idName) {
      return {
        kind: 'identifier',
        reason: rowNumber
          ? `The values count up by one (${numbers[0]}, ${numbers[1]}, …): a row number, not a measurement.`
          : `Whole numbers, a different one in every row, in a column named like an id.`,
      };
    }
    if (consecutive) yearsNote = `: whole numbers from ${min} to ${max}, ${years ? 'like years' : `in a column named for years`}, so not a row number`;
  }
  return { kind: 'numeric', reason: `${allValues(n, 'are numbers', 'is a number')}${yearsNote}.${missing}` };
}

/** A labels guess, explained first by `why` the values are not read as numbers. */
function asText(sample: Sample, why: string): KindGuess {
  const guess = labelsGuess(sample);
  return { kind: guess.kind, reason: `${why} ${guess.reason}` };
}

/** Values read as text: an identifier, free text or categories. */
function labelsGuess(sample: Sample): KindGuess {
  const { present, missing } = sample;
  const n = present.length;
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
      return { kind: 'identifier', reason: `A different short code in every one of ${count(n, 'row')}: an identifier.${missing}` };
    }
    return { kind: 'text', reason: `Different text in every one of ${count(n, 'row')}.${missing}` };
  }
  if (meanLength > 40 && distinctCount > n / 2) {
    return { kind: 'text', reason: `Long text (${Math.round(meanLength)} characters on average), mostly different in each row.${missing}` };
  }
  return { kind: 'categorical', reason: `${count(distinctCount, 'distinct label')} over ${count(n, 'value')}.${missing}` };
}
