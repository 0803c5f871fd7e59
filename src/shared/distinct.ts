/**
 * How many distinct numbers an array holds (-0 and 0 one number; no NaN expected), without
 * sorting it. The numbers are hashed by their bits and split by the top bits of the hash into
 * parts of a few thousand, so that equal numbers meet in the same part; each part goes into a
 * small open-addressing table that stays in cache. One table for a million numbers missed the
 * cache on almost every lookup and was slower than a sort; this takes a tenth of a sort's time
 * once compiled (a third on its first calls).
 */
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const PART = 8192;

export function countDistinct(values: Float64Array): number {
  const n = values.length;
  const hashes = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    f64[0] = x === 0 ? 0 : x;
    // Both halves mixed (whole numbers have low halves of 0), then the high bits folded down,
    // since parts take the top bits and slots the low ones.
    const h = Math.imul(u32[0]! ^ Math.imul(u32[1]!, 0x9e3779b1), 0x85ebca6b);
    hashes[i] = (h ^ (h >>> 15)) >>> 0;
  }
  let bits = 0;
  while (bits < 16 && n >> bits > PART) bits++;
  const shift = 32 - bits;
  const parts = 1 << bits;
  // The numbers grouped by part (a counting sort on the top bits), their hashes beside them:
  // a part's lookups then read only its own stretch of both. Reading the numbers where they
  // were, in hash order, was a cache miss each.
  const starts = new Int32Array(parts + 1);
  for (let i = 0; i < n; i++) starts[(bits ? hashes[i]! >>> shift : 0) + 1]!++;
  for (let p = 0; p < parts; p++) starts[p + 1]! += starts[p]!;
  const grouped = new Float64Array(n);
  const sorted = new Uint32Array(n);
  const at = starts.slice(0, parts);
  for (let i = 0; i < n; i++) {
    const h = hashes[i]!;
    const k = at[bits ? h >>> shift : 0]!++;
    grouped[k] = values[i]!;
    sorted[k] = h;
  }
  let distinct = 0;
  let size = 16;
  while (size < PART * 4 && size < n * 4) size <<= 1;
  const slots = new Uint32Array(size * 2);
  for (let p = 0; p < parts; p++) {
    const [from, to] = [starts[p]!, starts[p + 1]!];
    let tableSize = 16;
    while (tableSize < (to - from) * 4) tableSize <<= 1;
    const table = tableSize <= slots.length ? slots : new Uint32Array(tableSize);
    const mask = tableSize - 1;
    table.fill(0, 0, tableSize);
    for (let k = from; k < to; k++) {
      const h = sorted[k]!;
      const x = grouped[k]!;
      // Position + 1 in `grouped` per slot; 0: empty.
      for (let s = h & mask; ; s = (s + 1) & mask) {
        const j = table[s]!;
        if (j === 0) {
          table[s] = k + 1;
          distinct++;
          break;
        }
        if (sorted[j - 1] === h && grouped[j - 1] === x) break;
      }
    }
  }
  return distinct;
}
