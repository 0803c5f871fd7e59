/**
 * Dealing a stratum's rows into parts (the split's, or cross-validation's folds) by a seeded key
 * of each row's own, a hash of the seed and the row's index, instead of by a shuffle: the rows
 * with the smallest keys train, the next ones validate, the rest test. A shuffle's draws depend
 * on every row before, so a class that gains or loses one row (a relabel) re-deals all its rows,
 * and the run after the edit is scored on other test rows than the run before. With keys of
 * their own, a row keeps its part unless its class changes, or it sits at a cut as the cuts move
 * by a row.
 */
import { seeded } from './random';

/** The seed's salt for the row keys of one use (the split, or the folds): a draw of its own, apart from the seed's other draws. */
export function keySalt(seed: number, use: 'split' | 'folds'): number {
  return Math.floor(seeded(use === 'split' ? `${seed}:row keys` : `${seed}:fold keys`)() * 4294967296) >>> 0;
}

/** A row's key: murmur3's 32-bit finaliser over the salted index, so neighbouring rows get unrelated keys. */
export function rowKey(salt: number, row: number): number {
  let h = (Math.imul(row, 0x9e3779b1) ^ salt) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A label's key: FNV-1a over its characters, salted, so a group keeps its place whatever other groups come or go. */
export function labelKey(salt: number, label: string): number {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  return rowKey(salt, h >>> 0);
}

/** (key, row) pairs compare by key, then by row: every row's place in the order is unique. */
interface Place {
  key: number;
  row: number;
}
const before = (key: number, row: number, p: Place) => key < p.key || (key === p.key && row < p.row);

/**
 * The places at the given positions of the sorted order (ascending, each < rows.length):
 * a histogram over the keys' top bits finds each position's bucket, and only that bucket's rows
 * are sorted. Linear time, where sorting a million keys would take longer than the whole split.
 */
function placesAt(keys: Uint32Array, rows: Int32Array, positions: readonly number[]): Place[] {
  const m = rows.length;
  const bits = Math.max(0, Math.min(16, Math.ceil(Math.log2(m + 1)) - 2));
  const shift = 32 - bits;
  const counts = new Int32Array(1 << bits);
  const bucket = (key: number) => (bits === 0 ? 0 : key >>> shift);
  for (let k = 0; k < m; k++) counts[bucket(keys[k]!)]!++;
  return positions.map((q) => {
    let b = 0;
    let below = 0;
    while (below + counts[b]! <= q) below += counts[b++]!;
    const inBucket: Place[] = [];
    for (let k = 0; k < m; k++) if (bucket(keys[k]!) === b) inBucket.push({ key: keys[k]!, row: rows[k]! });
    inBucket.sort((x, y) => x.key - y.key || x.row - y.row);
    return inBucket[q - below]!;
  });
}

/**
 * Deal `rows` (dataset rows, one stratum) into parts by their keys: the sizes[0] smallest keys to
 * part 0, the next sizes[1] to part 1, and so on (the sizes add up to rows.length). `assign` is
 * told each row's part, except part 0's: callers start from all 0.
 */
export function dealByKey(rows: Int32Array, sizes: readonly number[], salt: number, assign: (row: number, part: number) => void): void {
  const m = rows.length;
  const keys = new Uint32Array(m);
  for (let k = 0; k < m; k++) keys[k] = rowKey(salt, rows[k]!);
  // The first row of each later part, by its place in key order; a part past the last row gets none.
  const starts: number[] = [];
  for (let p = 0, at = 0; p < sizes.length - 1; p++) {
    at += sizes[p]!;
    if (at >= m) break;
    starts.push(at);
  }
  if (starts.length === 0) return;
  const firsts = placesAt(keys, rows, starts);
  for (let k = 0; k < m; k++) {
    const key = keys[k]!;
    const row = rows[k]!;
    let part = 0;
    while (part < firsts.length && !before(key, row, firsts[part]!)) part++;
    if (part > 0) assign(row, part);
  }
}
