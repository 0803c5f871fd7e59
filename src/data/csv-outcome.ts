/**
 * The parts of a file, read apart, joined into one table — or the reason the file cannot be
 * imported, in words that name the file and the line. A file read whole is one part.
 */
import { appendChunked, remapCodes, type ChunkedColumn, type ChunkedTable } from '../shared/chunked-column';
import { columnWords } from './booleans';
import { LISTED_QUOTE_ROWS, type PartResult, type StreamOptions } from './csv-part';
import type { TextEncoding } from './dialect';
import type { MissingCounts } from './column-builder';
import { addMissing, describeLines, failureNote, listLines, LISTED_ROWS, missingNotes, type LocatedFailures, type RaggedReport } from './row-sink';

export type ChunkedOutcome =
  | {
      ok: true;
      table: ChunkedTable;
      notes: string[];
      ragged: RaggedReport;
      /** the first line with bytes that are not UTF-8, read as '\uFFFD' (a file read as UTF-8), or null */
      notUtf8Line: number | null;
    }
  | { ok: false; reason: 'ragged' | 'malformed' | 'empty'; problem: string; ragged?: RaggedReport };


/**
 * Join parts read in file order. Each part's line numbers are made the file's by adding the
 * line breaks before it, and its failures' rows the table's by adding the rows before it;
 * dictionary codes are rewritten into one dictionary, in order of first appearance in the file.
 * The parts' chunks are reused: `parts` is consumed. `rowsBecomeTable` is false for a file merged
 * into a dataset, whose rows are not the table's: its notes then name lines of the file only.
 */
export function joinParts(parts: PartResult[], fileName: string, options: StreamOptions, rowsBecomeTable = true): ChunkedOutcome {
  const { dialect } = options;
  const quote = dialect.quoteChar;
  let recordsBefore = 0;
  let linesBefore = 0;
  let rowsBefore = 0;
  const ragged: RaggedReport = { count: 0, lines: [] };
  const invalidQuoteLines: number[] = [];
  let notUtf8Line: number | null = null;
  const failures: (LocatedFailures | null)[] = options.columns.map(() => null);
  let missing: MissingCounts[] | null = null;
  for (const part of parts) {
    if (part.unclosedQuote !== null) {
      const line = linesBefore + part.unclosedQuote;
      return {
        ok: false,
        reason: 'malformed',
        problem: `"${fileName}", line ${line.toLocaleString('en')} of the file: a quote (${quote}) opens a cell and is never closed, so the rest of the file would be read as one cell. Fix that line, then import again.`,
      };
    }
    ragged.count += part.ragged.count;
    for (const l of part.ragged.lines) if (ragged.lines.length < LISTED_ROWS) ragged.lines.push(linesBefore + l);
    if (notUtf8Line === null && part.notUtf8Line !== null) notUtf8Line = linesBefore + part.notUtf8Line;
    for (const l of part.invalidQuoteLines) if (invalidQuoteLines.length < LISTED_QUOTE_ROWS) invalidQuoteLines.push(linesBefore + l);
    part.failures.forEach((f, i) => {
      if (!f) return;
      const seen = failures[i];
      if (seen) seen.count += f.count;
      else failures[i] = { ...f, firstRow: rowsBefore + f.firstRow, line: linesBefore + f.line };
    });
    if (!missing) missing = part.missing;
    else part.missing.forEach((m, i) => addMissing(missing![i]!, m));
    recordsBefore += part.records;
    linesBefore += part.lineBreaks;
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
        `"${fileName}": ${describeLines(ragged)} ${ragged.count === 1 ? 'has' : 'have'} a different number of cells than the header's ${options.columns.length}. ` +
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
    if (target.kind === 'boolean' && parts.length > 1) wordsOfParts(target, parts.map((p) => p.columns[i]!.spellings));
  });

  const notes = failures.flatMap((f, i) => (f ? [failureNote(options.columns[i]!, f, rowsBecomeTable)] : []));
  notes.push(...missingNotes(options.columns, missing ?? []));
  if (ragged.count > 0) notes.unshift(`Skipped ${describeLines(ragged)}: a different number of cells than the header.`);
  if (invalidQuoteLines.length > 0) {
    const lines = listLines(invalidQuoteLines);
    notes.push(`${lines[0]!.toUpperCase()}${lines.slice(1)} of the file ${invalidQuoteLines.length === 1 ? 'has' : 'have'} a quote in the middle of a cell; it was kept as part of the text.`);
  }
  if (notUtf8Line !== null) notes.unshift(notUtf8Note(notUtf8Line));
  return { ok: true, table: { rowCount: rowsBefore, columns }, notes, ragged, notUtf8Line };
}

/**
 * Bytes that are not UTF-8 were read as '\uFFFD'. In the app this is said only after the learner
 * chose UTF-8 ("UTF-8 anyway", after encodingQuestion asked; or UTF-8 for a file, imported or
 * merged, whose start is not: keepsNotUtf8), so it names the line and gives no advice to choose again.
 */
export function notUtf8Note(line: number): string {
  return `Line ${line.toLocaleString('en')} of the file has bytes that are not UTF-8; read as UTF-8, as chosen, they became "\uFFFD".`;
}

/**
 * Why an import read as UTF-8 stops before storing anything: bytes further on than the head it
 * was judged on are not UTF-8 (most often a Windows-1252 file whose start is plain ASCII). The
 * learner answers: Windows-1252, or UTF-8 anyway (`keepNotUtf8`, also set by keepsNotUtf8 when UTF-8
 * was chosen for a start that is not, which this question would wrongly call UTF-8). Null to go on and store.
 * `act` names the button the answer is given with: 'import', or 'preview' for a second file merged.
 */
export function encodingQuestion(fileName: string, encoding: TextEncoding, notUtf8Line: number | null, keepNotUtf8: boolean, act: 'import' | 'preview' = 'import'): string | null {
  if (encoding !== 'utf-8' || notUtf8Line === null || keepNotUtf8) return null;
  return (
    `"${fileName}": line ${notUtf8Line.toLocaleString('en')} of the file has bytes that are not UTF-8, though the start of the file is, and nothing was stored. ` +
    `If the file was saved as Windows-1252 (as Excel on Windows often does), ${act} it as Windows-1252. Or ${act} it as UTF-8 anyway, with those bytes read as "\uFFFD".`
  );
}

/**
 * A yes/no column's words over parts read side by side: the first spelling of false and of true
 * over the parts in order, as one read of the whole file finds them. A part written `true` only
 * followed by one written `n` gives true/false's words, not the `Yes`/`No` guessed from `n`.
 */
function wordsOfParts(target: ChunkedColumn, spellings: readonly (readonly [string, string] | undefined)[]): void {
  const first = (bit: 0 | 1) => spellings.find((s) => s?.[bit])?.[bit] ?? '';
  const words = columnWords(first(0), first(1));
  if (words) target.words = words;
  else delete target.words;
  target.spellings = [first(0), first(1)];
}
