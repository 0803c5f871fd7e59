/**
 * The first look at a file before importing it: is it text, in which encoding and dialect,
 * what are its columns and their types, and how big will it be once imported. Runs on the
 * first bytes only (HEAD_BYTES), so it answers at once even for a gigabyte file.
 */
import type { ColumnKind } from '../shared/column';
import { binaryProblem, decodeHead, detectEncoding, firstLines, previewRows, sampleRecords, sniffDialect, type Dialect, type TextEncoding } from './dialect';
import { dotThousandsNote, skippedLinesNote, trailingSeparator, trailingSeparatorNote } from './file-quirks';
import { cleanHeaders } from './headers';
import { inferColumnKind } from './infer';
import { breakCharOf, countChar } from './line-numbers';
import type { ColumnPlan } from './row-sink';

/** How much of a file the inspection reads: 256 KB, a few thousand rows of a typical CSV. */
export const HEAD_BYTES = 256 * 1024;
/** Rows shown in the preview table. */
export const PREVIEW_ROWS = 20;
/** More columns than this are refused with a message (5,000 import fine). */
export const MAX_COLUMNS = 20_000;

export interface ColumnGuess extends ColumnPlan {
  /** why this type was chosen, for learners */
  reason: string;
  /** `dateOrder` was assumed, no value proving it (every day is 12 or less) */
  dateOrderAssumed?: boolean;
}

export interface Inspection {
  fileName: string;
  size: number;
  encoding: TextEncoding;
  bom: boolean;
  dialect: Dialect;
  columns: ColumnGuess[];
  /**
   * what the detection noticed (comment lines skipped, separators closing the lines, '1.234'
   * under a decimal comma) and what was renamed in the header, in sentences
   */
  headerNotes: string[];
  /** the first data rows as text, for the preview table */
  preview: string[][];
  /** 1-based lines of the file, in the sample, where a record starts whose field count differs from the header's */
  raggedLines: number[];
  /** data rows in the sample */
  sampleRows: number;
  /** lines in the sample, as an editor counts them (blank ones and skipped ones included) */
  sampleLines: number;
  /** the estimated number of data rows in the whole file */
  estimatedRows: number;
}

export type InspectResult = { ok: true; inspection: Inspection } | { ok: false; problem: string };

/**
 * Inspect the head of a file. `overrides` are the user's choices from the preview
 * (encoding, dialect fields); anything not given is detected. `trailingDelimiter` is always
 * detected, under the separator and quote chosen: it is what the file does, not a choice.
 */
export function inspectHead(
  head: Uint8Array,
  file: { name: string; size: number },
  overrides: { encoding?: TextEncoding; dialect?: Partial<Dialect> } = {},
): InspectResult {
  if (file.size === 0 || head.length === 0) return { ok: false, problem: `"${file.name}" is empty: it has no header and no rows.` };
  // UTF-16 first: its NUL bytes would otherwise read as binary data, a less helpful message.
  const detected = detectEncoding(head, head.length >= file.size);
  if ('problem' in detected) return { ok: false, problem: detected.problem };
  const binary = binaryProblem(head, file.name);
  if (binary) return { ok: false, problem: binary };
  const encoding = overrides.encoding ?? detected.encoding;
  const isWholeFile = head.length >= file.size;
  const text = decodeHead(head, encoding, isWholeFile);
  if (text.trim() === '') return { ok: false, problem: `"${file.name}" holds only blank lines: no header and no rows.` };
  const chosen: Dialect = { ...sniffDialect(text, overrides.dialect?.skipLines), ...overrides.dialect };
  // Judged on every record of the head: an unnamed last column empty only in its first rows is a column.
  const trailing = trailingSeparator(sampleRecords(text, chosen, Number.MAX_SAFE_INTEGER), chosen.hasHeader);
  const dialect: Dialect = { ...chosen, trailingDelimiter: trailing !== null };

  const parsed = previewRows(text, dialect, Number.MAX_SAFE_INTEGER);
  const width = parsed.header?.length ?? parsed.rows[0]?.length ?? 0;
  if (width > MAX_COLUMNS) {
    return { ok: false, problem: `"${file.name}" has ${width.toLocaleString('en')} columns; Looplab reads at most ${MAX_COLUMNS.toLocaleString('en')}. Remove columns you do not need, then import again.` };
  }
  if (parsed.rows.length === 0) {
    return { ok: false, problem: `"${file.name}" has a header row but no data rows.` };
  }
  const rawNames = parsed.header ?? Array.from({ length: width }, (_, i) => `column_${i + 1}`);
  const cleaned = cleanHeaders(rawNames);
  const columns = cleaned.names.map((name, c): ColumnGuess => {
    const cells = parsed.rows.map((r) => r[c] ?? '');
    // Things in the file are named by their line, as an editor numbers it.
    const guess = inferColumnKind(name, cells, dialect.decimalComma, { lineOf: (i) => parsed.rowLines[i]! });
    return { name, kind: guess.kind, reason: guess.reason, ...(guess.dateOrder ? { dateOrder: guess.dateOrder } : {}), ...(guess.dateOrderAssumed ? { dateOrderAssumed: true } : {}) };
  });
  const skipped = dialect.skipLines ?? 0;
  const thousands = dialect.decimalComma ? dotThousandsNote(parsed.rows, parsed.rowLines, columns) : null;
  const notes = [
    ...(skipped > 0 ? [skippedLinesNote(firstLines(text, skipped, dialect.lineEnding), dialect.hasHeader)] : []),
    ...(trailing ? [trailingSeparatorNote(trailing)] : []),
    ...(thousands ? [thousands] : []),
    ...cleaned.notes,
  ];

  const sampleBytes = isWholeFile ? file.size : head.length;
  const estimatedRows = isWholeFile ? parsed.rows.length : Math.round((parsed.rows.length * file.size) / sampleBytes);
  return {
    ok: true,
    inspection: {
      fileName: file.name,
      size: file.size,
      encoding,
      bom: detected.bom,
      dialect,
      columns,
      headerNotes: notes,
      preview: parsed.rows.slice(0, PREVIEW_ROWS),
      raggedLines: parsed.raggedLines,
      sampleRows: parsed.rows.length,
      sampleLines: lineCount(text, dialect.lineEnding),
      estimatedRows,
    },
  };
}

