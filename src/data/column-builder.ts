/**
 * A column built one cell at a time during an import: typed storage in chunks, a dictionary for
 * label kinds, a validity bitmap, and a count of cells that did not parse.
 */
import { CHUNK_ROWS, emptyChunkedColumn, growChunk, newChunk, toColumn, type ChunkedColumn } from '../shared/chunked-column';
import { allocValues, setValid, usesDictionary, type Column, type ColumnKind, type ColumnValues } from '../shared/column';
import { columnWords, parseBoolean, zeroOrOne } from './booleans';
import { parseDate, type DateOrder } from './dates';
import { isMissingIn, MISSING_SPELLINGS } from './missing-values';
import { parseNumberIn } from './numbers';

export interface ParseFailures {
  count: number;
  /** 0-based row index within this column */
  firstRow: number;
  /** the first unreadable cell, cut to 100 characters with '…' */
  firstValue: string;
}

/** A column's missing cells by how they were written. */
export interface MissingCounts {
  /** cells read as missing, by the code of their spelling (its index in MISSING_SPELLINGS) */
  counts: Float64Array;
  /** each code's spelling as the first such cell wrote it, trimmed ('' until one is seen) */
  written: string[];
}

export interface ColumnBuilder {
  push(text: string): void;
  /** push(text.substring(start, end)), without making that string where the kind allows */
  pushIn(text: string, start: number, end: number): void;
  readonly length: number;
  readonly failures: ParseFailures | null;
  readonly missing: MissingCounts;
  /** the column as one typed array (a copy of the chunks) */
  finish(): Column;
  /** the column in storage's chunks, without a copy; the builder is spent */
  finishChunked(): ChunkedColumn;
}

export interface BuilderOptions {
  decimalComma: boolean;
  dateOrder?: DateOrder;
  /** called when the first cell fails to parse, so the caller can note where it is in the file */
  onFirstFailure?: () => void;
}

/** Rows of a column's first chunk: a small file's columns stay small, a large file's first chunk doubles to CHUNK_ROWS. */
const FIRST_CHUNK_ROWS = 1024;

/** Longest firstValue, in UTF-16 units, ellipsis included. */
const MAX_SHOWN = 100;

/** The text cut to MAX_SHOWN with an ellipsis, never through a surrogate pair (an emoji). */
function shorten(text: string): string {
  if (text.length <= MAX_SHOWN) return text;
  let cut = MAX_SHOWN - 1;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return `${text.slice(0, cut)}…`;
}

/**
 * Example: createColumnBuilder('age', 'numeric', { decimalComma: false }), then push('31'),
 * push('NA'), push('unknown') → length 3, failures { count: 1, firstRow: 2, firstValue: 'unknown' },
 * and finish() → values Float64Array [31, 0, 0] with only row 0 valid.
 *
 * Values go into chunks of CHUNK_ROWS rows, as storage keeps them: nothing is regrown or
 * copied however long the file, and finishChunked() hands the chunks over as they are.
 */
