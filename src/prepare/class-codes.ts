/** Rows as integer codes of their value in one column: classes to stratify by, groups to keep together. */
import type { Column } from '../shared/column';
import { numberCodes } from '../shared/number-codes';
import { labelAt } from './frame';

/** Codes per row for a label-like column (numbers as their text): -1 for missing. */
export function codesOf(column: Column, n: number): { codes: Int32Array; labels: string[] } {
  if (column.kind === 'numeric' || column.kind === 'datetime') {
    const { codes, keys } = numberCodes(column, n);
    return { codes, labels: keys.map(String) };
  }
  const labels: string[] = [];
  const index = new Map<string, number>();
  const codes = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const label = labelAt(column, i);
    if (label === null) continue;
    let k = index.get(label);
    if (k === undefined) {
      index.set(label, (k = labels.length));
      labels.push(label);
    }
    codes[i] = k;
  }
  return { codes, labels };
}
