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
  const s = trimStartAt(text, start, end);
  switch (trimEndAt(text, s, end) - s) {
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
