/**
 * Validation and test rows that are exact copies of a training row, over the prepared columns.
 * A model scores better on rows it was trained on, so such rows make its scores look better than
 * they will be on new data. Removing duplicates is a step fitted within each part (training
 * rows removed, other rows only flagged), so it never sees these: they are counted here.
 *
 * Rows are bucketed by a 32-bit hash of a few of their values and compared exactly within a
 * bucket (missing equals missing, NaN equals NaN, -0 equals 0, labels by their text), as
 * dedupe does, so no row is ever turned into a string.
 */
import { bitmapBytes, isValid, setValid, type Column } from '../shared/column';
import { scratchUint32 } from '../shared/scratch';
import type { ColumnView, FrameView } from './frame-view';
import { FNV_OFFSET, hashCodes, hashFloats } from './steps/dedupe';

/** Slots per row of the other parts' hash table: a sparse table probes less. */
const SLOTS_PER_ROW = 4;
/** A code no training label has: a row holding it copies no training row. */
const UNSEEN = 0xffffffff;

/**
 * `other`'s columns lined up with `train`'s, label codes translated to training's codes when the
 * two dictionaries differ (an edit or a fill can add a label to one part only); null when the
 * columns are not the same names and kinds in the same order.
 */
function alignedColumns(train: FrameView, other: FrameView): ColumnView[] | null {
  if (train.columns.length !== other.columns.length) return null;
  const out: ColumnView[] = [];
  for (let c = 0; c < train.columns.length; c++) {
    const t = train.columns[c]!.column;
    const o = other.columns[c]!;
    if (t.name !== o.column.name || t.kind !== o.column.kind) return null;
    out.push(t.dictionary && o.column.dictionary && t.dictionary !== o.column.dictionary ? translated(o, other.rowCount, t.dictionary) : o);
  }
  return out;
}

/** A label column's view with its codes read as the codes of the same labels in `dictionary` (UNSEEN when not there). */
function translated(view: ColumnView, n: number, dictionary: readonly string[]): ColumnView {
  const own = view.column.dictionary!;
  const codeOf = new Map(dictionary.map((label, code) => [label, code]));
  const map = Uint32Array.from(own, (label) => codeOf.get(label) ?? UNSEEN);
  if (map.every((code, i) => code === i)) return view;
  const values = new Uint32Array(n);
  const valid = new Uint8Array(bitmapBytes(n));
  for (let r = 0; r < n; r++) {
    const i = view.rows === null ? r : view.rows[r]!;
    if (!isValid(view.column.valid, i)) continue;
    values[r] = map[view.column.values[i]!]!;
    setValid(valid, r);
  }
  const column: Column = { ...view.column, values, valid, dictionary: [...dictionary] };
  return { column, length: n, rows: null, affine: null };
}

/** A present value as read through the view. */
function read(view: ColumnView, i: number): number {
  const x = view.column.values[i]!;
  return view.affine ? (x - view.affine.center) * view.affine.scale : x;
}

/** Whether row a of training and row b of the other part hold the same values in every column. */
function sameRow(train: readonly ColumnView[], other: readonly ColumnView[], a: number, b: number): boolean {
  for (let c = 0; c < train.length; c++) {
    const t = train[c]!;
    const o = other[c]!;
    const ia = t.rows === null ? a : t.rows[a]!;
    const ib = o.rows === null ? b : o.rows[b]!;
    const present = isValid(t.column.valid, ia);
    if (present !== isValid(o.column.valid, ib)) return false;
    if (!present) continue;
    const x = read(t, ia);
    const y = read(o, ib);
    if (x !== y && (x === x || y === y)) return false;
  }
  return true;
}

/** Per row, a hash of its values in the chosen columns (into a scratch array of that name). */
function hashRows(columns: readonly ColumnView[], chosen: readonly number[], n: number, name: string): Uint32Array {
  const hashes = scratchUint32(name, n).fill(FNV_OFFSET);
  for (const c of chosen) {
    const view = columns[c]!;
    if (view.column.values instanceof Float64Array) hashFloats(hashes, view, n);
    else hashCodes(hashes, view, n);
  }
  return hashes;
}

/**
 * How many rows of each other part copy a training row, hashing the `chosen` columns; null once
 * more than `patience` pairs of different rows shared a hash (too few columns hashed). The other
 * parts' rows go in one hash table, small enough to stay in cache when they are samples, and
 * the training rows are read once, in order, each looked up in it.
 */
function countWith(train: FrameView, others: readonly (ColumnView[] | null)[], sizes: readonly number[], chosen: readonly number[], patience: number): number[] | null {
  const total = sizes.reduce((s, m, k) => s + (others[k] ? m : 0), 0);
  let size = 1;
  while (size < total * SLOTS_PER_ROW) size <<= 1;
  const mask = size - 1;
  // Per slot, 1 + the row's place in the concatenated other parts; beside it, its part, row and hash.
  const slots = new Uint32Array(size);
  const partOf = new Uint8Array(total);
  const rowOf = new Uint32Array(total);
  const hashOf = new Uint32Array(total);
  const copied = others.map((_, k) => new Uint8Array(others[k] ? sizes[k]! : 0));
  let g = 0;
  others.forEach((columns, k) => {
    if (!columns) return;
    const hashes = hashRows(columns, chosen, sizes[k]!, 'copies other hashes');
    for (let r = 0; r < sizes[k]!; r++, g++) {
      const h = hashes[r]!;
      partOf[g] = k;
      rowOf[g] = r;
      hashOf[g] = h;
      let s = h & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = g + 1;
    }
  });
  const n = train.rowCount;
  const trainHashes = hashRows(train.columns, chosen, n, 'copies train hashes');
  let clashes = 0;
  for (let a = 0; a < n; a++) {
    const h = trainHashes[a]!;
    // Every other row equal to this training row is marked, not only the first: test may hold two copies of it.
    for (let s = h & mask; slots[s] !== 0; s = (s + 1) & mask) {
      const at = slots[s]! - 1;
      if (hashOf[at] !== h) continue;
      const k = partOf[at]!;
      const b = rowOf[at]!;
      if (copied[k]![b]) continue;
      if (sameRow(train.columns, others[k]!, a, b)) copied[k]![b] = 1;
      else if (++clashes > patience) return null;
    }
  }
  return copied.map((marks) => marks.reduce((s, x) => s + x, 0));
}

/**
 * For each of `others` (validation, test), how many of its rows equal a training row in every
 * column of the prepared data. First two columns of floats are hashed, which almost always tell
 * rows apart; when too many different rows share a hash, every column is.
 */
export function copiesOfTrainingRows(train: FrameView, others: readonly FrameView[]): number[] {
  const columns = train.columns;
  if (train.rowCount === 0 || columns.length === 0) return others.map(() => 0);
  const aligned = others.map((o) => alignedColumns(train, o));
  const sizes = others.map((o) => o.rowCount);
  const floats = columns.flatMap((c, i) => (c.column.values instanceof Float64Array ? [i] : []));
  const all = columns.map((_, i) => i);
  const budget = (train.rowCount + sizes.reduce((s, n) => s + n, 0)) >> 3;
  // Two columns, not one: a filled gap gives every such row the same value, and one column alone then ties thousands of rows.
  const plans = columns.length > 2 && floats.length > 0 ? [floats.slice(0, 2)] : [];
  for (const chosen of plans) {
    const counts = countWith(train, aligned, sizes, chosen, budget);
    if (counts) return counts;
  }
  return countWith(train, aligned, sizes, all, Infinity)!;
}
