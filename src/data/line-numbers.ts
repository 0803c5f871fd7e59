/**
 * Line numbers of CSV records, as a text editor counts lines: blank lines count, and a record
 * whose quoted cell holds a line break spans several lines. They name what is wrong in a file
 * ("line 12 of the file"), so the user can find it there.
 */
import type { Dialect } from './dialect';

/**
 * The character that ends a line: '\r' where lines end in '\r' alone (old Mac exports), else
 * '\n'. Files that end lines in '\n' or '\r\n' are read alike, a '\r' just before the '\n'
 * being part of the line end: a file may mix them (rows appended by another tool).
 */
export function breakCharOf(lineEnding: Dialect['lineEnding']): string {
  return lineEnding === '\r' ? '\r' : '\n';
}

/** The index just after the `lines`-th line break of `text` (its length when it has fewer). Example: ('# a\nx,y\n', 1, '\n') → 4. */
export function afterLines(text: string, lines: number, breakChar: string): number {
  let at = 0;
  for (let k = 0; k < lines; k++) {
    const end = text.indexOf(breakChar, at);
    if (end === -1) return text.length;
    at = end + 1;
  }
  return at;
}

/** How many times the one character `char` occurs in text[start, end). */
export function countChar(text: string, char: string, start = 0, end = text.length): number {
  let n = 0;
  for (let at = text.indexOf(char, start); at !== -1 && at < end; at = text.indexOf(char, at + 1)) n++;
  return n;
}

/**
 * Where each of `records` (parsed from one piece of text) starts: `lineOf(i)` is the line of
 * record i, and of i = records.length, the record after them. The first starts on `firstLine`.
 * `breaks` is how many line breaks the text held and `separators` how many of them ended a
 * record: when they are equal no cell holds a line break, and no cell needs to be looked at.
 * Example: records [['a'], ['x\ny'], ['b']] from 'a\n"x\ny"\nb' (3 breaks, 2 separators), firstLine 1 → lines 1, 2, 4.
 */
export function recordLines(records: readonly (readonly string[])[], firstLine: number, breaks: number, separators: number, breakChar: string): (index: number) => number {
  if (breaks <= separators) return (index) => firstLine + index;
  const starts = new Float64Array(records.length + 1);
  let line = firstLine;
  for (let i = 0; i < records.length; i++) {
    starts[i] = line;
    line++;
    for (const cell of records[i]!) line += countChar(cell, breakChar);
  }
  starts[records.length] = line;
  return (index) => starts[index]!;
}
