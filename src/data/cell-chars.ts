/**
 * Char-code helpers the cell readers share (missing-values, numbers, booleans, dates). They run
 * once per cell on imports of millions of rows, so they scan in place and return indices:
 * no regexes, no slices, no objects on the common path.
 */

/** Control characters and the Unicode spaces that String.prototype.trim removes. */
export function isBlank(c: number): boolean {
  if (c <= 32) return true;
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** The first index in [start, end) that is not a blank, or `end`. Example: ('  ab ', 0, 5) → 2. */
export function trimStartAt(text: string, start: number, end: number): number {
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  return start;
}

/** Where characters [start, end) end without their trailing blanks. Example: ('  ab ', 2, 5) → 4. */
export function trimEndAt(text: string, start: number, end: number): number {
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  return end;
}

/** Whether the letter at `i` is `lower` in either case; `| 32` lower-cases ASCII letters only. */
export const letterAt = (text: string, i: number, lower: number) => (text.charCodeAt(i) | 32) === lower;