/** Lines of `text` as an editor numbers them: a last line without a break counts, an empty one after the last break does not. */
function lineCount(text: string, lineEnding: Dialect['lineEnding']): number {
  const breakChar = breakCharOf(lineEnding);
  return countChar(text, breakChar) + (text.endsWith(breakChar) ? 0 : 1);
}

const BYTES_PER_VALUE: Record<ColumnKind, number> = {
  numeric: 8,
  datetime: 8,
  boolean: 1,
  categorical: 4,
  text: 4,
  identifier: 4,
};

/**
 * Bytes the imported columns will take: typed arrays, validity bitmaps, and dictionaries
 * (for text and identifier columns every row may add a string: ~2 bytes per character plus
 * ~40 bytes of overhead per string in memory).
 * Example: 1,000,000 rows of 8 numeric + 2 categorical columns ≈ 73 MB.
 */
export function estimateImportBytes(inspection: Inspection): number {
  const rows = inspection.estimatedRows;
  let bytes = 0;
  for (const [c, col] of inspection.columns.entries()) {
    bytes += rows * BYTES_PER_VALUE[col.kind] + Math.ceil(rows / 8);
    if (col.kind === 'text' || col.kind === 'identifier') {
      const cells = inspection.preview.map((r) => r[c] ?? '');
      const meanLength = cells.reduce((s, v) => s + v.length, 0) / Math.max(1, cells.length);
      bytes += rows * (meanLength * 2 + 40);
    }
  }
  return Math.round(bytes);
}

export interface Capacity {
  /** bytes the browser still lets this site store (quota − usage), or null when unknown */
  storageFree: number | null;
  /** navigator.deviceMemory in GB (Chromium caps it at 8), or null when unknown */
  deviceMemoryGb: number | null;
}

/**
 * Whether an import of `bytes` will fit, and if not, what to do. Storing needs the bytes
 * once (plus ~10% for keys and chunk overhead); importing holds the parsed columns, the
 * chunk copies and the parser's buffers at once, about three times the bytes in memory.
 */
export function capacityProblem(bytes: number, capacity: Capacity): string | null {
  const mb = (b: number) => `${Math.ceil(b / 1e6).toLocaleString('en')} MB`;
  const storageNeed = bytes * 1.1;
  if (capacity.storageFree !== null && storageNeed > capacity.storageFree) {
    return (
      `This import needs about ${mb(storageNeed)} of storage, but the browser lets Looplab use only ${mb(capacity.storageFree)} more. ` +
      'Free space by deleting projects or datasets you no longer need, or import fewer columns or a sample of the rows.'
    );
  }
  const memoryNeed = bytes * 3;
  // A tab can rarely use more than half of the device's memory, and never more than ~4 GB.
  const memoryLimit = Math.min(4e9, capacity.deviceMemoryGb === null ? 4e9 : capacity.deviceMemoryGb * 1e9 * 0.5);
  if (memoryNeed > memoryLimit) {
    return (
      `This import needs about ${mb(memoryNeed)} of memory while it runs, more than this device can safely give a browser tab (about ${mb(memoryLimit)}). ` +
      'Import fewer columns or a sample of the rows.'
    );
  }
  return null;
}
