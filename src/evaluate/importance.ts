/**
 * Permutation feature importance (scikit-learn's permutation_importance): how much the score
 * drops when one feature's values are shuffled across rows, breaking its link to the target.
 * The model is a callback, so this stays free of TF.js.
 */
import seedrandom from 'seedrandom';

export interface Importance {
  feature: string;
  /** mean drop in score over the repeats */
  mean: number;
  /** standard deviation of the drop over the repeats (ddof 0, as scikit-learn) */
  std: number;
}

/** Score of a row-major feature matrix: accuracy or R², higher is better. */
export type Scorer = (x: Float32Array) => Promise<number>;

export async function permutationImportance(x: Float32Array, rows: number, features: readonly string[], score: Scorer, repeats: number, seed: number, onFeature?: (done: number) => void): Promise<{ baseline: number; importances: Importance[] }> {
  const d = features.length;
  const baseline = await score(x);
  const rng = seedrandom.alea(`importance-${seed}`);
  const shuffled = x.slice();
  const order = Int32Array.from({ length: rows }, (_, i) => i);
  const importances: Importance[] = [];
  for (let j = 0; j < d; j++) {
    const drops: number[] = [];
    for (let r = 0; r < repeats; r++) {
      for (let i = rows - 1; i > 0; i--) {
        const k = Math.floor(rng() * (i + 1));
        [order[i], order[k]] = [order[k]!, order[i]!];
      }
      for (let i = 0; i < rows; i++) shuffled[i * d + j] = x[order[i]! * d + j]!;
      drops.push(baseline - (await score(shuffled)));
    }
    // Put the column back before the next feature.
    for (let i = 0; i < rows; i++) shuffled[i * d + j] = x[i * d + j]!;
    const mean = drops.reduce((a, b) => a + b, 0) / repeats;
    importances.push({ feature: features[j]!, mean, std: Math.sqrt(drops.reduce((s, v) => s + (v - mean) ** 2, 0) / repeats) });
    onFeature?.(j + 1);
  }
  return { baseline, importances: importances.sort((a, b) => b.mean - a.mean) };
}
