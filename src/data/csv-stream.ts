/**
 * Parses a whole CSV (a File in a worker, a string in tests) through PapaParse into columns,
 * slice by slice, so a million rows never exist as row objects at once.
 *
 * The file is read and decoded here, not by PapaParse's file reader, which decodes each slice
 * on its own and breaks characters that straddle two slices (see text-slices.ts). A cancel
 * terminates the worker (see workers/import-client.ts).
 */
import Papa from 'papaparse';
import type { Table } from '../shared/column';
import type { Dialect, TextEncoding } from './dialect';
import { describeRows, RowSink, type ColumnPlan, type RaggedReport } from './row-sink';
import { textSlices } from './text-slices';

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
  /** for sizing the typed arrays up front */
  expectedRows?: number;
  chunkBytes?: number;
  onProgress?: (progress: StreamProgress) => void;
}

export type StreamOutcome =
  | { ok: true; table: Table; notes: string[]; ragged: RaggedReport }
  | { ok: false; reason: 'ragged' | 'malformed' | 'empty'; problem: string; ragged?: RaggedReport };

/** PapaParse's streaming handle, the part of its API its streamers use (not in its typings). */
interface ParserHandle {
  parse(input: string, baseIndex: number, ignoreLastRow: boolean): Papa.ParseResult<string[]>;
}
const ParserHandle = (Papa as unknown as { ParserHandle: new (config: Papa.ParseConfig) => ParserHandle }).ParserHandle;

/** Parse `input` fully into a Table, or say plainly why not. */
export async function streamCsv(input: File | string, fileName: string, options: StreamOptions): Promise<StreamOutcome> {
  const { dialect } = options;
  const totalBytes = typeof input === 'string' ? input.length : input.size;
  const sink = new RowSink(
    options.columns,
    { decimalComma: dialect.decimalComma, skipRagged: options.skipRagged, ...(options.expectedRows ? { expectedRows: options.expectedRows } : {}) },
    dialect.hasHeader ? 2 : 1,
  );
  const handle = new ParserHandle({
    delimiter: dialect.delimiter,
    quoteChar: dialect.quoteChar,
    escapeChar: dialect.quoteChar,
    newline: dialect.lineEnding,
    header: false,
    skipEmptyLines: 'greedy',
    dynamicTyping: false,
  });
  let headerPending = dialect.hasHeader;
  const invalidQuoteRows: number[] = [];
  // As PapaParse's own streamers do: each slice is parsed after the unfinished last record of
  // the one before, and that record is held back until the next slice completes it.
  let partial = '';
  let baseIndex = 0;
  const readAll = async (): Promise<StreamOutcome | null> => {
    const slices = textSlices(input, options.encoding, options.chunkBytes ?? STREAM_CHUNK_BYTES);
    let next = await slices.next();
    while (!next.done) {
      // The next slice is read while this one is parsed.
      const upcoming = slices.next();
      const last = next.value.bytesRead >= totalBytes;
      const aggregate = partial + next.value.text;
      const results = handle.parse(aggregate, baseIndex, !last);
      if (!last) {
        partial = aggregate.substring(results.meta.cursor - baseIndex);
        baseIndex = results.meta.cursor;
      }
      const base = sink.firstRecordNumber + sink.records - (headerPending ? 1 : 0);
      for (const error of results.errors) {
        const record = base + (error.row ?? 0);
        if (error.code === 'MissingQuotes') {
          upcoming.catch(() => undefined); // no longer needed
          return {
            ok: false,
            reason: 'malformed',
            problem: `"${fileName}", row ${record.toLocaleString('en')}: a quote (${dialect.quoteChar}) opens a cell and is never closed, so the rest of the file would be read as one cell. Fix that row, then import again.`,
          };
        }
        if (error.code === 'InvalidQuotes' && invalidQuoteRows.length < 5) invalidQuoteRows.push(record);
      }
      for (const record of results.data) {
        if (headerPending) {
          headerPending = false;
          continue;
        }
        sink.push(record);
      }
      options.onProgress?.({ bytesRead: next.value.bytesRead, totalBytes, rows: sink.rowCount });
      next = await upcoming;
    }
    return null;
  };
  try {
    const failed = await readAll();
    if (failed) return failed;
  } catch (e) {
    // The file changed or vanished on disk while it was read.
    return { ok: false, reason: 'malformed', problem: `"${fileName}" could not be read to the end (${e instanceof Error ? e.message : String(e)}). Choose the file again.` };
  }
  if (sink.records === 0) {
    return { ok: false, reason: 'empty', problem: `"${fileName}" has ${dialect.hasHeader ? 'a header row but ' : ''}no data rows.` };
  }
  if (sink.ragged.count > 0 && !options.skipRagged) {
    return {
      ok: false,
      reason: 'ragged',
      ragged: sink.ragged,
      problem:
        `"${fileName}": ${describeRows(sink.ragged)} ${sink.ragged.count === 1 ? 'has' : 'have'} a different number of cells than the header's ${options.columns.length}. ` +
        'You can skip these rows and import the rest, or fix the file.',
    };
  }
  const { table, notes } = sink.finish();
  if (sink.ragged.count > 0) notes.unshift(`Skipped ${describeRows(sink.ragged)}: a different number of cells than the header.`);
  if (invalidQuoteRows.length > 0) {
    notes.push(`Rows ${invalidQuoteRows.join(', ')} have a quote in the middle of a cell; it was kept as part of the text.`);
  }
  return { ok: true, table, notes, ragged: sink.ragged };
}
