/**
 * Bounds for "every key of a compound index that starts with this prefix".
 *
 * Dexie.maxKey is one shared array object; IndexedDB rejects a key that holds the same object
 * twice (the spec treats it as a cycle), so [id, Dexie.maxKey, Dexie.maxKey] is a DataError.
 * These bounds build a fresh array for each position instead.
 *
 * Example: prefixBounds(['d1'], 2) → [['d1', -Infinity, -Infinity], ['d1', [[]], [[]]]]
 */
export function prefixBounds(prefix: readonly (string | number)[], rest: number): [unknown[], unknown[]] {
  const lower = [...prefix, ...Array.from({ length: rest }, () => -Infinity)];
  const upper = [...prefix, ...Array.from({ length: rest }, () => [[]])];
  return [lower, upper];
}
