/**
 * What a learner should know about a dataset before modelling: constant, identifier-like,
 * duplicate and mostly-missing columns, an imbalanced target, and features that predict the
 * target suspiciously well (possible leakage). Each warning is one sentence that says why.
 */
import { booleanWord, isValid, usesDictionary, type Column, type Table } from '../shared/column';
import { numberCodes } from '../shared/number-codes';
import type { ColumnProfile } from './profile';

export type WarningKind = 'constant' | 'identifier' | 'many-labels' | 'duplicate-column' | 'mostly-missing' | 'class-imbalance' | 'leakage';

/** A label column with at least this many labels, fewer than 2 rows each on average, is mostly rare labels (a name, an address). */
export const MANY_LABELS = 30;

/** Whether `labels` different labels over `present` rows with a value are mostly rare (MANY_LABELS): too rare for a model to learn from. */
export const mostlyRareLabels = (labels: number, present: number) => labels >= MANY_LABELS && labels * 2 > present;

export interface DataWarning {
  kind: WarningKind;
  column: string;
  message: string;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** A value of row i comparable across columns: dictionary strings, not codes. */
function cell(column: Column, i: number): string | number | null {
  if (!isValid(column.valid, i)) return null;
  const v = column.values[i]!;
  return column.dictionary ? column.dictionary[v]! : v;
}

/**
 * Whether two columns hold the same values in every row. The validity bitmaps are compared
 * first, 8 rows a byte, and values only where present: row by row, 40 mostly-missing columns
 * of a million rows took 16 s, every pair read to the end.
 */
function sameValues(a: Column, b: Column, rowCount: number): boolean {
  if (usesDictionary(a.kind) !== usesDictionary(b.kind)) return false;
  const full = rowCount >> 3;
  for (let j = 0; j < full; j++) if (a.valid[j] !== b.valid[j]) return false;
  for (let i = full << 3; i < rowCount; i++) if (isValid(a.valid, i) !== isValid(b.valid, i)) return false;
  for (let j = 0; j < full + 1; j++) {
    if (a.valid[j] === 0) continue;
    for (let i = j << 3, end = Math.min(rowCount, i + 8); i < end; i++) if (isValid(a.valid, i) && cell(a, i) !== cell(b, i)) return false;
  }
  return true;
}

/** Whether the column's present values are not all the same (and there are at least two). */
export function varies(column: Column, rowCount: number): boolean {
  let first: number | null = null;
  for (let i = 0; i < rowCount; i++) {
    if (!isValid(column.valid, i)) continue;
    const x = column.values[i]!;
    if (first === null) first = x;
    else if (x !== first) return true;
  }
  return false;
}

/**
 * Pearson r over rows where both are present; NaN when either is constant there. Two passes,
 * the means first: sums of squares taken around zero lose every digit to a large mean (a
 * column near 5,000,000 that varies by 1,000 had r wrong in the seventh digit).
 */
export function pearson(a: Column, b: Column, rowCount: number): number {
  let n = 0;
  let sa = 0;
  let sb = 0;
  // Constant is judged on the values, not on a zero sum of squares: the mean of 0.1, 0.1, 0.1
  // is not exactly 0.1, so their deviations are not exactly 0 (r came out 0, not NaN).
  let varyA = false;
  let varyB = false;
  let firstA = Number.NaN;
  let firstB = Number.NaN;
  for (let i = 0; i < rowCount; i++) {
    if (!isValid(a.valid, i) || !isValid(b.valid, i)) continue;
    const x = a.values[i]!;
    const y = b.values[i]!;
    if (n++ === 0) {
      firstA = x;
      firstB = y;
    }
    varyA ||= x !== firstA;
    varyB ||= y !== firstB;
    sa += x;
    sb += y;
  }
  if (!varyA || !varyB) return Number.NaN;
  const [ma, mb] = [sa / n, sb / n];
  let saa = 0;
  let sbb = 0;
  let sab = 0;
  for (let i = 0; i < rowCount; i++) {
    if (!isValid(a.valid, i) || !isValid(b.valid, i)) continue;
    const x = a.values[i]! - ma;
    const y = b.values[i]! - mb;
    saa += x * x;
    sbb += y * y;
    sab += x * y;
  }
  return saa > 0 && sbb > 0 ? Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb))) : Number.NaN;
}

