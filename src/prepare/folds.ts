/** k-fold assignment for cross-validation, dealt as the split is (split.ts): seeded, keyed, over typed arrays. */
import { dealByKey, keySalt } from './keyed-cut';
import { seeded } from './random';
import { shuffle, identity, groupsOf, sortByKey, strata, type SplitDealing, type SplitInputs } from './split';

/** The fold of a row that takes no part in cross-validation: a test row. */
export const NO_FOLD = 255;

export type FoldStrategy = 'random' | 'stratified' | 'grouped' | 'ordered';

/**
 * The fold of every row for k-fold cross-validation, dealt over the rows whose part is not test
 * (every row when `parts` is not given); test rows get NO_FOLD, so they neither unbalance the
 * folds nor leave one empty. random, stratified and grouped: folds 0 … k − 1. ordered: k + 1
 * blocks of consecutive rows in key order, 0 … k, as scikit-learn's TimeSeriesSplit(n_splits=k)
 * cuts them (the first block takes the remainder); block 0 only ever trains. Random and
 * stratified folds are dealt as the split's `dealing` says (SplitSpec): keyed, a relabel or a row
 * moved in or out of the test part moves only a few rows between folds; shuffled, as recipes
 * stored before keyed deal them.
 */
export function assignFolds(k: number, inputs: SplitInputs, seed: number, strategy: FoldStrategy, parts?: Uint8Array, dealing: SplitDealing = 'keyed'): Uint8Array {
  if (!Number.isInteger(k) || k < 2 || k > 20) throw new Error('Choose between 2 and 20 folds.');
  const n = inputs.rowCount;
  const rows = parts ? identity(n).filter((r) => parts[r] !== 2) : identity(n);
  const m = rows.length;
  const blocks = strategy === 'ordered' ? k + 1 : k;
  const where = parts ? 'The training and validation parts have' : 'The dataset has';
  if (m < blocks) throw new Error(`${where} ${m} rows, too few for ${k} folds${strategy === 'ordered' ? ' in time order (k + 1 blocks)' : ''}.`);
  const rng = seeded(seed);
  const folds = new Uint8Array(n).fill(NO_FOLD);
  // The codes of the rows taking part, so that strata and groups are of those rows alone.
  const of = (codes: Int32Array): Int32Array => rows.map((r) => codes[r]!);
  if (strategy === 'grouped') {
    if (!inputs.groups) throw new Error('Grouped folds need a group column.');
    const groups = groupsOf(of(inputs.groups));
    if (groups.count < k) throw new Error(`The group column has ${groups.count} groups${parts ? ' outside the test part' : ''}, too few for ${k} folds.`);
    const order = identity(groups.count);
    shuffle(order, rng);
    // Largest groups first (as scikit-learn's GroupKFold), ties in the seeded shuffle's order: dealt
    // in shuffled order alone, a large group coming last lands on a full fold and unbalances it.
    const sizeOf = (g: number) => groups.starts[g + 1]! - groups.starts[g]!;
    order.sort((a, b) => sizeOf(b) - sizeOf(a));
    const sizes = new Array<number>(k).fill(0);
    for (const g of order) {
      // The smallest fold so far takes the next group (ties: the lowest fold).
      let best = 0;
      for (let f = 1; f < k; f++) if (sizes[f]! < sizes[best]!) best = f;
      const end = groups.starts[g + 1]!;
      for (let i = groups.starts[g]!; i < end; i++) folds[rows[groups.rows[i]!]!] = best;
      sizes[best]! += sizeOf(g);
    }
    return folds;
  }
  if (strategy === 'ordered') {
    if (!inputs.order) throw new Error('Folds in time order need a column to order by.');
    const sorted = sortByKey(rows, inputs.order);
    const size = Math.floor(m / (k + 1));
    const first = m - k * size;
    sorted.forEach((r, p) => (folds[r] = p < first ? 0 : 1 + Math.floor((p - first) / size)));
    return folds;
  }
  if (strategy === 'stratified' && !inputs.classes) throw new Error('Stratified folds need class codes.');
  const lists = strategy === 'stratified' ? strata(of(inputs.classes!)) : [identity(m)];
  if (dealing === 'keyed') {
    // Each class's fold sizes as the round-robin below gives them, then its rows dealt by their keys, as the split is.
    const salt = keySalt(seed, 'folds');
    let next = 0;
    for (const list of lists) {
      const sizes = roundRobinSizes(list.length, k, next);
      next = (next + list.length) % k;
      // Keyed by dataset row, not by place among the rows taking part: a row moved out of the test part shifts no other row's key.
      const datasetRows = list.map((i) => rows[i]!);
      for (const r of datasetRows) folds[r] = 0;
      dealByKey(datasetRows, sizes, salt, (row, fold) => (folds[row] = fold));
    }
    return folds;
  }
  // Round-robin continues across classes, so fold sizes differ by at most one overall too.
  let next = 0;
  for (const list of lists) {
    shuffle(list, rng);
    for (const i of list) folds[rows[i]!] = next++ % k;
  }
  return folds;
}

/** The fold sizes of m rows dealt round-robin into k folds from fold `first` on: floor(m/k) each, one more for the m mod k folds from `first`. */
function roundRobinSizes(m: number, k: number, first: number): number[] {
  const sizes = new Array<number>(k).fill(Math.floor(m / k));
  for (let j = 0; j < m % k; j++) sizes[(first + j) % k]!++;
  return sizes;
}
