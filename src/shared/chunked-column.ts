/**
 * A column as IndexedDB stores it: values and validity in chunks of CHUNK_ROWS rows, each chunk
 * its own buffer. An import builds columns this way, so storing them copies nothing, and the
 * parts of a file read in parallel are joined by moving rows within their chunks, in place.
 */
import { allocValues, bitmapBytes, countMissing, type Column, type ColumnKind, type ColumnValues } from './column';

/** Rows per chunk: 65,536, a multiple of 8 so validity bitmaps split on byte boundaries. */
export const CHUNK_ROWS = 65_536;
const CHUNK_BYTES_VALID = CHUNK_ROWS >> 3;

export interface ChunkedColumn {
  name: string;
  kind: ColumnKind;
  /** rows held */
  length: number;
  /**
   * ceil(length / CHUNK_ROWS) arrays of values, each chunk's rows from its start. Every chunk but
   * the last holds CHUNK_ROWS; the last may be allocated shorter (a small column stays small).
   * Slots past `length` are unused.
   */
  chunks: ColumnValues[];
  /** one validity bitmap per chunk, as long as its chunk needs */
  valid: Uint8Array[];
  /** for dictionary kinds: code → string */
  dictionary?: string[];
  /** for booleans: how the file wrote false and true (Column.words) */
  words?: readonly [string, string];
  /**
   * for booleans: the first spelling of false and of true its cells used ('' for one never seen),
   * which `words` is made from: parts of a file read side by side combine these (not their words,
   * which guess a missing spelling) to the words one read of the whole file gives
   */
  spellings?: readonly [string, string];
}

export interface ChunkedTable {
  rowCount: number;
  columns: ChunkedColumn[];
}

export function emptyChunkedColumn(name: string, kind: ColumnKind, dictionary?: string[]): ChunkedColumn {
  return { name, kind, length: 0, chunks: [], valid: [], ...(dictionary ? { dictionary } : {}) };
}

/** A fresh chunk for `rows` rows of a column of this kind: zeros and an all-missing bitmap. */
export function newChunk(kind: ColumnKind, rows = CHUNK_ROWS): { values: ColumnValues; valid: Uint8Array } {
  return { values: allocValues(kind, rows), valid: new Uint8Array(bitmapBytes(rows)) };
}

/** Make chunk `index` of the column `rows` long (never longer than CHUNK_ROWS), keeping its rows. */
export function growChunk(column: ChunkedColumn, index: number, rows: number): void {
  const old = column.chunks[index]!;
  if (old.length >= rows) return;
  const grown = newChunk(column.kind, Math.min(CHUNK_ROWS, rows));
  grown.values.set(old as never);
  grown.valid.set(column.valid[index]!);
  column.chunks[index] = grown.values;
  column.valid[index] = grown.valid;
}

/** Copy `count` validity bits from src (from bit `from`) to dst (from bit `to`); safe in place when to ≤ from. */
export function copyBits(src: Uint8Array, from: number, dst: Uint8Array, to: number, count: number): void {
  if (((from | to) & 7) === 0) {
    const bytes = count >> 3;
    if (dst === src) dst.copyWithin(to >> 3, from >> 3, (from >> 3) + bytes);
    else dst.set(src.subarray(from >> 3, (from >> 3) + bytes), to >> 3);
    from += bytes << 3;
    to += bytes << 3;
    count -= bytes << 3;
  }
  for (let i = 0; i < count; i++) {
    const s = from + i;
    const d = to + i;
    const bit = 1 << (d & 7);
    if (src[s >> 3]! & (1 << (s & 7))) dst[d >> 3]! |= bit;
    else dst[d >> 3]! &= ~bit;
  }
}

/**
 * Move every row of `source` onto the end of `target`, in place: `target`'s last chunk is filled
 * from the first rows of `source`, and each of `source`'s chunks is shifted down to line up with
 * the chunk grid, so no chunk is allocated. `source` is consumed (its chunks now belong to
 * `target`). Dictionaries must already agree (see remapCodes).
 */
