/** Rows as integer codes of their value in one column: classes to stratify by, groups to keep together. */
import { isValid, type Column } from '../shared/column';
import { labelAt } from './frame';

/** Codes per row for a label-like column (numbers as their text): -1 for missing. */
export function codesOf(column: Column, n: number): { codes: Int32Array; labels: string[] } {
  if (column.kind === 'numeric' || column.kind === 'datetime') return numberCodes(column, n);
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

/** codesOf for numbers: keyed by the number itself, so a million rows make no strings. */
function numberCodes(column: Column, n: number): { codes: Int32Array; labels: string[] } {
  const index = new Map<number, number>();
  const codes = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (!isValid(column.valid, i)) continue;
    const x = column.values[i]!;
    let k = index.get(x);
    if (k === undefined) index.set(x, (k = index.size));
    codes[i] = k;
  }
  return { codes, labels: [...index.keys()].map(String) };
}
