/**
 * Seeded train / validation / test splits, over typed arrays (k-fold assignment: folds.ts).
 * Parts: 0 train, 1 validation, 2 test. The same seed gives the same split on any machine.
 */
import { dealByKey, keySalt, labelKey, rowKey } from './keyed-cut';
import { largestRemainder } from './largest-remainder';
import { seeded, type Rng } from './random';
import { scratchInt32 } from '../shared/scratch';

export const PART_NAMES = ['train', 'validation', 'test'] as const;

export interface SplitSpec {
  strategy: 'random' | 'stratified' | 'grouped' | 'ordered';
  /** train, validation, test; each in [0, 1], summing to 1 */
  fractions: readonly [number, number, number];
  seed: number;
  /**
   * How a stratified split cuts each class, a grouped one orders its groups (and assignFolds
   * deals random and stratified folds). keyed (the default): by a seeded key of each row's own,
   * or each group label's (keyed-cut.ts), so a relabel moves only the rows it touches and a few
   * at the cuts; shuffled: by a shuffle, as recipes stored before keyed were dealt, kept so that
   * their parts stay the ones their runs were scored on.
   */
  dealing?: SplitDealing;
}

export type SplitDealing = 'keyed' | 'shuffled';

/**
 * Per row: stratified → class codes (-1 missing: one more stratum); grouped → group codes
 * (-1 missing: a group of its own); ordered → sort keys (NaN missing: last).
 */
export interface SplitInputs {
  rowCount: number;
  classes?: Int32Array;
  groups?: Int32Array;
  order?: Float64Array;
  /** grouped: the label of each group code, so that groups are ordered by keys of their own (dealing keyed) */
  groupLabels?: readonly string[];
}

/**
 * Fisher–Yates from the end down to position `stop` (a full shuffle when stop ≤ 1). Position i
 * is final once the loop has passed it, so positions ≥ stop are exactly those of a full
 * shuffle, and the ones below hold the rest in some order. A split only needs that much: every
 * position below the training size is training, whichever row it holds.
 */
