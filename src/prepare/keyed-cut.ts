/**
 * Cutting a stratum's rows into parts by a seeded key of each row's own, a hash of the seed and
 * the row's index, instead of by a shuffle: the rows with the smallest keys train, the next ones
 * validate, the rest test. A shuffle's draws depend on every row before, so a class that gains
 * or loses one row (a relabel) re-deals all its rows and the run after the edit is scored on
 * other test rows than the run before. With keys of their own, a row keeps its part unless its
 * class changes, or it sits at one of a class's two cuts as they move by a row.
 */
import { seeded } from './random';

/** The seed's salt for the row keys: a draw of its own, apart from the split's other draws. */
export function keySalt(seed: number): number {
  return Math.floor(seeded(`${seed}:row keys`)() * 4294967296) >>> 0;
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

/** (key, row) pairs compare by key, then by row: every row's place in the order is unique. */
interface Place {
  key: number;
  row: number;
}
const before = (key: number, row: number, p: Place) => key < p.key || (key === p.key && row < p.row);

/**
 * The places at the given positions of the sorted order (positions ascending, each < rows.length):
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
 * Assign `rows` (one stratum) to parts by their keys: sizes[0] to training, sizes[1] to
 * validation, the rest to test. `parts` starts as all training (0), so only the other two are written.
 */
export function cutByKey(rows: Int32Array, sizes: readonly [number, number, number], parts: Uint8Array, salt: number): void {
  const m = rows.length;
  const [train, validation] = sizes;
  if (train >= m) return;
  const keys = new Uint32Array(m);
  for (let k = 0; k < m; k++) keys[k] = rowKey(salt, rows[k]!);
  const ends = train + validation < m ? [train, train + validation] : [train];
  const [toValidation, toTest] = placesAt(keys, rows, ends);
  for (let k = 0; k < m; k++) {
    const key = keys[k]!;
    const row = rows[k]!;
    if (before(key, row, toValidation!)) continue;
    parts[row] = toTest && !before(key, row, toTest) ? 2 : 1;
  }
}