export function createColumnBuilder(name: string, kind: ColumnKind, options: BuilderOptions): ColumnBuilder {
  const column = emptyChunkedColumn(name, kind);
  // The chunk being filled and the next row's place in it; a full chunk makes room first.
  let values: ColumnValues = allocValues(kind, 0);
  let valid: Uint8Array = new Uint8Array(0);
  let at = 0;
  let length = 0;
  let failures: ParseFailures | null = null;
  const codes = usesDictionary(kind) ? new Map<string, number>() : null;
  const dictionary: string[] = [];
  /** a boolean column's first spelling of false and of true */
  const written = ['', ''];
  const order = options.dateOrder ?? 'ymd';

  const makeRoom = () => {
    const last = column.chunks.length - 1;
    if (last >= 0 && values.length < CHUNK_ROWS) {
      // Only the first chunk starts small, and doubles until it is a whole chunk.
      growChunk(column, last, values.length * 2);
    } else {
      const chunk = newChunk(kind, last < 0 ? FIRST_CHUNK_ROWS : CHUNK_ROWS);
      column.chunks.push(chunk.values);
      column.valid.push(chunk.valid);
      at = 0;
    }
    values = column.chunks[column.chunks.length - 1]!;
    valid = column.valid[column.valid.length - 1]!;
  };

  // Counted on the missing path only: a cell that is a value never comes here.
  const missing: MissingCounts = { counts: new Float64Array(MISSING_SPELLINGS.length), written: MISSING_SPELLINGS.map(() => '') };
  const countMissing = (code: number, text: string, start: number, end: number) => {
    const seen = missing.counts[code]!;
    missing.counts[code] = seen + 1;
    if (seen === 0) missing.written[code] = text.substring(start, end).trim();
  };

  const fail = (row: number, text: string) => {
    if (failures) failures.count++;
    else {
      failures = { count: 1, firstRow: row, firstValue: shorten(text) };
      options.onFirstFailure?.();
    }
  };

  // One push per storage type, each its own function: every typed-array store site then sees a
  // single array type and stays fast (one shared site over three types runs several times slower).
  let push: (text: string) => void;
  let pushIn: ((text: string, start: number, end: number) => void) | null = null;
  if (codes) {
    push = (text) => {
      if (at === values.length) makeRoom();
      const slot = at++;
      length++;
      const m = isMissingIn(text, 0, text.length);
      if (m !== 0) return countMissing(m, text, 0, text.length);
      // ' b' after 'a, b' is the label 'b': spaces around a label are never part of it.
      const label = text.charCodeAt(0) <= 32 || text.charCodeAt(text.length - 1) <= 32 ? text.trim() : text;
      let code = codes.get(label);
      if (code === undefined) {
        code = dictionary.length;
        codes.set(label, code);
        dictionary.push(label);
      }
      (values as Uint32Array)[slot] = code;
      setValid(valid, slot);
    };
  } else if (kind === 'boolean') {
    const decimalComma = options.decimalComma;
    push = (text) => {
      if (at === values.length) makeRoom();
      const slot = at++;
      const row = length++;
      const m = isMissingIn(text, 0, text.length);
      if (m !== 0) return countMissing(m, text, 0, text.length);
      // A column the learner chose (or retyped) as true/false may be written 1/0 (inference keeps those numbers).
      const value = parseBoolean(text);
      const bit = value >= 0 ? value : zeroOrOne(text, decimalComma);
      if (bit < 0) return fail(row, text);
      // Shown as the file wrote it, the first spelling of each; 1 and 0 are shown as true and false, which they were chosen to mean.
      if (value >= 0 && !written[bit]) written[bit] = text.trim();
      (values as Uint8Array)[slot] = bit;
      setValid(valid, slot);
    };
  } else if (kind === 'numeric') {
    const decimalComma = options.decimalComma;
    // Calling parseNumberIn directly, not through a parse function shared with datetime, lets
    // V8 inline it (about 15% faster per cell in Node 20). A whole cell is the range over all of it.
    pushIn = (text, start, end) => {
      if (at === values.length) makeRoom();
      const slot = at++;
      const row = length++;
      const m = isMissingIn(text, start, end);
      if (m !== 0) return countMissing(m, text, start, end);
      const value = parseNumberIn(text, start, end, decimalComma);
      if (Number.isNaN(value)) return fail(row, text.substring(start, end));
      (values as Float64Array)[slot] = value;
      setValid(valid, slot);
    };
    const numericIn = pushIn;
    push = (text) => numericIn(text, 0, text.length);
  } else {
    push = (text) => {
      if (at === values.length) makeRoom();
      const slot = at++;
      const row = length++;
      const m = isMissingIn(text, 0, text.length);
      if (m !== 0) return countMissing(m, text, 0, text.length);
      const value = parseDate(text, order);
      if (Number.isNaN(value)) return fail(row, text);
      (values as Float64Array)[slot] = value;
      setValid(valid, slot);
    };
  }

  const finishChunked = (): ChunkedColumn => {
    column.length = length;
    if (codes) column.dictionary = dictionary;
    if (kind === 'boolean') column.spellings = [written[0]!, written[1]!];
    const words = kind === 'boolean' ? columnWords(written[0]!, written[1]!) : undefined;
    if (words) column.words = words;
    return column;
  };

  const pushSubstring = (text: string, start: number, end: number) => push(text.substring(start, end));
  return {
    push,
    pushIn: pushIn ?? pushSubstring,
    get length() {
      return length;
    },
    get failures() {
      return failures;
    },
    missing,
    finishChunked,
    finish: () => toColumn(finishChunked()),
  };
}

/** A whole column from its cells at once: for tests and small data. */
export function columnFromStrings(name: string, kind: ColumnKind, cells: readonly string[], options: BuilderOptions): Column {
  const builder = createColumnBuilder(name, kind, options);
  for (const cell of cells) builder.push(cell);
  return builder.finish();
}
