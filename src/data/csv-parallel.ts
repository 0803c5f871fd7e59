/**
 * A large file read by several workers side by side: cut into byte ranges that start at a line
 * end, each range parsed on its own, the parts joined in order (csv-outcome.ts).
 *
 * A cut is only right if it falls between records, never inside a quoted cell that spans lines.
 * Every part but the last is checked: a part that starts at a record and ends without an open
 * quoted cell ends at a record, so the next part starts at one too. If a part ends inside a
 * quoted cell, the cut was wrong (or the quote is never closed) and the whole file is read again
 * in one part, which reads it exactly as one reader would and names the row of an unclosed quote.
 */
import { readCsvPart, type PartRange, type PartResult, type StreamOptions, type StreamProgress } from './csv-part';
import { joinParts, type ChunkedOutcome } from './csv-outcome';
import { unreadable } from './csv-stream';

/** Below this many bytes per part, starting another worker costs more than it saves. */
export const MIN_PART_BYTES = 8 * 1024 * 1024;
/** Beyond four, the parts' parsers compete with the join and IndexedDB for memory bandwidth. */
export const MAX_PARTS = 4;
/** How far past a cut a line end is looked for before the cut is dropped (a huge cell). */
const MAX_SEARCH_BYTES = 16 * 1024 * 1024;
const WINDOW_BYTES = 64 * 1024;

/** How many parts to read a file of `size` bytes in, given the cores the browser reports. */
export function partCount(size: number, cores: number): number {
  return Math.max(1, Math.min(Math.floor(cores) || 1, MAX_PARTS, Math.floor(size / MIN_PART_BYTES)));
}

/**
 * The first byte after the first line end at or after `from`, or null when none is near. A
 * '\n' ends a line in a '\r\n' file too (see breakCharOf), so a cut never falls inside a '\r\n'.
 */
export async function nextLineStart(file: Blob, from: number, lineEnding: string): Promise<number | null> {
  const terminator = lineEnding === '\r' ? 13 : 10;
  for (let at = from; at < file.size && at - from < MAX_SEARCH_BYTES; at += WINDOW_BYTES) {
    const bytes = new Uint8Array(await file.slice(at, Math.min(file.size, at + WINDOW_BYTES)).arrayBuffer());
    const i = bytes.indexOf(terminator);
    if (i >= 0) return at + i + 1;
  }
  return null;
}

/**
 * Byte ranges for `parts` parts of about equal size, each but the first starting after a line
 * end, and none before byte `firstCut` (the first part holds the lines skipped before the header).
 */
export async function partRanges(file: Blob, parts: number, lineEnding: string, firstCut = 0): Promise<PartRange[]> {
  const starts = [0];
  for (let k = 1; k < parts; k++) {
    const start = await nextLineStart(file, Math.max(starts.at(-1)! + 1, firstCut, Math.floor((file.size * k) / parts)), lineEnding);
    if (start !== null && start < file.size && start > starts.at(-1)!) starts.push(start);
  }
  return starts.map((start, k) => ({ start, end: starts[k + 1] ?? file.size, first: k === 0 }));
}

/** Reads one range; part 0 is read by the caller's own thread, the others usually by workers. */
export type PartReader = (range: PartRange, index: number, onProgress: (progress: StreamProgress) => void) => Promise<PartResult>;

/** Read `file` in up to `parts` parts, side by side, and join them; the same outcome as reading it whole. */
export async function readCsvInParts(
  file: File,
  options: StreamOptions,
  parts: number,
  readPart: PartReader,
  onProgress?: (progress: StreamProgress) => void,
): Promise<ChunkedOutcome> {
  try {
    const { lineEnding, skipLines = 0 } = options.dialect;
    let afterSkipped: number | null = 0;
    for (let k = 0; k < skipLines && afterSkipped !== null; k++) afterSkipped = await nextLineStart(file, afterSkipped, lineEnding);
    // No line end after the skipped lines: the file is one part.
    const ranges = afterSkipped === null ? [{ start: 0, end: file.size, first: true }] : await partRanges(file, parts, lineEnding, afterSkipped);
    const bytes = ranges.map(() => 0);
    const rows = ranges.map(() => 0);
    const results = await Promise.all(
      ranges.map((range, k) =>
        readPart(range, k, (p) => {
          bytes[k] = p.bytesRead;
          rows[k] = p.rows;
          onProgress?.({ bytesRead: sum(bytes), totalBytes: file.size, rows: sum(rows) });
        }),
      ),
    );
    if (results.slice(0, -1).some((r) => r.unclosedQuote !== null)) {
      const whole = await readCsvPart(file, options, { start: 0, end: file.size, first: true }, onProgress);
      return joinParts([whole], file.name, options);
    }
    return joinParts(results, file.name, options);
  } catch (e) {
    return unreadable(file.name, e);
  }
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