/**
 * How often a guess from a feature gets the target right (`share`), beside how often always
 * guessing the commonest class does on the same rows (`base`): with a rare class, any feature
 * "predicts" 99.5% of rows, so a leak must beat the base guess, not only a fixed bar.
 */
export interface Agreement {
  share: number;
  base: number;
}

/** The share of the base guess's errors a feature's guess removes: 0 no better, 1 never wrong. */
const skill = (a: Agreement) => (a.base < 1 ? (a.share - a.base) / (1 - a.base) : 0);

/** A feature's guess right for at least 99% of rows, and removing at least 90% of the base guess's errors. */
const LEAK_SHARE = 0.99;
const LEAK_SKILL = 0.9;
const suspicious = (a: Agreement) => a.share >= LEAK_SHARE && skill(a) >= LEAK_SKILL;

/** The base guess's share: the commonest class's rows over n. */
function baseOf(classCounts: Uint32Array, n: number): number {
  let most = 0;
  for (const c of classCounts) most = Math.max(most, c);
  return n ? most / n : 1;
}

/** Share of rows whose target is the majority target within the feature's label (label purity). */
function labelPurity(feature: Column, classes: Int32Array, rowCount: number): Agreement {
  let k = 0;
  for (let i = 0; i < rowCount; i++) if (classes[i]! >= k) k = classes[i]! + 1;
  const size = feature.kind === 'boolean' ? 2 : feature.dictionary!.length;
  if (size * k > DENSE_PAIRS) return sparsePurity(feature, classes, k, rowCount);
  // Counts per label code and class, in one typed table: a Map per label cost 0.3 s a million rows.
  const counts = new Uint32Array(size * k);
  const classCounts = new Uint32Array(k);
  let n = 0;
  for (let i = 0; i < rowCount; i++) {
    const c = classes[i]!;
    if (c < 0 || !isValid(feature.valid, i)) continue;
    counts[feature.values[i]! * k + c]!++;
    classCounts[c]!++;
    n++;
  }
  let agree = 0;
  for (let f = 0; f < size; f++) {
    let most = 0;
    for (let c = 0; c < k; c++) most = Math.max(most, counts[f * k + c]!);
    agree += most;
  }
  return { share: n ? agree / n : 0, base: baseOf(classCounts, n) };
}

/** Label-and-class pairs beyond which the counts go in a Map: many labels times many classes would not fit in memory. */
const DENSE_PAIRS = 1 << 22;

/** labelPurity with only the pairs that occur counted. */
function sparsePurity(feature: Column, classes: Int32Array, k: number, rowCount: number): Agreement {
  const counts = new Map<number, number>();
  const classCounts = new Uint32Array(k);
  let n = 0;
  for (let i = 0; i < rowCount; i++) {
    const c = classes[i]!;
    if (c < 0 || !isValid(feature.valid, i)) continue;
    const key = feature.values[i]! * k + c;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    classCounts[c]!++;
    n++;
  }
  const most = new Map<number, number>();
  for (const [key, count] of counts) {
    const f = Math.floor(key / k);
    most.set(f, Math.max(most.get(f) ?? 0, count));
  }
  let agree = 0;
  for (const m of most.values()) agree += m;
  return { share: n ? agree / n : 0, base: baseOf(classCounts, n) };
}

const BINS = 4096;

/**
 * Best accuracy of one threshold on a numeric feature separating a two-class target: exact when
 * it may be suspicious, else a bound on it that is not. The bound comes from
 * the two classes counted in 4,096 equal bins (a pass, no sort): a cut inside a bin does at best
 * as well as one at its edge with the whole bin on its better side. Most features are nowhere
 * near the bar, and sorting a million pairs for each of them took over a second each.
 */
