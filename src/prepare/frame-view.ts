/**
 * A frame as the pipeline hands it from step to step: columns read through row lists instead of
 * copied. Splitting into parts and removing training rows make new row lists; scaling records
 * its affine map; the rows are gathered once, when a plain Frame is needed. Over a million rows
 * the copies were most of a pipeline's time, so only the output is written.
 *
 * Views are immutable and share everything: a row list, once made, is never written again.
 */
import { allocValues, allPresent, bitmapBytes, countMissing, isValid, setValid, type Column } from '../shared/column';
import { allValid, checkFound, checkLabels, checkNumeric, gatherFloat64, gatherUint32, gatherUint8, type Frame } from './frame';

/** A numeric map: a present value x reads as (x − center) × scale. */
export interface Affine {
  center: number;
  scale: number;
}

export interface ColumnView {
  /** the column read through; its name, kind and dictionary are the view's */
  column: Column;
  /** how many rows `column` holds (its bitmap's length in bits) */
  length: number;
  /** view row r is row rows[r] of `column`; null: row r */
  rows: Uint32Array | null;
  /** numeric only: present values read through this map, missing ones as 0 */
  affine: Affine | null;
}

/** A per-row array read through a row list, like a column. */
export interface Picked<T extends Uint32Array | Uint8Array> {
  values: T;
  rows: Uint32Array | null;
}

/** A Frame, lazily: the same fields, each column and per-row array through its row list. */
export interface FrameView {
  rowCount: number;
  columns: ColumnView[];
  rowIds: Picked<Uint32Array>;
  flagged: Picked<Uint8Array>;
  fromDataset: boolean;
}

/** A column of `length` rows, read as it is. */
export function columnView(column: Column, length: number): ColumnView {
  return { column, length, rows: null, affine: null };
}

/** One view per frame, so that a step's fit and transform of the same Frame see the same view. */
const views = new WeakMap<Frame, FrameView>();

/** A view of a whole frame: nothing to gather. */
export function viewOf(frame: Frame): FrameView {
  let view = views.get(frame);
  if (!view) views.set(frame, (view = wholeView(frame)));
  return view;
}

function wholeView(frame: Frame): FrameView {
  const n = frame.table.rowCount;
  return {
    rowCount: n,
    columns: frame.table.columns.map((c) => columnView(c, n)),
    rowIds: { values: frame.rowIds, rows: null },
    flagged: { values: frame.flagged, rows: null },
    fromDataset: frame.fromDataset,
  };
}

/** `rows` composed after `inner`: position j reads inner[rows[j]]. */
function compose(inner: Uint32Array | null, rows: Uint32Array): Uint32Array {
  if (inner === null) return rows;
  const out = new Uint32Array(rows.length);
  for (let j = 0; j < rows.length; j++) out[j] = inner[rows[j]!]!;
  return out;
}

/**
 * The view of the given rows (positions in this view, increasing or not, repeats allowed).
 * Columns that share a row list share the composed one: it is built once.
 */
export function takeViewRows(view: FrameView, rows: Uint32Array): FrameView {
  const composed = new Map<Uint32Array | null, Uint32Array>();
  const through = (inner: Uint32Array | null) => {
    let out = composed.get(inner);
    if (!out) composed.set(inner, (out = compose(inner, rows)));
    return out;
  };
  return {
    rowCount: rows.length,
    columns: view.columns.map((c) => ({ ...c, rows: through(c.rows) })),
    rowIds: { values: view.rowIds.values, rows: through(view.rowIds.rows) },
    flagged: { values: view.flagged.values, rows: through(view.flagged.rows) },
    fromDataset: view.fromDataset,
  };
}

/** The view without the rows marked 1 in `drop` (0 or 1 per row), in order; the same view when none is marked. */
export function withoutRows(view: FrameView, drop: Uint8Array): FrameView {
  const n = view.rowCount;
  let dropped = 0;
  for (let i = 0; i < n; i++) dropped += drop[i]!;
  if (dropped === 0) return view;
  const kept = new Uint32Array(n - dropped);
  // Branch-free: a write past the end of a typed array is ignored.
  for (let i = 0, j = 0; i < n; i++) {
    kept[j] = i;
    j += 1 - drop[i]!;
  }
  return takeViewRows(view, kept);
}

/** Training rows: drop the marked rows. Other rows: keep them all and flag the marked ones. */
export function dropOrFlagView(view: FrameView, drop: Uint8Array, mode: 'train' | 'apply'): FrameView {
  if (mode === 'train') return withoutRows(view, drop);
  const flagged = pickedValues(view.flagged, view.rowCount).slice();
  for (let i = 0; i < view.rowCount; i++) if (drop[i]) flagged[i] = 1;
  return { ...view, flagged: { values: flagged, rows: null } };
}

