/**
 * The parts of a file, read apart, joined into one table — or the reason the file cannot be
 * imported, in words that name the file and the row. A file read whole is one part.
 */
import { appendChunked, remapCodes, type ChunkedTable } from '../shared/chunked-column';
import { LISTED_QUOTE_ROWS, type PartResult, type StreamOptions } from './csv-part';
import { describeRows, failureNote, LISTED_ROWS, type LocatedFailures, type RaggedReport } from './row-sink';

export type ChunkedOutcome =
  | { ok: true; table: ChunkedTable; notes: string[]; ragged: RaggedReport }
  | { ok: false; reason: 'ragged' | 'malformed' | 'empty'; problem: string; ragged?: RaggedReport };


/**
 * Join parts read in file order. Each part's record numbers are made the file's by adding the
 * records before it; dictionary codes are rewritten into one dictionary, in order of first
 * appearance in the file. The parts' chunks are reused: `parts` is consumed.
 */
export function joinParts(parts: PartResult[], fileName: string, options: StreamOptions): ChunkedOutcome {
  const { dialect } = options;
  const quote = dialect.quoteChar;
  let recordsBefore = 0;
  let rowsBefore = 0;
  const ragged: RaggedReport = { count: 0, rows: [] };
  const invalidQuoteRecords: number[] = [];
  const failures: (LocatedFailures | null)[] = options.columns.map(() => null);
  for (const part of parts) {
    if (part.unclosedQuote !== null) {
      const row = recordsBefore + part.unclosedQuote;
      return {
        ok: false,
        reason: 'malformed',
        problem: `"${fileName}", row ${row.toLocaleString('en')}: a quote (${quote}) opens a cell and is never closed, so the rest of the file would be read as one cell. Fix that row, then import again.`,
      };
    }
    ragged.count += part.ragged.count;
    for (const r of part.ragged.rows) if (ragged.rows.length < LISTED_ROWS) ragged.rows.push(recordsBefore + r);
    for (const r of part.invalidQuoteRecords) if (invalidQuoteRecords.length < LISTED_QUOTE_ROWS) invalidQuoteRecords.push(recordsBefore + r);
    part.failures.forEach((f, i) => {
      if (!f) return;
      const seen = failures[i];
      if (seen) seen.count += f.count;
      else failures[i] = { ...f, firstRow: rowsBefore + f.firstRow, record: recordsBefore + f.record };
    });
    recordsBefore += part.records;
    rowsBefore += part.rowCount;
  }
  const dataRecords = recordsBefore - (dialect.hasHeader ? 1 : 0);
  if (dataRecords <= 0) {
    return { ok: false, reason: 'empty', problem: `"${fileName}" has ${dialect.hasHeader ? 'a header row but ' : ''}no data rows.` };
  }
  if (ragged.count > 0 && !options.skipRagged) {
    return {
      ok: false,
      reason: 'ragged',
      ragged,
      problem:
        `"${fileName}": ${describeRows(ragged)} ${ragged.count === 1 ? 'has' : 'have'} a different number of cells than the header's ${options.columns.length}. ` +
        'You can skip these rows and import the rest, or fix the file.',
    };
  }

  const columns = parts[0]!.columns;
  columns.forEach((target, i) => {
    const labels = parts.length > 1 && target.dictionary ? new Map(target.dictionary.map((label, code) => [label, code])) : null;
    for (const part of parts.slice(1)) {
      const source = part.columns[i]!;
      if (labels && source.dictionary) {
        const map = Uint32Array.from(source.dictionary, (label) => {
          let code = labels.get(label);
          if (code === undefined) {
            code = target.dictionary!.length;
            labels.set(label, code);
            target.dictionary!.push(label);
          }
          return code;
        });
        remapCodes(source, map);
      }
      appendChunked(target, source);
    }
  });

  const notes = failures.flatMap((f, i) => (f ? [failureNote(options.columns[i]!, f)] : []));
  if (ragged.count > 0) notes.unshift(`Skipped ${describeRows(ragged)}: a different number of cells than the header.`);
  if (invalidQuoteRecords.length > 0) {
    notes.push(`Rows ${invalidQuoteRecords.join(', ')} have a quote in the middle of a cell; it was kept as part of the text.`);
  }
  return { ok: true, table: { rowCount: rowsBefore, columns }, notes, ragged };
}