export function thresholdAccuracy(feature: Column, classes: Int32Array, rowCount: number): Agreement {
  const values = new Float64Array(rowCount);
  const positive = new Uint8Array(rowCount);
  let first = -1;
  let n = 0;
  let totalPos = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < rowCount; i++) {
    const t = classes[i]!;
    if (t < 0 || !isValid(feature.valid, i)) continue;
    const x = feature.values[i]!;
    if (x !== x) continue; // a present NaN has no place on either side of a threshold
    if (first < 0) first = t;
    values[n] = x;
    const p = +(t === first);
    positive[n++] = p;
    totalPos += p;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (n === 0) return { share: 0, base: 1 };
  const none = Math.max(totalPos, n - totalPos);
  const agreement = (right: number): Agreement => ({ share: right / n, base: none / n });
  if (!(max > min) || !Number.isFinite(max - min)) return agreement(min === max ? none : exactThresholdAccuracy(values.subarray(0, n), positive, totalPos));
  // Per bin, negatives then positives side by side: one count per row, no branch on the class.
  const counts = new Int32Array(2 * BINS);
  const perBin = BINS / (max - min);
  for (let i = 0; i < n; i++) {
    // Monotone in x, so every value of a bin is at most every value of the next.
    const b = Math.min(BINS - 1, Math.floor((values[i]! - min) * perBin));
    counts[2 * b + positive[i]!]!++;
  }
  // above: positives above the cut plus negatives below it, with the cut at bin b's lower edge.
  let bound = none;
  let above = totalPos;
  for (let b = 0; b < BINS; b++) {
    const [neg, pos] = [counts[2 * b]!, counts[2 * b + 1]!];
    bound = Math.max(bound, above + neg, n - (above - pos));
    above += neg - pos;
  }
  if (!suspicious(agreement(bound))) return agreement(bound);
  return agreement(exactThresholdAccuracy(values.subarray(0, n), positive, totalPos));
}


/**
 * The target's classes with their row counts, most frequent first, counted from its codes (the
 * profile keeps only the top 20 labels, so a rare 25th class would go unseen); null when the
 * target is not a class. Ties keep first appearance, as the profile's list does.
 */
function targetClassCounts(column: Column, coded: { codes: Int32Array; keys: number[] } | null): { value: string; count: number }[] | null {
  if (!coded) return null;
  const counts = new Array<number>(coded.keys.length).fill(0);
  for (const code of coded.codes) if (code >= 0) counts[code]!++;
  const label = (key: number) => (column.dictionary ? column.dictionary[key]! : column.kind === 'boolean' ? booleanWord(column, key) : String(key));
  return coded.keys.map((key, k) => ({ value: label(key), count: counts[k]! })).sort((a, b) => b.count - a.count);
}
/** The best threshold's right rows, exactly: each class's values sorted, walked together, cut only between distinct values. */
function exactThresholdAccuracy(values: Float64Array, positive: Uint8Array, totalPos: number): number {
  const n = values.length;
  const ps = new Float64Array(totalPos);
  const ns = new Float64Array(n - totalPos);
  for (let i = 0, p = 0, q = 0; i < n; i++) {
    if (positive[i]) ps[p++] = values[i]!;
    else ns[q++] = values[i]!;
  }
  ps.sort();
  ns.sort();
  let best = Math.max(totalPos, n - totalPos);
  let posBelow = 0;
  let negBelow = 0;
  while (posBelow + negBelow < n) {
    // Every value equal to the next smallest goes below the cut together.
    const x = Math.min(posBelow < ps.length ? ps[posBelow]! : Infinity, negBelow < ns.length ? ns[negBelow]! : Infinity);
    while (posBelow < ps.length && ps[posBelow] === x) posBelow++;
    while (negBelow < ns.length && ns[negBelow] === x) negBelow++;
    if (posBelow + negBelow === n) break;
    const above = totalPos - posBelow + negBelow;
    best = Math.max(best, above, n - above);
  }
  return best;
}

