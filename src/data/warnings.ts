/**
 * What a learner should know about a dataset before modelling: constant, identifier-like,
 * duplicate and mostly-missing columns, an imbalanced target, and features that predict the
 * target suspiciously well (possible leakage). Each warning is one sentence that says why.
 */
import { isValid, usesDictionary, type Column, type Table } from '../shared/column';
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

/** Pearson r over rows where both are present; NaN when either is constant there. */
export function pearson(a: Column, b: Column, rowCount: number): number {
  let n = 0, sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
  for (let i = 0; i < rowCount; i++) {
    if (!isValid(a.valid, i) || !isValid(b.valid, i)) continue;
    const x = a.values[i]!;
    const y = b.values[i]!;
    n++;
    sa += x;
    sb += y;
    saa += x * x;
    sbb += y * y;
    sab += x * y;
  }
  const cov = sab - (sa * sb) / n;
  const va = saa - (sa * sa) / n;
  const vb = sbb - (sb * sb) / n;
  return va > 0 && vb > 0 ? cov / Math.sqrt(va * vb) : Number.NaN;
}

/** Share of rows whose target is the majority target within the feature's label (label purity). */
function labelPurity(feature: Column, target: Column, rowCount: number): number {
  const counts = new Map<string, Map<string | number, number>>();
  let n = 0;
  for (let i = 0; i < rowCount; i++) {
    const f = cell(feature, i);
    const t = cell(target, i);
    if (f === null || t === null) continue;
    n++;
    const key = String(f);
    let inner = counts.get(key);
    if (!inner) counts.set(key, (inner = new Map()));
    inner.set(t, (inner.get(t) ?? 0) + 1);
  }
  let agree = 0;
  for (const inner of counts.values()) agree += Math.max(...inner.values());
  return n ? agree / n : 0;
}

/** Best accuracy of one threshold on a numeric feature separating a two-class target. */
function thresholdAccuracy(feature: Column, target: Column, rowCount: number): number {
  const pairs: [number, number][] = [];
  let positive: string | number | null = null;
  for (let i = 0; i < rowCount; i++) {
    const t = cell(target, i);
    if (!isValid(feature.valid, i) || t === null) continue;
    positive ??= t;
    pairs.push([feature.values[i]!, t === positive ? 1 : 0]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  const totalPos = pairs.reduce((s, p) => s + p[1], 0);
  const n = pairs.length;
  let best = Math.max(totalPos, n - totalPos);
  let posBelow = 0;
  for (let i = 0; i < n - 1; i++) {
    posBelow += pairs[i]![1];
    if (pairs[i]![0] === pairs[i + 1]![0]) continue;
    const below = i + 1;
    // positives above the cut, or positives below it
    const above = totalPos - posBelow + (below - posBelow);
    best = Math.max(best, above, n - above);
  }
  return n ? best / n : 0;
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
  if (targetProfile.labels && targetProfile.labels.top.length >= 2 && targetProfile.labels.otherCount === 0) {
    const top = targetProfile.labels.top;
    const majority = top[0]!;
    const minority = top[top.length - 1]!;
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
      const purity = labelPurity(feature, targetColumn, n);
      if (purity >= 0.99) why = `each of its labels goes with one target class in ${pct(purity)} of rows`;
    } else if (isClassTarget && targetProfile.unique === 2 && p.kind === 'numeric') {
      const accuracy = thresholdAccuracy(feature, targetColumn, n);
      if (accuracy >= 0.99) why = `one threshold on it alone predicts the target for ${pct(accuracy)} of rows`;
    }
    if (why) {
      warnings.push({ kind: 'leakage', column: p.name, message: `"${p.name}" predicts the target suspiciously well: ${why}. Check that it is known before the target is, or it leaks the answer.` });
    }
  });
  return warnings;
}