export function appendChunked(target: ChunkedColumn, source: ChunkedColumn): void {
  let remaining = source.length;
  if (remaining === 0) return;
  const fill = target.length % CHUNK_ROWS;
  if (fill === 0) {
    target.chunks.push(...source.chunks);
    target.valid.push(...source.valid);
    target.length += remaining;
    source.length = 0;
    return;
  }
  // The rows that complete target's last chunk.
  const head = Math.min(CHUNK_ROWS - fill, remaining);
  growChunk(target, target.chunks.length - 1, CHUNK_ROWS);
  const lastValues = target.chunks[target.chunks.length - 1]!;
  const lastValid = target.valid[target.valid.length - 1]!;
  lastValues.set(source.chunks[0]!.subarray(0, head) as never, fill);
  copyBits(source.valid[0]!, 0, lastValid, fill, head);
  target.length += head;
  remaining -= head;
  // Source row head + m·CHUNK_ROWS + j becomes row j of the m-th moved chunk: the tail of
  // source chunk m slides to its front and the head of chunk m + 1 fills the rest.
  for (let m = 0; remaining > 0; m++) {
    const values = source.chunks[m]!;
    const valid = source.valid[m]!;
    const rows = Math.min(CHUNK_ROWS, remaining);
    const fromThis = Math.min(rows, CHUNK_ROWS - head);
    values.copyWithin(0, head, head + fromThis);
    copyBits(valid, head, valid, 0, fromThis);
    const fromNext = rows - fromThis;
    if (fromNext > 0) {
      values.set(source.chunks[m + 1]!.subarray(0, fromNext) as never, fromThis);
      copyBits(source.valid[m + 1]!, 0, valid, fromThis, fromNext);
    }
    target.chunks.push(values);
    target.valid.push(valid);
    target.length += rows;
    remaining -= rows;
  }
  source.chunks = [];
  source.valid = [];
  source.length = 0;
}

/** Rewrite dictionary codes through `map` (local code → code in the joined dictionary), in place. */
export function remapCodes(column: ChunkedColumn, map: Uint32Array): void {
  for (let c = 0; c < column.chunks.length; c++) {
    const codes = column.chunks[c] as Uint32Array;
    const valid = column.valid[c]!;
    const rows = Math.min(CHUNK_ROWS, column.length - c * CHUNK_ROWS);
    // A missing slot keeps holding 0.
    for (let i = 0; i < rows; i++) if (valid[i >> 3]! & (1 << (i & 7))) codes[i] = map[codes[i]!]!;
  }
}

/** Chunk `index` as storage keeps it: buffers holding exactly its rows (the last chunk is cut to size). */
export function chunkBuffers(column: ChunkedColumn, index: number): { values: ArrayBuffer; valid: ArrayBuffer } {
  const values = column.chunks[index]!;
  const valid = column.valid[index]!;
  const rows = Math.min(CHUNK_ROWS, column.length - index * CHUNK_ROWS);
  if (rows === CHUNK_ROWS) return { values: values.buffer as ArrayBuffer, valid: valid.buffer as ArrayBuffer };
  return { values: values.slice(0, rows).buffer as ArrayBuffer, valid: valid.slice(0, bitmapBytes(rows)).buffer as ArrayBuffer };
}

/** The column as one typed array (a copy), for code that wants contiguous values. */
export function toColumn(column: ChunkedColumn): Column {
  const values = allocValues(column.kind, column.length);
  const valid = new Uint8Array(bitmapBytes(column.length));
  for (let c = 0; c < column.chunks.length; c++) {
    const rows = Math.min(CHUNK_ROWS, column.length - c * CHUNK_ROWS);
    values.set(column.chunks[c]!.subarray(0, rows) as never, c * CHUNK_ROWS);
    valid.set(column.valid[c]!.subarray(0, bitmapBytes(rows)), c * CHUNK_BYTES_VALID);
  }
  const out: Column = { name: column.name, kind: column.kind, values, valid };
  if (column.dictionary) out.dictionary = column.dictionary;
  if (column.words) out.words = column.words;
  return out;
}

/** Missing values in the column. */
export function chunkedMissing(column: ChunkedColumn): number {
  let missing = 0;
  for (let c = 0; c < column.valid.length; c++) missing += countMissing(column.valid[c]!, Math.min(CHUNK_ROWS, column.length - c * CHUNK_ROWS));
  return missing;
}

/** Every buffer of a chunked table, for transferring it between workers without a copy. */
export function chunkedBuffers(columns: readonly ChunkedColumn[]): ArrayBuffer[] {
  return columns.flatMap((c) => [...c.chunks.map((v) => v.buffer as ArrayBuffer), ...c.valid.map((v) => v.buffer as ArrayBuffer)]);
}
