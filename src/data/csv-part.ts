/**
 * Parses CSV text into columns, slice by slice, so a million rows never exist as row objects
 * at once. The text is a whole file, or one part of it (a byte range that starts at a record)
 * when several workers read a large file side by side (see csv-parallel.ts). Slices holding a
 * quote go through PapaParse; the others are split as PapaParse's fast mode splits them, with
 * their cells read in place (RowSink.pushLine).
 *
 * The file is read and decoded here, not by PapaParse's file reader, which decodes each slice
 * on its own and breaks characters that straddle two slices (see text-slices.ts).
 */
import Papa from 'papaparse';
import type { ChunkedColumn } from '../shared/chunked-column';
import type { MissingCounts } from './column-builder';
import { dropLineEndCr, type Dialect, type TextEncoding } from './dialect';
import { breakCharOf, countChar, recordLines } from './line-numbers';
import { RowSink, type ColumnPlan, type LocatedFailures, type RaggedReport } from './row-sink';
import { textSlices } from './text-slices';

/** At most this many lines with a stray quote are listed. */
export const LISTED_QUOTE_ROWS = 5;

/** Bytes read and parsed per step: large enough to amortise calls, small enough for smooth progress. */
export const STREAM_CHUNK_BYTES = 4 * 1024 * 1024;

export interface StreamProgress {
  /** bytes read so far (exact for files; characters for strings) */
  bytesRead: number;
  totalBytes: number;
  rows: number;
}

export interface StreamOptions {
  dialect: Dialect;
  encoding: TextEncoding;
  columns: readonly ColumnPlan[];
  /** leave out records whose field count differs from the header's (otherwise the import stops and lists them) */
  skipRagged: boolean;
  chunkBytes?: number;
}

/** Which part of the input to read. */
export interface PartRange {
  /** bytes (characters, for a string); `start` is 0 or the first byte of a record */
  start: number;
  end: number;
  /** the first part holds the header and the byte-order mark */
  first: boolean;
}

/**
 * What one part of a file held. Line numbers are 1-based and count from the part's first line
 * (the file's first line, in the first part): the caller adds the line breaks before it, and to
 * the failures' stored rows, the rows before it.
 */
export interface PartResult {
  columns: ChunkedColumn[];
  rowCount: number;
  /** records read, the header and ragged ones included */
  records: number;
  /** line breaks in the part */
  lineBreaks: number;
  ragged: RaggedReport;
  failures: (LocatedFailures | null)[];
  /** per column, the cells read as missing by spelling */
  missing: MissingCounts[];
  /** lines where a record with a quote in the middle of a cell starts (at most LISTED_QUOTE_ROWS) */
  invalidQuoteLines: number[];
  /** the line where the record whose quote opens a cell and never closes starts (the part ends inside a quoted cell), or null */
  unclosedQuote: number | null;
  /** the first line with bytes that are not UTF-8, read as '\uFFFD' (a UTF-8 file only), or null */
  notUtf8Line: number | null;
}

/** PapaParse's streaming handle, the part of its API its streamers use (not in its typings). */
interface ParserHandle {
  parse(input: string, baseIndex: number, ignoreLastRow: boolean): Papa.ParseResult<string[]>;
}
const ParserHandle = (Papa as unknown as { ParserHandle: new (config: Papa.ParseConfig) => ParserHandle }).ParserHandle;

/** A record of nothing but spaces (or nothing at all): not a row, as PapaParse's skipEmptyLines 'greedy' has it. */
function isBlank(record: readonly string[]): boolean {
  const c = record[0]!.charCodeAt(0);
  // Most records start with a printable ASCII character.
  if (c > 32 && c < 127) return false;
  for (const field of record) if (field.trim() !== '') return false;
  return true;
}

/** isBlank for the line in characters [start, end) of `text`, before it is split. */
function isBlankLine(text: string, start: number, end: number, delimiter: string): boolean {
  if (start === end) return true;
  const c = text.charCodeAt(start);
  if (c > 32 && c < 127 && c !== delimiter.charCodeAt(0)) return false;
  return isBlank(text.substring(start, end).split(delimiter));
}

