/**
 * Streams a whole CSV (a File in the browser, a string in tests) through PapaParse into
 * columns, chunk by chunk, so a million rows never exist as row objects at once.
 */
import Papa from 'papaparse';
import type { Table } from '../shared/column';
import type { Dialect, TextEncoding } from './dialect';
import { describeRows, RowSink, type ColumnPlan, type RaggedReport } from './row-sink';

/** Bytes PapaParse reads per step: large enough to amortise calls, small enough for smooth progress. */
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
  isCancelled?: () => boolean;
}

export type StreamOutcome =
  | { ok: true; table: Table; notes: string[]; ragged: RaggedReport }
  | { ok: false; reason: 'cancelled' | 'ragged' | 'malformed' | 'empty'; problem: string; ragged?: RaggedReport };

/** Parse `input` fully into a Table, or say plainly why not. */
export function streamCsv(input: File | string, fileName: string, options: StreamOptions): Promise<StreamOutcome> {
  const { dialect } = options;
  const chunkBytes = options.chunkBytes ?? STREAM_CHUNK_BYTES;
  const totalBytes = typeof input === 'string' ? input.length : input.size;
  const sink = new RowSink(
    options.columns,
    { decimalComma: dialect.decimalComma, skipRagged: options.skipRagged, ...(options.expectedRows ? { expectedRows: options.expectedRows } : {}) },
    dialect.hasHeader ? 2 : 1,
  );
  let headerPending = dialect.hasHeader;
  let chunks = 0;
  let fatal: StreamOutcome | null = null;
  const invalidQuoteRows: number[] = [];

  return new Promise((resolve) => {
    Papa.parse<string[]>(input as never, {
      delimiter: dialect.delimiter,
      quoteChar: dialect.quoteChar,
      escapeChar: dialect.quoteChar,
      newline: dialect.lineEnding,
      encoding: options.encoding,
      header: false,
      skipEmptyLines: 'greedy',
      dynamicTyping: false,
      chunkSize: chunkBytes,
      chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        chunks++;
        const base = sink.firstRecordNumber + sink.records - (headerPending ? 1 : 0);
        for (const error of results.errors) {
          const record = base + (error.row ?? 0);
          if (error.code === 'MissingQuotes') {
            fatal = {
              ok: false,
              reason: 'malformed',
              problem: `"${fileName}", row ${record.toLocaleString('en')}: a quote (${dialect.quoteChar}) opens a cell and is never closed, so the rest of the file would be read as one cell. Fix that row, then import again.`,
            };
            parser.abort();
            return;
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
        options.onProgress?.({ bytesRead: Math.min(totalBytes, chunks * chunkBytes), totalBytes, rows: sink.rowCount });
        if (options.isCancelled?.()) {
          fatal = { ok: false, reason: 'cancelled', problem: 'The import was cancelled; nothing was stored.' };
          parser.abort();
        }
      },
      complete() {
        if (fatal) return resolve(fatal);
        if (sink.records === 0) {
          return resolve({ ok: false, reason: 'empty', problem: `"${fileName}" has ${dialect.hasHeader ? 'a header row but ' : ''}no data rows.` });
        }
        if (sink.ragged.count > 0 && !options.skipRagged) {
          return resolve({
            ok: false,
            reason: 'ragged',
            ragged: sink.ragged,
            problem:
              `"${fileName}": ${describeRows(sink.ragged)} ${sink.ragged.count === 1 ? 'has' : 'have'} a different number of cells than the header's ${options.columns.length}. ` +
              'You can skip these rows and import the rest, or fix the file.',
          });
        }
        const { table, notes } = sink.finish();
        if (sink.ragged.count > 0) notes.unshift(`Skipped ${describeRows(sink.ragged)}: a different number of cells than the header.`);
        if (invalidQuoteRows.length > 0) {
          notes.push(`Rows ${invalidQuoteRows.join(', ')} have a quote in the middle of a cell; it was kept as part of the text.`);
        }
        resolve({ ok: true, table, notes, ragged: sink.ragged });
      },
      error(error: Error) {
        resolve({ ok: false, reason: 'malformed', problem: `"${fileName}" could not be read: ${error.message}` });
      },
    });
  });
}
