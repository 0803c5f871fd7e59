/**
 * The spellings of "no value" in a CSV cell ('', 'NA', 'null', '?', ...), read once per cell on
 * imports of millions of rows: a char-code scan, with a code per spelling so the import notes
 * can say how missing cells were written.
 */
import { letterAt, trimEndAt, trimStartAt } from './cell-chars';

/**
 * The usual spellings of "no value", trimmed and in any case: '', '  ', 'NA', 'N/A', 'null',
 * 'NaN', 'None', '?', '-', '#N/A'. '0', 'N' and 'none of them' are values.
 */
export function isMissingToken(text: string): boolean {
  return isMissingIn(text, 0, text.length) !== 0;
}

/** The usual ways of writing "no value" but blanks; each letter may be written in either case. */
const USUAL_SPELLINGS = ['?', '-', 'NA', 'N/A', 'NaN', 'null', 'None', '#N/A'];

/**
 * Every way of writing `usual` in upper and lower case, the usual one first: variant k flips the
 * case of the letters j whose bit is set in k. Example: 'NA' → ['NA', 'nA', 'Na', 'na'].
 */
function caseVariants(usual: string): string[] {
  const letters = [...usual].flatMap((c, i) => (c.toLowerCase() !== c.toUpperCase() ? [i] : []));
  return Array.from({ length: 1 << letters.length }, (_, k) => {
    const chars = [...usual];
    letters.forEach((at, j) => {
      const c = chars[at]!;
      if (k & (1 << j)) chars[at] = c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase();
    });
    return chars.join('');
  });
}

/**
 * The spellings of missing by the code isMissingIn gives them (0: not missing; 1: empty or
 * blanks), each case written apart ('NA', 'nA', 'Na', 'na'): the notes then name the spellings
 * a file holds as it holds them, and a learner cleaning it finds every one.
 */
export const MISSING_SPELLINGS: readonly string[] = ['', '', ...USUAL_SPELLINGS.flatMap(caseVariants)];

const first = (usual: string) => MISSING_SPELLINGS.indexOf(usual);
const NA = first('NA');
const N_SLASH_A = first('N/A');
const NAN = first('NaN');
const NULL = first('null');
const NONE = first('None');
const HASH_N_SLASH_A = first('#N/A');

/** 1 when the letter at `i` is in the other case than `usual`'s (a char code), else 0. */
const flipped = (text: string, i: number, usual: number) => ((text.charCodeAt(i) ^ usual) & 32) >> 5;

/**
 * Which missing spelling characters [start, end) of the text are (a cell read in place, in a
 * line): its index in MISSING_SPELLINGS, or 0 when the cell is a value. Example: ' na ' → the
 * index of 'na'.
 */
export function isMissingIn(text: string, start: number, end: number): number {
  if (start === end) return 1;
  const c0 = text.charCodeAt(start);
  // No missing spelling starts with a digit: numeric cells leave at once.
  if (c0 >= 48 && c0 <= 57) return 0;
  const s = trimStartAt(text, start, end);
  // Each spelling's letters are matched in either case, then its case is read bit by bit.
  switch (trimEndAt(text, s, end) - s) {
    case 0:
      return 1;
    case 1: {
      const c = text.charCodeAt(s);
      return c === 63 ? 2 : c === 45 ? 3 : 0; // ? or -
    }
    case 2:
      return letterAt(text, s, 110) && letterAt(text, s + 1, 97) ? NA + flipped(text, s, 78) + (flipped(text, s + 1, 65) << 1) : 0; // NA
    case 3: {
      if (!letterAt(text, s, 110)) return 0;
      const c1 = text.charCodeAt(s + 1);
      if (c1 === 47) return letterAt(text, s + 2, 97) ? N_SLASH_A + flipped(text, s, 78) + (flipped(text, s + 2, 65) << 1) : 0; // N/A
      if ((c1 | 32) !== 97 || !letterAt(text, s + 2, 110)) return 0;
      return NAN + flipped(text, s, 78) + (flipped(text, s + 1, 97) << 1) + (flipped(text, s + 2, 78) << 2); // NaN
    }
    case 4:
      if (text.charCodeAt(s) === 35) {
        if (!(letterAt(text, s + 1, 110) && text.charCodeAt(s + 2) === 47 && letterAt(text, s + 3, 97))) return 0;
        return HASH_N_SLASH_A + flipped(text, s + 1, 78) + (flipped(text, s + 3, 65) << 1); // #N/A
      }
      if (!letterAt(text, s, 110)) return 0;
      if (letterAt(text, s + 1, 117)) {
        if (!(letterAt(text, s + 2, 108) && letterAt(text, s + 3, 108))) return 0;
        return NULL + flipped(text, s, 110) + (flipped(text, s + 1, 117) << 1) + (flipped(text, s + 2, 108) << 2) + (flipped(text, s + 3, 108) << 3); // null
      }
      if (!(letterAt(text, s + 1, 111) && letterAt(text, s + 2, 110) && letterAt(text, s + 3, 101))) return 0;
      return NONE + flipped(text, s, 78) + (flipped(text, s + 1, 111) << 1) + (flipped(text, s + 2, 110) << 2) + (flipped(text, s + 3, 101) << 3); // None
    default:
      return 0;
  }
}