export function datasetWarnings(table: Table, profiles: readonly ColumnProfile[], target: string | null): DataWarning[] {
  const warnings: DataWarning[] = [];
  const n = table.rowCount;
  table.columns.forEach((column, c) => {
    const p = profiles[c]!;
    if (p.unique <= 1) {
      warnings.push({ kind: 'constant', column: p.name, message: `"${p.name}" has ${p.unique === 0 ? 'no values' : 'the same value in every row'}: it cannot help a model. Drop it.` });
    } else if (p.kind === 'identifier' || (usesDictionary(p.kind) && p.unique === p.count && p.count >= 20)) {
      warnings.push({ kind: 'identifier', column: p.name, message: `"${p.name}" is different in every row, like an identifier: a model would memorise it instead of learning. Drop it or keep it only to look rows up.` });
    } else if (p.kind === 'categorical' && p.name !== target && mostlyRareLabels(p.unique, p.count)) {
      const perLabel = (p.count / p.unique).toFixed(1);
      warnings.push({
        kind: 'many-labels',
        column: p.name,
        message: `"${p.name}" has ${p.unique.toLocaleString('en')} different labels in ${p.count.toLocaleString('en')} rows, ${perLabel} rows per label on average: a model learns little from labels this rare, and one-hot encoding would add a column for each. Drop it, or one-hot encode it with a cap, so rare labels share an "other" column.`,
      });
    }
    if (n > 0 && p.missing / n > 0.5) {
      warnings.push({ kind: 'mostly-missing', column: p.name, message: `"${p.name}" is missing in ${pct(p.missing / n)} of rows: impute it with care, or drop it.` });
    }
    const earlier = table.columns.slice(0, c).find((other) => sameValues(other, column, n));
    if (earlier) {
      warnings.push({ kind: 'duplicate-column', column: p.name, message: `"${p.name}" holds exactly the same values as "${earlier.name}": keep one of them.` });
    }
  });

  const t = target === null ? -1 : table.columns.findIndex((col) => col.name === target);
  if (t < 0) return warnings;
  const targetColumn = table.columns[t]!;
  const targetProfile = profiles[t]!;
  const isClassTarget = usesDictionary(targetColumn.kind) || targetColumn.kind === 'boolean' || (targetProfile.unique <= 2 && targetProfile.unique > 0);
  const coded = isClassTarget ? numberCodes(targetColumn, n) : null;
  const classes = coded ? coded.codes : null;
  const counts = targetClassCounts(targetColumn, coded);
  if (counts && counts.length >= 2) {
    const majority = counts[0]!;
    const minority = counts[counts.length - 1]!;
    const share = minority.count / targetProfile.count;
    if (share < 0.1 || majority.count / minority.count >= 10) {
      warnings.push({
        kind: 'class-imbalance',
        column: targetProfile.name,
        message: `The target is imbalanced: "${minority.value}" is ${pct(share)} of rows and "${majority.value}" ${pct(majority.count / targetProfile.count)}. Accuracy will flatter a model that ignores the rare class; watch balanced accuracy, recall and F1, and consider class weights or oversampling.`,
      });
    }
  }
  table.columns.forEach((feature, c) => {
    if (c === t) return;
    const p = profiles[c]!;
    if (p.unique <= 1 || p.kind === 'identifier') return;
    let why: string | null = null;
    if (!isClassTarget && targetColumn.kind === 'numeric' && p.kind === 'numeric') {
      const r = pearson(feature, targetColumn, n);
      if (Math.abs(r) >= 0.98) why = `its correlation with the target is ${r.toFixed(3)}`;
    } else if (isClassTarget && (usesDictionary(p.kind) || p.kind === 'boolean') && p.unique < n * 0.5) {
      const purity = labelPurity(feature, classes!, n);
      if (suspicious(purity)) why = `each of its ${p.kind === 'boolean' ? 'values' : 'labels'} goes with one target class in ${pct(purity.share)} of rows (always guessing the commonest class: ${pct(purity.base)})`;
    } else if (isClassTarget && targetProfile.unique === 2 && p.kind === 'numeric') {
      const accuracy = thresholdAccuracy(feature, classes!, n);
      if (suspicious(accuracy)) why = `one threshold on it alone predicts the target for ${pct(accuracy.share)} of rows (always guessing the commonest class: ${pct(accuracy.base)})`;
    }
    if (why) {
      warnings.push({ kind: 'leakage', column: p.name, message: `"${p.name}" predicts the target suspiciously well: ${why}. Check that it is known before the target is, or it leaks the answer.` });
    }
  });
  return warnings;
}
