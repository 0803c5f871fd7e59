/**
 * What a learner should know about a dataset before modelling: constant, identifier-like,
 * duplicate and mostly-missing columns, an imbalanced target, and features that predict the
 * target suspiciously well (possible leakage). Each warning is one sentence that says why.
 */
import { isValid, usesDictionary, type Column, type Table } from '../shared/column';
import { numberCodes } from '../shared/number-codes';
import type { ColumnProfile } from './profile';

export type WarningKind = 'constant' | 'identifier' | 'duplicate-column' | 'mostly-missing' | 'class-imbalance' | 'leakage';

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

function sameValues(a: Column, b: Column, rowCount: number): boolean {
  if (usesDictionary(a.kind) !== usesDictionary(b.kind)) return false;
  for (let i = 0; i < rowCount; i++) if (cell(a, i) !== cell(b, i)) return false;
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

/** Share of rows whose target is the majority target within the feature's label (label purity). */
function labelPurity(feature: Column, classes: Int32Array, rowCount: number): number {
  let k = 0;
  for (let i = 0; i < rowCount; i++) if (classes[i]! >= k) k = classes[i]! + 1;
  const size = feature.kind === 'boolean' ? 2 : feature.dictionary!.length;
  if (size * k > DENSE_PAIRS) return sparsePurity(feature, classes, k, rowCount);
  // Counts per label code and class, in one typed table: a Map per label cost 0.3 s a million rows.
  const counts = new Uint32Array(size * k);
  let n = 0;
  for (let i = 0; i < rowCount; i++) {
    const c = classes[i]!;
    if (c < 0 || !isValid(feature.valid, i)) continue;
    counts[feature.values[i]! * k + c]!++;
    n++;
  }
  let agree = 0;
  for (let f = 0; f < size; f++) {
    let most = 0;
    for (let c = 0; c < k; c++) most = Math.max(most, counts[f * k + c]!);
    agree += most;
  }
  return n ? agree / n : 0;
}

/** Label-and-class pairs beyond which the counts go in a Map: many labels times many classes would not fit in memory. */
const DENSE_PAIRS = 1 << 22;

/** labelPurity with only the pairs that occur counted. */
function sparsePurity(feature: Column, classes: Int32Array, k: number, rowCount: number): number {
  const counts = new Map<number, number>();
  let n = 0;
  for (let i = 0; i < rowCount; i++) {
    const c = classes[i]!;
    if (c < 0 || !isValid(feature.valid, i)) continue;
    const key = feature.values[i]! * k + c;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    n++;
  }
  const most = new Map<number, number>();
  for (const [key, count] of counts) {
    const f = Math.floor(key / k);
    most.set(f, Math.max(most.get(f) ?? 0, count));
  }
  let agree = 0;
  for (const m of most.values()) agree += m;
  return n ? agree / n : 0;
}

/** The accuracy from which one threshold on a feature is suspicious. */
const THRESHOLD_BAR = 0.99;
const BINS = 4096;

/**
 * Best accuracy of one threshold on a numeric feature separating a two-class target: exact when
 * it may reach THRESHOLD_BAR, else a bound on it that is below the bar. The bound comes from
 * the two classes counted in 4,096 equal bins (a pass, no sort): a cut inside a bin does at best
 * as well as one at its edge with the whole bin on its better side. Most features are nowhere
 * near the bar, and sorting a million pairs for each of them took over a second each.
 */
export function thresholdAccuracy(feature: Column, classes: Int32Array, rowCount: number): number {
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
  if (n === 0) return 0;
  const none = Math.max(totalPos, n - totalPos);
  if (!(max > min) || !Number.isFinite(max - min)) return min === max ? none / n : exactThresholdAccuracy(values.subarray(0, n), positive, totalPos);
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
  if (bound / n < THRESHOLD_BAR) return bound / n;
  return exactThresholdAccuracy(values.subarray(0, n), positive, totalPos);
}


/**
 * The target's classes with their row counts, most frequent first; null when not every class
 * is known (labels beyond the profile's top list) or the target is not a class. A numeric
 * target of two values (0/1) has no labels in its profile: it is counted from its codes.
 */
function targetClassCounts(profile: ColumnProfile, coded: { codes: Int32Array; keys: number[] } | null): { value: string; count: number }[] | null {
  if (profile.labels) return profile.labels.otherCount === 0 ? profile.labels.top : null;
  if (!coded) return null;
  const counts = new Array<number>(coded.keys.length).fill(0);
  for (const code of coded.codes) if (code >= 0) counts[code]!++;
  return coded.keys.map((key, k) => ({ value: String(key), count: counts[k]! })).sort((a, b) => b.count - a.count);
}
/** The best threshold's accuracy, exactly: each class's values sorted, walked together, cut only between distinct values. */
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
  return best / n;
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
  const counts = targetClassCounts(targetProfile, coded);
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
    } else if (isClassTarget && usesDictionary(p.kind) && p.unique < n * 0.5) {
      const purity = labelPurity(feature, classes!, n);
      if (purity >= 0.99) why = `each of its labels goes with one target class in ${pct(purity)} of rows`;
    } else if (isClassTarget && targetProfile.unique === 2 && p.kind === 'numeric') {
      const accuracy = thresholdAccuracy(feature, classes!, n);
      if (accuracy >= THRESHOLD_BAR) why = `one threshold on it alone predicts the target for ${pct(accuracy)} of rows`;
    }
    if (why) {
      warnings.push({ kind: 'leakage', column: p.name, message: `"${p.name}" predicts the target suspiciously well: ${why}. Check that it is known before the target is, or it leaks the answer.` });
    }
  });
  return warnings;
}
