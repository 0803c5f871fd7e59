/**
 * A frame: the table a pipeline step reads and writes, plus where each row came from.
 * Steps never mutate a frame: they return a new one that shares every column they left alone,
 * so a six-step pipeline over a million rows copies only the columns it changes.
 */
import { allocValues, allPresent, booleanWord, bitmapBytes, isValid, setValid, type Column, type ColumnKind, type Table } from '../shared/column';
import { StepProblem } from './step-problem';

export interface Frame {
  table: Table;
  /** each row's index in the stored dataset, so label edits and the split can name rows */
  rowIds: Uint32Array;
  /** false for rows of a new file (batch prediction): edits of the dataset's rows do not apply */
  fromDataset: boolean;
  /**
   * Per row, 1 when a row-removing step would have dropped it during training. When a fitted
   * pipeline is applied to new rows it never drops one silently: it imputes or clips, and flags.
   */
  flagged: Uint8Array;
}

/**
 * One frame per table: every fit of a recipe starts from it, and its row ids and flags are 5 MB
 * of fresh memory a million rows. Frames are never written to, so sharing it is safe.
 */
const datasetFrames = new WeakMap<Table, Frame>();

/** A frame over a whole stored dataset. */
export function datasetFrame(table: Table): Frame {
  let frame = datasetFrames.get(table);
  if (!frame) {
    const rowIds = new Uint32Array(table.rowCount);
    for (let i = 0; i < rowIds.length; i++) rowIds[i] = i;
    datasetFrames.set(table, (frame = { table, rowIds, fromDataset: true, flagged: new Uint8Array(table.rowCount) }));
  }
  return frame;
}

/** A frame over rows that are not the dataset's (a file to predict on). */
export function newRowsFrame(table: Table): Frame {
  return { ...datasetFrame(table), fromDataset: false };
}

export function findColumn(frame: Frame, name: string): Column | undefined {
  return frame.table.columns.find((c) => c.name === name);
}

/**
 * The checks behind requireColumn and its kin, over a column already looked up (in a Frame or
 * a FrameView), so every step says the same words for the same problem.
 */
export function checkFound<C>(column: C | undefined, name: string): C {
  if (!column) throw new StepProblem(`There is no column "${name}" at this point of the pipeline.`);
  return column;
}

export function checkNumeric(column: Column, name: string): void {
  if (column.kind !== 'numeric') throw new StepProblem(`Column "${name}" is ${column.kind}, not numeric: change its type first, or encode it.`);
}

export function checkLabels(column: Column, name: string): void {
  if (!isLabelColumn(column)) throw new StepProblem(`Column "${name}" is ${column.kind}: only label columns are encoded. Bin it first, or change its type.`);
}

/** The named column, or a problem that names it. */
export function requireColumn(frame: Frame, name: string): Column {
  return checkFound(findColumn(frame, name), name);
}

export function requireNumeric(frame: Frame, name: string): Column {
  const column = requireColumn(frame, name);
  checkNumeric(column, name);
  return column;
}

/** Kinds whose values are labels, not amounts: the ones the encoding steps take. */
export function isLabelKind(kind: ColumnKind): boolean {
  return kind === 'categorical' || kind === 'boolean' || kind === 'text' || kind === 'identifier';
}

export function isLabelColumn(column: Column): boolean {
  return isLabelKind(column.kind);
}

/** The frame with some columns replaced (by name) and others appended after them, in order. */
export function withColumns(frame: Frame, replaced: readonly Column[], appended: readonly Column[] = []): Frame {
  const byName = new Map(replaced.map((c) => [c.name, c]));
  const columns = frame.table.columns.map((c) => byName.get(c.name) ?? c);
  return { ...frame, table: { rowCount: frame.table.rowCount, columns: [...columns, ...appended] } };
}

/** The frame keeping only the rows whose `keep` byte is 1, in order. */
export function keepRows(frame: Frame, keep: Uint8Array): Frame {
  const n = frame.table.rowCount;
  let count = 0;
  for (let i = 0; i < n; i++) count += keep[i]!;
  if (count === n) return frame;
  const rows = new Uint32Array(count);
  for (let i = 0, j = 0; i < n; i++) if (keep[i]) rows[j++] = i;
  return takeRows(frame, rows);
}