export function shuffle(a: Int32Array | Uint32Array, rng: Rng, stop = 1): void {
  for (let i = a.length - 1; i >= stop && i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
}

/** The draws a full shuffle of `length` would still make after shuffle(…, stop): a generator shared by several shuffles stays in step. */
function skipDraws(rng: Rng, length: number, stop: number): void {
  for (let i = Math.min(stop, length) - 1; i > 0; i--) rng();
}

/** 0, 1, …, n − 1 (a loop: Int32Array.from with a function goes through the iterator protocol, far slower at a million rows). */
export function identity(n: number, into: Int32Array = new Int32Array(n)): Int32Array {
  for (let i = 0; i < n; i++) into[i] = i;
  return into;
}

/** Rounded up, except that floating-point noise (0.1 × 30 = 3.0000000000000004) never adds a row. */
const roundUp = (x: number) => Math.ceil(x - 1e-9);

/**
 * How many of n go to each part, as scikit-learn's train_test_split counts them: validation and
 * test rounded up (ceil(f · n)), training the rest (so at most floor(f · n)). Every part with a
 * share gets at least one row; when that leaves training none, the larger of the other two
 * gives rows back. splitProblem makes sure n is at least the number of parts with a share.
 */
export function partSizes(n: number, f: readonly [number, number, number]): [number, number, number] {
  const least = f.map((x) => (x > 0 ? 1 : 0));
  let validation = f[1] > 0 ? Math.max(1, roundUp(n * f[1])) : 0;
  let test = f[2] > 0 ? Math.max(1, roundUp(n * f[2])) : 0;
  while (n - validation - test < least[0]! && (validation > least[1]! || test > least[2]!)) {
    if (validation > least[1]! && (validation >= test || test <= least[2]!)) validation--;
    else test--;
  }
  return [n - validation - test, validation, test];
}

/**
 * How many of `draws` rows each class gets when they are shared out in proportion to `counts`:
 * each class its share rounded down, then one more for the largest remainders, ties broken at
 * random (scikit-learn's _approximate_mode, as StratifiedShuffleSplit uses it). Adds up to
 * `draws` exactly; no class gets more than it has when draws ≤ the sum of counts.
 */
export function apportion(counts: readonly number[], draws: number, rng: Rng): number[] {
  const ties = identity(counts.length);
  shuffle(ties, rng);
  return largestRemainder(counts, draws, ties);
}

/**
 * Per stratum, its rows in training, validation and test: the overall part sizes first, so the
 * totals are exact, then training shared out among the classes, then validation among what is
 * left of each, and test the rest (StratifiedShuffleSplit's order).
 */
export function stratumSizes(counts: readonly number[], f: readonly [number, number, number], rng: Rng): [number, number, number][] {
  const [train, validation] = partSizes(counts.reduce((s, c) => s + c, 0), f);
  const inTrain = apportion(counts, train, rng);
  const left = counts.map((c, k) => c - inTrain[k]!);
  const inValidation = apportion(left, validation, rng);
  return counts.map((_, k) => [inTrain[k]!, inValidation[k]!, left[k]! - inValidation[k]!]);
}

const nonEmptyParts = (f: readonly [number, number, number]) => f.filter((x) => x > 0).length;

/** Why a split cannot be made, in a sentence for the user, or null. */
export function splitProblem(spec: SplitSpec, inputs: SplitInputs): string | null {
  const f = spec.fractions;
  if (f.some((x) => !(x >= 0) || x > 1)) return 'Each part’s share must be between 0% and 100%.';
  if (Math.abs(f[0] + f[1] + f[2] - 1) > 1e-9) return `The parts add up to ${Math.round((f[0] + f[1] + f[2]) * 1000) / 10}%; they must add up to 100%.`;
  if (f[0] === 0) return 'The training part cannot be empty: the model learns from it.';
  const parts = nonEmptyParts(f);
  if (inputs.rowCount < parts) return `The dataset has ${inputs.rowCount} row${inputs.rowCount === 1 ? '' : 's'}, too few for ${parts} parts: each part with a share needs at least one row.`;
  if (spec.strategy === 'stratified' && !inputs.classes) return 'A stratified split needs a classification target.';
  if (spec.strategy === 'ordered' && !inputs.order) return 'An ordered split needs a column to order the rows by.';
  if (spec.strategy === 'grouped') {
    if (!inputs.groups) return 'A grouped split needs a column whose rows stay together.';
    const count = groupCount(inputs.groups);
    if (count < parts) return `The group column has ${count} group${count === 1 ? '' : 's'}, too few for ${parts} parts.`;
  }
  return null;
}

/**
 * Assign the rows of `order` to parts: the first `sizes[0]` to training, then validation, then
 * test. `parts` starts as all training (0), so only the other two are written.
 */
function cut(order: ArrayLike<number>, sizes: readonly [number, number, number], parts: Uint8Array): void {
  const [train, validation] = sizes;
  for (let k = train; k < order.length; k++) parts[order[k]!] = k < train + validation ? 1 : 2;
}

/**
 * A seeded shuffle, then cut: the shuffle stops once the validation and test positions are
 * final. `shared`: the generator goes on to shuffle something else, so it makes the draws
 * the rest of the shuffle would have made.
 */
function shuffleAndCut(order: Int32Array, sizes: readonly [number, number, number], parts: Uint8Array, rng: Rng, shared: boolean): void {
  shuffle(order, rng, sizes[0]);
  if (shared) skipDraws(rng, order.length, sizes[0]);
  cut(order, sizes, parts);
}

/**
 * The rows in key order, sorted in place: ties by row index, missing (NaN) keys first. A row of
 * unknown time is taken as the earliest: it trains, and is never scored as the latest (the test
 * part, or the last fold), which would say nothing of how the model does on what comes next.
 */
export function sortByKey(rows: Int32Array, keys: Float64Array): Int32Array {
  return rows.sort((a, b) => {
    const ka = keys[a]!;
    const kb = keys[b]!;
    if (ka !== ka) return kb !== kb ? a - b : -1;
    if (kb !== kb) return 1;
    return ka - kb || a - b;
  });
}

/**
 * The row indices sorted by code (a counting sort, ties in row order), the rows without one
 * (code -1) last: code c's rows are rows[at[c]] up to rows[at[c + 1]], the missing ones from
 * at[max + 1] on. One array: a million groups of one row (grouped by an id) would otherwise be
 * a million buffers.
 */
function byCode(codes: Int32Array): { rows: Int32Array; at: Int32Array; max: number } {
  let max = -1;
  for (const c of codes) if (c > max) max = c;
  const at = new Int32Array(max + 2);
  for (const c of codes) if (c >= 0) at[c + 1]!++;
  for (let c = 1; c <= max + 1; c++) at[c]! += at[c - 1]!;
  const rows = new Int32Array(codes.length);
  const fill = at.slice(0, max + 1);
  let tail = at[max + 1]!;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    rows[c >= 0 ? fill[c]!++ : tail++] = i;
  }
  return { rows, at, max };
}