/** Read one part of `input` (all of it by default) into columns. Rejects only when the file cannot be read. */
export async function readCsvPart(
  input: File | string,
  options: StreamOptions,
  range: PartRange = { start: 0, end: typeof input === 'string' ? input.length : input.size, first: true },
  onProgress?: (progress: StreamProgress) => void,
): Promise<PartResult> {
  const { dialect } = options;
  const hasHeader = range.first && dialect.hasHeader;
  const totalBytes = range.end - range.start;
  const sink = new RowSink(options.columns, { decimalComma: dialect.decimalComma, skipRagged: options.skipRagged, trailingDelimiter: dialect.trailingDelimiter ?? false });
  const breakChar = breakCharOf(dialect.lineEnding);
  // '\n' and '\r\n' end lines alike, so a file may mix them: lines are split at the '\n', and a
  // '\r' just before it is left out of the line.
  const crBeforeBreak = breakChar === '\n';
  const handle = new ParserHandle({
    delimiter: dialect.delimiter,
    quoteChar: dialect.quoteChar,
    escapeChar: dialect.quoteChar,
    newline: breakChar as '\n' | '\r',
    header: false,
    // Blank records are skipped below: PapaParse's 'greedy' joins every row into a new string
    // to test it, about a fifth of the parse and most of its garbage.
    skipEmptyLines: false,
    dynamicTyping: false,
  });
  let headerPending = hasHeader;
  /** lines before the header still to leave out (comments): counted, never parsed, so a quote in them opens nothing */
  let skipPending = range.first ? (dialect.skipLines ?? 0) : 0;
  /** the line the text not yet parsed starts on */
  let line = 1;
  const invalidQuoteLines: number[] = [];
  let notUtf8Line: number | null = null;
  const result = (unclosedQuote: number | null): PartResult => {
    const { columns, failures, missing } = unclosedQuote === null ? sink.finish() : { columns: [], failures: [], missing: [] };
    return { columns, rowCount: sink.rowCount, records: sink.records + (hasHeader ? 1 : 0), lineBreaks: line - 1, ragged: sink.ragged, failures, missing, invalidQuoteLines, unclosedQuote, notUtf8Line };
  };
  // As PapaParse's own streamers do: each slice is parsed after the unfinished last record of
  // the one before, and that record is held back until the next slice completes it.
  let partial = '';
  let baseIndex = 0;
  const slices = textSlices(input, options.encoding, options.chunkBytes ?? STREAM_CHUNK_BYTES, range);
  let next = await slices.next();
  // Lines with no quote in them are split here, as PapaParse's own fast mode splits them (by
  // newline, then by delimiter), but their cells are read in place: a numeric cell never
  // becomes a string. Slices with a quote go through PapaParse.
  const { delimiter, quoteChar } = dialect;
  const fastSplit = delimiter.length === 1 && quoteChar.length > 0;
  /** [start, end) a line without its line end: `end` is where its break (or the text) is */
  const takeLine = (text: string, start: number, end: number) => {
    const stop = crBeforeBreak && end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    if (isBlankLine(text, start, stop, delimiter)) return;
    if (headerPending) headerPending = false;
    else sink.pushLine(text, start, stop, delimiter, line);
  };
  /** `text` without the lines still to skip at its start, or null when they go on past its end */
  const skipLines = (text: string, last: boolean): string | null => {
    let at = 0;
    for (; skipPending > 0; skipPending--, line++) {
      const end = text.indexOf(breakChar, at);
      if (end === -1) break;
      at = end + 1;
    }
    baseIndex += at;
    if (skipPending === 0) return text.substring(at);
    partial = text.substring(at);
    if (!last) return null;
    skipPending = 0;
    return '';
  };
  while (!next.done) {
    // The next slice is read while this one is parsed.
    const upcoming = slices.next();
    const last = next.value.bytesRead >= totalBytes;
    let aggregate: string | null = partial + next.value.text;
    if (next.value.notUtf8At >= 0 && notUtf8Line === null) notUtf8Line = line + countChar(aggregate, breakChar, 0, partial.length + next.value.notUtf8At);
    if (skipPending > 0) aggregate = skipLines(aggregate, last);
    if (aggregate === null) {
      // Still inside the lines to skip: the rest waits in `partial` for the next slice.
    } else if (fastSplit && aggregate.indexOf(quoteChar) === -1) {
      let at = 0;
      for (let end = aggregate.indexOf(breakChar); end !== -1; end = aggregate.indexOf(breakChar, at)) {
        takeLine(aggregate, at, end);
        at = end + 1;
        line++;
      }
      if (last) takeLine(aggregate, at, aggregate.length);
      else {
        partial = aggregate.substring(at);
        baseIndex += at;
      }
    } else {
      const results = handle.parse(aggregate, baseIndex, !last);
      const parsed = last ? aggregate.length : results.meta.cursor - baseIndex;
      if (!last) {
        partial = aggregate.substring(parsed);
        baseIndex = results.meta.cursor;
      }
      const { data } = results;
      // Each record but the last one of the file ends in a line break.
      const breaks = countChar(aggregate, breakChar, 0, parsed);
      const lineOf = recordLines(data, line, breaks, last ? Math.max(0, data.length - 1) : data.length, breakChar);
      line += breaks;
      for (const error of results.errors) {
        // The last record of a slice, held back, is parsed again with the next: an error in it is not one yet.
        if (!last && (error.row ?? 0) >= data.length) continue;
        const at = lineOf(error.row ?? 0);
        if (error.code === 'MissingQuotes') {
          upcoming.catch(() => undefined); // no longer needed
          return result(at);
        }
        if (error.code === 'InvalidQuotes' && invalidQuoteLines.length < LISTED_QUOTE_ROWS) invalidQuoteLines.push(at);
      }
      for (let i = 0; i < data.length; i++) {
        const record = data[i]!;
        if (crBeforeBreak) dropLineEndCr(record);
        if (isBlank(record)) continue;
        if (headerPending) {
          headerPending = false;
          continue;
        }
        sink.push(record, lineOf(i));
      }
    }
    onProgress?.({ bytesRead: next.value.bytesRead, totalBytes, rows: sink.rowCount });
    next = await upcoming;
  }
  return result(null);
}
