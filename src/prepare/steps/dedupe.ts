import * as v from 'valibot';
import { isValid, type Column } from '../../shared/column';
import { columnView, dropOrFlagView, requireView, viewAllPresent, type ColumnView } from '../frame-view';
import { scratchUint32 } from '../../shared/scratch';
import { defineViewStep } from '../step';
import { listNames } from './params';

export const FNV_OFFSET = 2166136261;
const FNV_PRIME = 16777619;
const MISSING = 0x9e3779b9;

/** A double's two 32-bit halves, for hashing. */
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** h with the value x mixed in (-0 as 0). */
function hashFloat(h: number, x: number): number {
  f64[0] = x === 0 ? 0 : x;
  return Math.imul(Math.imul(h ^ u32[0]!, FNV_PRIME) ^ u32[1]!, FNV_PRIME) >>> 0;
}

/** Mixes each row's value of a float column into its hash (-0 and 0 are one value; missing is one more). */
export function hashFloats(hashes: Uint32Array, view: ColumnView, n: number): void {
  const { column, rows, affine } = view;
  const values = column.values as Float64Array;
  const [center, scale] = affine ? [affine.center, affine.scale] : [0, 1];
  const complete = viewAllPresent(view, n);
  if (complete) {
    // The common case in loops of their own: no presence test, no row-list test per row.
    if (rows === null) for (let r = 0; r < n; r++) hashes[r] = hashFloat(hashes[r]!, (values[r]! - center) * scale);
    else for (let r = 0; r < n; r++) hashes[r] = hashFloat(hashes[r]!, (values[rows[r]!]! - center) * scale);
    return;
  }
  for (let r = 0; r < n; r++) {
    const i = rows === null ? r : rows[r]!;
    const h = hashes[r]!;
    hashes[r] = isValid(column.valid, i) ? hashFloat(h, (values[i]! - center) * scale) : Math.imul(h ^ MISSING, FNV_PRIME) >>> 0;
  }
}

/** hashFloats for codes and booleans. */
export function hashCodes(hashes: Uint32Array, view: ColumnView, n: number): void {
  const { column, rows } = view;
  const values = column.values as Uint32Array | Uint8Array;
  const complete = viewAllPresent(view, n);
  for (let r = 0; r < n; r++) {
    const i = rows === null ? r : rows[r]!;
    const h = !complete && !isValid(column.valid, i) ? Math.imul(hashes[r]! ^ MISSING, FNV_PRIME) : Math.imul(hashes[r]! ^ values[i]!, FNV_PRIME);
    hashes[r] = h >>> 0;
  }
}

/** Whether view rows a and b hold the same value (missing equals missing, NaN equals NaN). */
function sameValue(view: ColumnView, a: number, b: number): boolean {
  const { column, rows, affine } = view;
  const ia = rows === null ? a : rows[a]!;
  const ib = rows === null ? b : rows[b]!;
  const va = isValid(column.valid, ia);
  if (va !== isValid(column.valid, ib)) return false;
  if (!va) return true;
  let x = column.values[ia]!;
  let y = column.values[ib]!;
  if (affine) [x, y] = [(x - affine.center) * affine.scale, (y - affine.center) * affine.scale];
  return x === y || (x !== x && y !== y);
}

/**
 * 1 for each row equal to an earlier row over the columns (missing equals missing, as pandas'
 * duplicated()). Rows are bucketed by a 32-bit hash of their values and compared exactly
 * within a bucket, so no row is ever turned into a string.
 */
export function duplicateRows(columns: readonly Column[], n: number): Uint8Array {
  return duplicateViewRows(
    columns.map((c) => columnView(c, n)),
    n,
  );
}

/**
 * duplicateRows over columns read through views. Equal rows have equal hashes over any subset
 * of the columns, and every bucket is compared exactly over all of them, so the answer does not
 * depend on which columns are hashed. First only one column of floats is, which almost always
 * tells rows apart (hashing every column was most of this step's time); when too many rows
 * share a hash (clipped values sit on their bounds), two are, and then every column.
 */
export function duplicateViewRows(columns: readonly ColumnView[], n: number): Uint8Array {
  const floats = columns.filter((c) => c.column.values instanceof Float64Array);
  if (columns.length > 2 && floats.length > 0) {
    const hashes = hashOf([floats[0]!], n);
    const dup = markDuplicates(columns, n, hashes, n >> 3);
    if (dup) return dup;
    if (floats.length > 1) {
      hashFloats(hashes, floats[1]!, n);
      const again = markDuplicates(columns, n, hashes, n >> 3);
      if (again) return again;
    }
  }
  return markDuplicates(columns, n, hashOf(columns, n), Infinity)!;
}