/** Row indices grouped by code (codes -1 together at the end), each list a view into byCode's one array. */
export function strata(codes: Int32Array): Int32Array[] {
  const { rows, at, max } = byCode(codes);
  const out: Int32Array[] = [];
  for (let c = 0; c <= max; c++) if (at[c + 1]! > at[c]!) out.push(rows.subarray(at[c]!, at[c + 1]!));
  if (at[max + 1]! < codes.length) out.push(rows.subarray(at[max + 1]!));
  return out;
}

/**
 * Distinct groups, a missing group code making a group per row: group g is rows[starts[g]] up
 * to rows[starts[g + 1]]. Flat, not a list per group: grouping by an id makes a million groups.
 */
interface Groups {
  rows: Int32Array;
  starts: Int32Array;
  count: number;
}

/** How many groups groupsOf makes, without making them. */
function groupCount(codes: Int32Array): number {
  let max = -1;
  for (const c of codes) if (c > max) max = c;
  const seen = new Uint8Array(max + 1);
  let count = 0;
  for (const c of codes) {
    if (c < 0) count++;
    else if (!seen[c]) count += seen[c] = 1;
  }
  return count;
}

export function groupsOf(codes: Int32Array): Groups {
  const { rows, at, max } = byCode(codes);
  let count = 0;
  const starts = new Int32Array(max + 2 + codes.length - at[max + 1]!);
  for (let c = 0; c <= max; c++) if (at[c + 1]! > at[c]!) starts[count++] = at[c]!;
  // The rows without a code, last, each a group of its own.
  for (let r = at[max + 1]!; r < codes.length; r++) starts[count++] = r;
  starts[count] = codes.length;
  return { rows, starts: starts.subarray(0, count + 1), count };
}

function shuffled(n: number, rng: Rng): Int32Array {
  const order = identity(n);
  shuffle(order, rng);
  return order;
}

/**
 * The groups in the order of their keys: a group with a value by its label's, a row without one
 * by its own row's. A shuffle of the groups re-deals them all when one group comes or goes (a
 * typo in the group column fixed); in key order, the others keep their places.
 */
function keyedGroupOrder(groups: Groups, codes: Int32Array, labels: readonly string[], salt: number): Int32Array {
  const keys = new Uint32Array(groups.count);
  for (let g = 0; g < groups.count; g++) {
    const first = groups.rows[groups.starts[g]!]!;
    const code = codes[first]!;
    keys[g] = code >= 0 ? labelKey(salt, labels[code]!) : rowKey(salt, first);
  }
  if (groups.count > INDEX_SPAN) return identity(groups.count).sort((a, b) => keys[a]! - keys[b]! || a - b);
  // key · 2²¹ + index is exact in a double: one numeric sort of a Float64Array, ties by index.
  const packed = new Float64Array(groups.count);
  for (let g = 0; g < groups.count; g++) packed[g] = keys[g]! * INDEX_SPAN + g;
  packed.sort();
  return Int32Array.from(packed, (x) => x % INDEX_SPAN);
}
const INDEX_SPAN = 2 ** 21;

