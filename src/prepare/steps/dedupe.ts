import * as v from 'valibot';
import { isValid, type Column } from '../../shared/column';
import { columnView, dropOrFlagView, requireView, viewAllPresent, type ColumnView } from '../frame-view';
import { defineViewStep } from '../step';
import { listNames } from './params';

const FNV_OFFSET = 2166136261;
const FNV_PRIME = 16777619;
const MISSING = 0x9e3779b9;

/** A double's two 32-bit halves, for hashing. */
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** Mixes each row's value of a float column into its hash (-0 and 0 are one value; missing is one more). */
function hashFloats(hashes: Uint32Array, view: ColumnView, n: number): void {
  const { column, rows, affine } = view;
  const values = column.values as Float64Array;
  const [center, scale] = affine ? [affine.center, affine.scale] : [0, 1];
  const complete = viewAllPresent(view, n);
  for (let r = 0; r < n; r++) {
    const i = rows === null ? r : rows[r]!;
    let h = hashes[r]!;
    if (!complete && !isValid(column.valid, i)) h = Math.imul(h ^ MISSING, FNV_PRIME);
    else {
      const x = (values[i]! - center) * scale;
      f64[0] = x === 0 ? 0 : x;
      h = Math.imul(h ^ u32[0]!, FNV_PRIME);
      h = Math.imul(h ^ u32[1]!, FNV_PRIME);
    }
    hashes[r] = h >>> 0;
  }
}

/** hashFloats for codes and booleans. */
function hashCodes(hashes: Uint32Array, view: ColumnView, n: number): void {
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
 * share a hash, every column is.
 */
export function duplicateViewRows(columns: readonly ColumnView[], n: number): Uint8Array {
  const first = columns.find((c) => c.column.values instanceof Float64Array);
  if (first && columns.length > 1) {
    const dup = markDuplicates(columns, n, hashOf([first], n), n >> 3);
    if (dup) return dup;
  }
  return markDuplicates(columns, n, hashOf(columns, n), Infinity)!;
}

function hashOf(columns: readonly ColumnView[], n: number): Uint32Array {
  const hashes = new Uint32Array(n).fill(FNV_OFFSET);
  for (const c of columns) {
    if (c.column.values instanceof Float64Array) hashFloats(hashes, c, n);
    else hashCodes(hashes, c, n);
  }
  return hashes;
}

/** The duplicate marks, or null once more than `patience` pairs of different rows shared a hash. */
function markDuplicates(columns: readonly ColumnView[], n: number, hashes: Uint32Array, patience: number): Uint8Array | null {
  const same = (a: number, b: number) => columns.every((c) => sameValue(c, a, b));
  // Open addressing over a typed array (row + 1 per slot): no allocation per row. At most two
  // thirds full, and no bigger, so that it stays in cache.
  let size = 1;
  while (size < n * 1.5) size <<= 1;
  const slots = new Uint32Array(size);
  const mask = size - 1;
  const dup = new Uint8Array(n);
  let clashes = 0;
  for (let i = 0; i < n; i++) {
    const h = hashes[i]!;
    let s = h & mask;
    for (;;) {
      const j = slots[s]!;
      if (j === 0) {
        slots[s] = i + 1;
        break;
      }
      if (hashes[j - 1] === h) {
        if (same(i, j - 1)) {
          dup[i] = 1;
          break;
        }
        if (++clashes > patience) return null;
      }
      s = (s + 1) & mask;
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
  columnsOf: () => [],
  describe: (p) => (p.columns.length ? `Remove rows duplicated in ${listNames(p.columns)}` : 'Remove duplicate rows'),
  fit: (p, train) => {
    for (const name of p.columns) requireView(train, name);
    return {};
  },
  transform: (p, _learned, frame, mode) => {
    const columns = p.columns.length ? p.columns.map((name) => requireView(frame, name)) : frame.columns;
    return dropOrFlagView(frame, duplicateViewRows(columns, frame.rowCount), mode);
  },
});