/** Per row, the hash of its values in the columns (a scratch array: duplicateViewRows's own). */
function hashOf(columns: readonly ColumnView[], n: number): Uint32Array {
  const hashes = scratchUint32('dedupe hashes', n).fill(FNV_OFFSET);
  for (const c of columns) {
    if (c.column.values instanceof Float64Array) hashFloats(hashes, c, n);
    else hashCodes(hashes, c, n);
  }
  return hashes;
}

/** Rows per hash table: its slots (64K, 256 KB) stay in cache while the rows are looked up. */
const ROWS_PER_TABLE = 8192;
/** Slots per row: a sparse table probes less, and each probe that finds a row is a branch mispredicted. */
const SLOTS_PER_ROW = 6;

/**
 * The duplicate marks, or null once more than `patience` pairs of different rows shared a
 * hash. Rows are first split by the top bits of their hash, so equal rows meet in the same
 * part; each part is looked up in a small table of its own, in row order. One big table was
 * a cache miss per row.
 */
function markDuplicates(columns: readonly ColumnView[], n: number, hashes: Uint32Array, patience: number): Uint8Array | null {
  const same = (a: number, b: number) => columns.every((c) => sameValue(c, a, b));
  let bits = 0;
  while (bits < 16 && n >> bits > ROWS_PER_TABLE) bits++;
  const shift = 32 - bits;
  const parts = 1 << bits;
  const starts = new Int32Array(parts + 1);
  if (bits > 0) for (let i = 0; i < n; i++) starts[(hashes[i]! >>> shift) + 1]!++;
  else starts[1] = n;
  let most = 0;
  for (let p = 0; p < parts; p++) {
    most = Math.max(most, starts[p + 1]!);
    starts[p + 1]! += starts[p]!;
  }
  // Rows by part, in row order within each, with their hashes beside them: a part's lookups
  // then touch only its own stretch of both.
  let order: Uint32Array | null = null;
  let sorted = hashes;
  if (bits > 0) {
    order = scratchUint32('dedupe order', n);
    sorted = scratchUint32('dedupe sorted', n);
    const at = starts.slice(0, parts);
    for (let i = 0; i < n; i++) {
      const h = hashes[i]!;
      const k = at[h >>> shift]!++;
      order[k] = i;
      sorted[k] = h;
    }
  }
  // Open addressing (position in `order` + 1 per slot), at most a sixth full.
  let size = 1;
  while (size < most * SLOTS_PER_ROW) size <<= 1;
  const slots = scratchUint32('dedupe slots', size);
  const dup = new Uint8Array(n);
  let clashes = 0;
  for (let p = 0; p < parts; p++) {
    const [from, to] = [starts[p]!, starts[p + 1]!];
    let tableSize = 1;
    while (tableSize < (to - from) * SLOTS_PER_ROW) tableSize <<= 1;
    const mask = tableSize - 1;
    slots.fill(0, 0, tableSize);
    for (let at = from; at < to; at++) {
      const h = sorted[at]!;
      let s = h & mask;
      for (;;) {
        const k = slots[s]!;
        if (k === 0) {
          slots[s] = at + 1;
          break;
        }
        if (sorted[k - 1] === h) {
          const [i, j] = order === null ? [at, k - 1] : [order[at]!, order[k - 1]!];
          if (same(i, j)) {
            dup[i] = 1;
            break;
          }
          if (++clashes > patience) return null;
        }
        s = (s + 1) & mask;
      }
    }
  }
  return dup;
}

export const dedupe = defineViewStep({
  kind: 'dedupe',
  title: 'Remove duplicate rows',
  explain: 'Keeps the first of rows that are equal in the chosen columns (all columns when none are chosen), so repeated rows do not count twice in training.',
  removesRows: true,
  params: v.object({ columns: v.fallback(v.array(v.string()), []) }),
  // Every column when none are chosen: the preview then shows the first few.
  columnsOf: (p) => p.columns,
  describe: (p) => (p.columns.length ? `Remove rows duplicated in ${listNames(p.columns)}` : 'Remove duplicate rows'),
  learnedLines: () => [],
  fit: (p, train) => {
    for (const name of p.columns) requireView(train, name);
    return {};
  },
  transform: (p, _learned, frame, mode) => {
    const columns = p.columns.length ? p.columns.map((name) => requireView(frame, name)) : frame.columns;
    return dropOrFlagView(frame, duplicateViewRows(columns, frame.rowCount), mode);
  },
});
