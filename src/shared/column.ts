/**
 * Columns, not rows: the in-memory shape of every dataset.
 *
 * - numeric and datetime values are Float64Array (datetime as epoch milliseconds, UTC);
 * - categorical, text and identifier values are Uint32Array codes into a dictionary of strings;
 * - boolean values are Uint8Array (0 or 1);
 * - whether a value is present lives in a validity bitmap (bit i of byte i >> 3 set = present),
 *   so a literal NaN or code 0 is never mistaken for missing. A missing slot holds 0.
 */

export type ColumnKind = 'numeric' | 'categorical' | 'boolean' | 'datetime' | 'text' | 'identifier';

export const COLUMN_KINDS: readonly ColumnKind[] = ['numeric', 'categorical', 'boolean', 'datetime', 'text', 'identifier'];

export type ColumnValues = Float64Array | Uint32Array | Uint8Array;

export interface Column {
  name: string;
  kind: ColumnKind;
  /** length ≥ the table's rowCount; slots past it are unused */
  values: ColumnValues;
  /** validity bitmap, length ≥ ceil(rowCount / 8) */
  valid: Uint8Array;
  /** for categorical, text and identifier columns: code → string */
  dictionary?: string[];
  /** for boolean columns: how the file wrote false and true, as ['No', 'Yes']; absent for 'false' and 'true' */
  words?: readonly [string, string];
}

/** A boolean value as its file wrote it: the column's word for it, else 'true' or 'false'. */
export function booleanWord(column: Pick<Column, 'words'>, bit: number): string {
  return column.words ? column.words[bit ? 1 : 0] : bit ? 'true' : 'false';
}

export interface Table {
  rowCount: number;
  columns: Column[];
}

/** Whether a kind stores dictionary codes. */
export function usesDictionary(kind: ColumnKind): boolean {
  return kind === 'categorical' || kind === 'text' || kind === 'identifier';
}

/** An empty values array of the storage type for a kind. */
export function allocValues(kind: ColumnKind, length: number): ColumnValues {
  if (kind === 'numeric' || kind === 'datetime') return new Float64Array(length);
  if (kind === 'boolean') return new Uint8Array(length);
  return new Uint32Array(length);
}

export function bitmapBytes(rowCount: number): number {
  return (rowCount + 7) >> 3;
}

export function isValid(valid: Uint8Array, row: number): boolean {
  return (valid[row >> 3]! & (1 << (row & 7))) !== 0;
}

export function setValid(valid: Uint8Array, row: number): void {
  valid[row >> 3]! |= 1 << (row & 7);
}

/** How many of the first rowCount rows are missing. */
export function countMissing(valid: Uint8Array, rowCount: number): number {
  let present = 0;
  const fullBytes = rowCount >> 3;
  for (let i = 0; i < fullBytes; i++) {
    let b = valid[i]!;
    // Kernighan's popcount: one step per set bit.
    while (b) {
      b &= b - 1;
      present++;
    }
  }
  for (let row = fullBytes << 3; row < rowCount; row++) if (isValid(valid, row)) present++;
  return rowCount - present;
}

/** Whether all of the first rowCount rows are present: one byte compare per 8 rows, for fast paths. */
export function allPresent(valid: Uint8Array, rowCount: number): boolean {
  const fullBytes = rowCount >> 3;
  let i = 0;
  // Four bytes at a time where the bitmap is aligned for it: it is asked of whole columns often.
  if (valid.byteOffset % 4 === 0) {
    const words = new Int32Array(valid.buffer, valid.byteOffset, fullBytes >> 2);
    for (let w = 0; w < words.length; w++) if (words[w] !== -1) return false;
    i = words.length << 2;
  }
  for (; i < fullBytes; i++) if (valid[i] !== 255) return false;
  for (let row = fullBytes << 3; row < rowCount; row++) if (!isValid(valid, row)) return false;
  return true;
}