/** The first n values of a per-row array, gathered when it has a row list (the array itself when not). */
export function pickedValues<T extends Uint32Array | Uint8Array>(picked: Picked<T>, n: number): T {
  const { values, rows } = picked;
  if (rows === null) return values.length === n ? values : (values.subarray(0, n) as T);
  const out = (values instanceof Uint32Array ? new Uint32Array(n) : new Uint8Array(n)) as T;
  for (let j = 0; j < n; j++) out[j] = values[rows[j]!]!;
  return out;
}

/** Whether every one of the view's n rows is present: one byte compare per 8 rows when the whole column is. */
export function viewAllPresent(view: ColumnView, n: number): boolean {
  const { column, rows } = view;
  if (rows === null) return allPresent(column.valid, n);
  if (allPresent(column.valid, view.length)) return true;
  for (let j = 0; j < n; j++) if (!isValid(column.valid, rows[j]!)) return false;
  return true;
}

/** How many of the view's n rows are missing: nothing read row by row when the whole column is present. */
export function viewMissingCount(view: ColumnView, n: number): number {
  const { column, rows } = view;
  if (rows === null) return countMissing(column.valid, n);
  if (allPresent(column.valid, view.length)) return 0;
  let missing = 0;
  for (let j = 0; j < n; j++) if (!isValid(column.valid, rows[j]!)) missing++;
  return missing;
}

/** Whether view row r is present. */
export function viewIsValid(view: ColumnView, r: number): boolean {
  return isValid(view.column.valid, view.rows === null ? r : view.rows[r]!);
}

/** The view's validity bitmap over its n rows (a new one when it has a row list). */
export function viewValid(view: ColumnView, n: number): Uint8Array {
  const { column, rows } = view;
  if (rows === null) return column.valid.slice(0, bitmapBytes(n));
  if (allPresent(column.valid, view.length)) return allValid(n);
  const valid = new Uint8Array(bitmapBytes(n));
  for (let j = 0; j < n; j++) if (isValid(column.valid, rows[j]!)) setValid(valid, j);
  return valid;
}

/** The view as a plain column of n rows: the column itself when there is nothing to gather or map. */
export function materializeColumn(view: ColumnView, n: number): Column {
  const { column, rows, affine } = view;
  if (rows === null && affine === null) return column;
  const complete = rows === null ? allPresent(column.valid, n) : allPresent(column.valid, view.length);
  const valid = rows === null ? column.valid : complete ? allValid(n) : viewValid(view, n);
  const src = column.values;
  const values = allocValues(column.kind, n);
  // One loop per array type keeps each monomorphic, several times faster at a million rows.
  if (affine !== null) gatherAffine(src as Float64Array, rows, affine.center, affine.scale, n, values as Float64Array);
  else if (src instanceof Float64Array) gatherFloat64(src, rows!, values as Float64Array);
  else if (src instanceof Uint32Array) gatherUint32(src, rows!, values as Uint32Array);
  else gatherUint8(src, rows!, values as Uint8Array);
  // Missing slots hold 0, whatever the map makes of the 0 stored there.
  if (affine !== null && !complete) for (let j = 0; j < n; j++) if (!isValid(valid, j)) values[j] = 0;
  return { ...column, values, valid };
}

function gatherAffine(src: Float64Array, rows: Uint32Array | null, center: number, scale: number, n: number, out: Float64Array): void {
  if (rows === null) for (let j = 0; j < n; j++) out[j] = (src[j]! - center) * scale;
  else for (let j = 0; j < n; j++) out[j] = (src[rows[j]!]! - center) * scale;
}
/** The view as a plain Frame: its rows gathered, once. */
export function materialize(view: FrameView): Frame {
  const n = view.rowCount;
  return {
    table: { rowCount: n, columns: view.columns.map((c) => materializeColumn(c, n)) },
    rowIds: pickedValues(view.rowIds, n),
    fromDataset: view.fromDataset,
    flagged: pickedValues(view.flagged, n),
  };
}

export function findView(view: FrameView, name: string): ColumnView | undefined {
  return view.columns.find((c) => c.column.name === name);
}

/** The named column, or a problem that names it (the words of requireColumn). */
export function requireView(view: FrameView, name: string): ColumnView {
  return checkFound(findView(view, name), name);
}

export function requireNumericView(view: FrameView, name: string): ColumnView {
  const column = requireView(view, name);
  checkNumeric(column.column, name);
  return column;
}

export function requireLabelsView(view: FrameView, name: string): ColumnView {
  const column = requireView(view, name);
  checkLabels(column.column, name);
  return column;
}

/** The view with some columns replaced (by name) and others appended after them, in order. */
export function withViews(view: FrameView, replaced: readonly ColumnView[], appended: readonly ColumnView[] = []): FrameView {
  const byName = new Map(replaced.map((c) => [c.column.name, c]));
  const columns = view.columns.map((c) => byName.get(c.column.name) ?? c);
  return { ...view, columns: [...columns, ...appended] };
}