/** The part of every row (0 train, 1 validation, 2 test). Throws when splitProblem is not null. */
export function assignParts(spec: SplitSpec, inputs: SplitInputs): Uint8Array {
  const problem = splitProblem(spec, inputs);
  if (problem) throw new Error(problem);
  const n = inputs.rowCount;
  const parts = new Uint8Array(n);
  const rng = seeded(spec.seed);
  const f = spec.fractions;
  switch (spec.strategy) {
    case 'random':
      // A scratch order: only the parts it leads to are kept, and fresh memory costs as much as the shuffle.
      shuffleAndCut(identity(n, scratchInt32('random split order', n)), partSizes(n, f), parts, rng, false);
      break;
    case 'stratified': {
      // Exact part sizes, shared out among the classes; then each class's rows cut by their keys, or shuffled and cut.
      const lists = strata(inputs.classes!);
      const sizes = stratumSizes(lists.map((rows) => rows.length), f, rng);
      if (spec.dealing === 'shuffled') lists.forEach((rows, k) => shuffleAndCut(rows, sizes[k]!, parts, rng, true));
      else {
        const salt = keySalt(spec.seed, 'split');
        lists.forEach((rows, k) => dealByKey(rows, sizes[k]!, salt, (row, part) => (parts[row] = part)));
      }
      break;
    }
    case 'grouped': {
      const groups = groupsOf(inputs.groups!);
      const order = spec.dealing === 'shuffled' || !inputs.groupLabels ? shuffled(groups.count, rng) : keyedGroupOrder(groups, inputs.groups!, inputs.groupLabels, keySalt(spec.seed, 'split'));
      const sizes = partSizes(n, f);
      const used = ([0, 1, 2] as const).filter((p) => f[p] > 0);
      const ends = used.map((_, i) => used.slice(0, i + 1).reduce((s: number, p) => s + sizes[p], 0));
      let at = 0;
      let placed = 0;
      let inPart = 0;
      // Whole groups in shuffled order fill each part up to its share; a part moves on early
      // when the groups left are just enough to give every later part one.
      for (let k = 0; k < order.length; k++) {
        const left = order.length - k;
        while (at < used.length - 1 && inPart > 0 && (placed >= ends[at]! || left <= used.length - 1 - at)) {
          at++;
          inPart = 0;
        }
        const g = order[k]!;
        const end = groups.starts[g + 1]!;
        for (let i = groups.starts[g]!; i < end; i++) parts[groups.rows[i]!] = used[at]!;
        placed += end - groups.starts[g]!;
        inPart++;
      }
      break;
    }
    case 'ordered': {
      cut(sortByKey(identity(n), inputs.order!), partSizes(n, f), parts);
      break;
    }
  }
  return parts;
}

export interface PartSummary {
  part: (typeof PART_NAMES)[number];
  rows: number;
  /** rows per class code, when classes are given */
  classCounts?: number[];
}

export function summariseParts(parts: Uint8Array, classes?: Int32Array, classCount = 0): PartSummary[] {
  const rows = new Float64Array(3);
  // Typed counters, part-major: a million rows through arrays of arrays cost ten times more.
  const counts = new Float64Array(3 * classCount);
  for (let i = 0; i < parts.length; i++) rows[parts[i]!]!++;
  if (classes) {
    for (let i = 0; i < parts.length; i++) {
      const c = classes[i]!;
      if (c >= 0) counts[parts[i]! * classCount + c]!++;
    }
  }
  const classCounts = (p: number) => Array.from(counts.subarray(p * classCount, (p + 1) * classCount));
  return PART_NAMES.map((part, p) => ({ part, rows: rows[p]!, ...(classes ? { classCounts: classCounts(p) } : {}) }));
}
