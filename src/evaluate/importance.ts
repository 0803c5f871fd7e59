/**
 * Permutation feature importance (scikit-learn's permutation_importance): how much the score
 * drops when one feature's values are shuffled across rows, breaking its link to the target.
 * The features are the columns as imported, shuffled before the fitted pipeline runs, as
 * permutation_importance does on a Pipeline: a one-hot encoded column is shuffled as one, not
 * dummy by dummy, and a column that feeds a derived one moves both. The model is a callback,
 * so this stays free of TF.js.
 *
 * Accuracy on a few dozen rows moves in steps, so two features often drop it exactly as much:
 * such ties are ranked by how much the loss rose (log loss, or the squared error), which still
 * tells them apart, rather than left in column order.
 */
import seedrandom from 'seedrandom';
import type { Column } from '../shared/column';
import { isValid, setValid } from '../shared/column';
import type { Frame } from '../prepare/frame';
import { missingIndicatorName } from '../prepare/steps/impute';
import { isOneHotOf } from '../prepare/steps/one-hot';
import { listQuoted } from '../data/words';

export interface Importance {
  feature: string;
  /** mean drop in score over the repeats */
  mean: number;
  /** standard deviation of the drop over the repeats (ddof 0, as scikit-learn) */
  std: number;
  /** mean rise in the loss over the repeats: ranks features whose score dropped as much */
  lossRise: number;
}

/** A model's score (accuracy or R², higher is better) and its loss (log loss or mean squared error, lower is better). */
export interface Scored {
  score: number;
  loss: number;
}

/**
 * The score and loss with feature `feature`'s values taken from other rows, row i getting row
 * order[i]'s; the unshuffled ones when feature is null.
 */
export type PermutedScorer = (feature: number | null, order: Int32Array | null) => Promise<Scored>;

export async function permutationImportance(rows: number, features: readonly string[], score: PermutedScorer, repeats: number, seed: number, onFeature?: (done: number) => void): Promise<{ baseline: number; importances: Importance[] }> {
  const base = await score(null, null);
  // The first feature starts now: the page can say "1 of n" instead of "starting".
  onFeature?.(0);
  const rng = seedrandom.alea(`importance-${seed}`);
  const order = Int32Array.from({ length: rows }, (_, i) => i);
  const importances: Importance[] = [];
  for (let j = 0; j < features.length; j++) {
    const drops: number[] = [];
    let lossRise = 0;
    for (let r = 0; r < repeats; r++) {
      for (let i = rows - 1; i > 0; i--) {
        const k = Math.floor(rng() * (i + 1));
        [order[i], order[k]] = [order[k]!, order[i]!];
      }
      const shuffled = await score(j, order);
      drops.push(base.score - shuffled.score);
      lossRise += (shuffled.loss - base.loss) / repeats;
    }
    const mean = drops.reduce((a, b) => a + b, 0) / repeats;
    importances.push({ feature: features[j]!, mean, std: Math.sqrt(drops.reduce((s, v) => s + (v - mean) ** 2, 0) / repeats), lossRise });
    onFeature?.(j + 1);
  }
  return { baseline: base.score, importances: importances.sort((a, b) => b.mean - a.mean || b.lossRise - a.lossRise) };
}

/** The frame with one column's values, and whether each is present, taken from the rows in `order`. */
export function withPermutedColumn(frame: Frame, name: string, order: Int32Array): Frame {
  const n = frame.table.rowCount;
  const columns = frame.table.columns.map((c): Column => {
    if (c.name !== name) return c;
    const values = c.values.slice(0, n);
    const valid = new Uint8Array(c.valid.length);
    for (let i = 0; i < n; i++) {
      const from = order[i]!;
      values[i] = c.values[from]!;
      if (isValid(c.valid, from)) setValid(valid, i);
    }
    return { ...c, values, valid };
  });
  return { ...frame, table: { ...frame.table, columns } };
}

/**
 * The importances worth showing: a column the model reads by name (as itself, its one-hot
 * columns "name=…", or its "name was missing" indicator), and any other whose shuffling moved
 * the score. What stays out is a column the pipeline dropped, or one the model never reads,
 * whose every drop is exactly 0.
 */
export function shownImportances(importances: readonly Importance[], modelFeatures: readonly string[]): Importance[] {
  const read = (name: string) => modelFeatures.some((f) => f === name || isOneHotOf(f, name) || f === missingIndicatorName(name));
  return importances.filter((i) => i.mean !== 0 || i.std !== 0 || i.lossRise !== 0 || read(i.feature));
}

/**
 * How far the drops can be read, for beside the chart: on a few dozen rows one row moves the
 * accuracy in steps of 1/rows, so a smaller drop can be one row's luck; and a column that scored
 * better shuffled gained by chance (nothing a model relies on gains from losing it). Null when
 * neither applies.
 */
export function importanceReading(r: { metric: string; part: string; rows: number; importances: readonly Importance[] }): string | null {
  const said: string[] = [];
  if (r.metric === 'accuracy') said.push(`On ${r.rows.toLocaleString('en')} ${r.part} rows one row is ${Number((1 / r.rows).toPrecision(2))} of accuracy: a smaller drop can be a single row’s luck.`);
  const gained = r.importances.filter((i) => i.mean < 0).map((i) => i.feature);
  if (gained.length) said.push(`${listQuoted(gained)} scored better shuffled, which only chance does: the model does not rely on ${gained.length === 1 ? 'it' : 'them'}.`);
  return said.length ? said.join(' ') : null;
}
