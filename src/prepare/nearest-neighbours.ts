/** Exact k-nearest-neighbour search over scaled rows, as SMOTE needs it: linear per query, ties by position. */
/**
 * The k nearest of `count` scaled rows (d wide, row-major) to `point` (d wide), by Euclidean
 * distance, skipping position `self` (-1: none); ties by position, so the neighbours do not
 * depend on a sort's whims. Kept in a sorted top-k list: linear in `count`.
 */
export function nearestTo(point: Float64Array, scaled: Float64Array, count: number, d: number, k: number, self: number): Int32Array {
  const best = new Int32Array(k);
  const bestDist = new Float64Array(k);
  let found = 0;
  for (let b = 0; b < count; b++) {
    if (b === self) continue;
    let s = 0;
    for (let j = 0; j < d; j++) {
      const diff = point[j]! - scaled[b * d + j]!;
      s += diff * diff;
    }
    // Strictly nearer only: an equal distance keeps the earlier position.
    if (found === k && !(s < bestDist[k - 1]!)) continue;
    let i = found < k ? found++ : k - 1;
    for (; i > 0 && bestDist[i - 1]! > s; i--) {
      best[i] = best[i - 1]!;
      bestDist[i] = bestDist[i - 1]!;
    }
    best[i] = b;
    bestDist[i] = s;
  }
  return best.slice(0, found);
}

/** The k nearest other rows (indices into `rows`) by Euclidean distance over scaled features. */
export function nearestNeighbours(scaled: Float64Array, count: number, d: number, k: number): Int32Array[] {
  return Array.from({ length: count }, (_, a) => nearestTo(scaled.subarray(a * d, (a + 1) * d), scaled, count, d, k, a));
}