/** The frame of the given rows (positions in this frame), in that order; rows may repeat. */
export function takeRows(frame: Frame, rows: Uint32Array): Frame {
  const columns = frame.table.columns.map((c) => takeColumnRows(c, rows, frame.table.rowCount));
  const rowIds = new Uint32Array(rows.length);
  const flagged = new Uint8Array(rows.length);
  for (let j = 0; j < rows.length; j++) {
    rowIds[j] = frame.rowIds[rows[j]!]!;
    flagged[j] = frame.flagged[rows[j]!]!;
  }
  return { table: { rowCount: rows.length, columns }, rowIds, fromDataset: frame.fromDataset, flagged };
}

export function gatherFloat64(src: Float64Array, rows: Uint32Array, out: Float64Array): void {
  for (let j = 0; j < rows.length; j++) out[j] = src[rows[j]!]!;
}
export function gatherUint32(src: Uint32Array, rows: Uint32Array, out: Uint32Array): void {
  for (let j = 0; j < rows.length; j++) out[j] = src[rows[j]!]!;
}
export function gatherUint8(src: Uint8Array, rows: Uint32Array, out: Uint8Array): void {
  for (let j = 0; j < rows.length; j++) out[j] = src[rows[j]!]!;
}

/** `rowCount`: the rows the column holds (its arrays may be longer). */
export function takeColumnRows(column: Column, rows: Uint32Array, rowCount: number): Column {
  const values = allocValues(column.kind, rows.length);
  const src0 = column.values;
  if (allPresent(column.valid, rowCount)) {
    // One function per array type keeps each loop monomorphic, several times faster at a million rows.
    if (src0 instanceof Float64Array) gatherFloat64(src0, rows, values as Float64Array);
    else if (src0 instanceof Uint32Array) gatherUint32(src0, rows, values as Uint32Array);
    else gatherUint8(src0, rows, values as Uint8Array);
    return { ...column, values, valid: allValid(rows.length) };
  }
  const valid = new Uint8Array(bitmapBytes(rows.length));
  const src = column.values;
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j]!;
    if (isValid(column.valid, i)) {
      values[j] = src[i]!;
      setValid(valid, j);
    }
  }
  return { ...column, values, valid };
}

/** A new numeric column; `value(i)` returns NaN-free numbers or null for missing. */
export function numericColumn(name: string, rowCount: number, value: (row: number) => number | null): Column {
  const values = new Float64Array(rowCount);
  const valid = new Uint8Array(bitmapBytes(rowCount));
  for (let i = 0; i < rowCount; i++) {
    const v = value(i);
    if (v !== null) {
      values[i] = v;
      setValid(valid, i);
    }
  }
  return { name, kind: 'numeric', values, valid };
}

/** A bitmap with every one of rowCount rows present. */
export function allValid(rowCount: number): Uint8Array {
  const valid = new Uint8Array(bitmapBytes(rowCount)).fill(255);
  const tail = rowCount & 7;
  if (tail) valid[valid.length - 1] = (1 << tail) - 1;
  return valid;
}

/** The value's text for a label kind (boolean as its file wrote it, else true/false), or null when missing. */
export function labelAt(column: Column, row: number): string | null {
  if (!isValid(column.valid, row)) return null;
  const v = column.values[row]!;
  if (column.kind === 'boolean') return booleanWord(column, v);
  if (column.dictionary) return column.dictionary[v]!;
  return String(v);
}

/** Training rows: drop the marked rows. Other rows: keep them all and flag the marked ones. */
export function dropOrFlag(frame: Frame, drop: Uint8Array, mode: 'train' | 'apply'): Frame {
  const n = frame.table.rowCount;
  if (mode === 'train') {
    const keep = new Uint8Array(n);
    for (let i = 0; i < n; i++) keep[i] = drop[i] ? 0 : 1;
    return keepRows(frame, keep);
  }
  const flagged = frame.flagged.slice();
  for (let i = 0; i < n; i++) if (drop[i]) flagged[i] = 1;
  return { ...frame, flagged };
}
