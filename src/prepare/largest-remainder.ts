/**
 * Sharing `count` whole rows among groups in proportion to their sizes, by largest remainder:
 * each group gets its quota rounded down, then one more goes to each of the largest remainders
 * until the count is met. Augmentation (ties to the earlier group) and the stratified split (ties
 * in a seeded random order, as scikit-learn's _approximate_mode breaks them) differ only in `ties`.
 */

/**
 * Adds up to `count` whenever any size is above 0. `ties`: the groups' indices in the order that
 * breaks equal remainders (the earlier first); by default 0, 1, 2, …
 * Example: ([25, 25, 25, 5], 20) → [7, 6, 6, 1].
 */
export function largestRemainder(sizes: readonly number[], count: number, ties?: ArrayLike<number>): number[] {
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total === 0) return sizes.map(() => 0);
  const quotas = sizes.map((size) => (count * size) / total);
  const out = quotas.map(Math.floor);
  const remainder = (k: number) => quotas[k]! - out[k]!;
  // A stable sort keeps `ties`' order among equal remainders.
  const order = Array.from(ties ?? sizes.keys()).sort((a, b) => remainder(b) - remainder(a));
  let left = count - out.reduce((a, b) => a + b, 0);
  for (const k of order) {
    if (left <= 0) break;
    if (remainder(k) > 0) {
      out[k]!++;
      left--;
    }
  }
  return out;
}
