/** Rows as integer codes of their value in one column: classes to stratify by, groups to keep together. */
import { allPresent, isValid, type Column } from '../shared/column';
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

/** Numbers below this that are whole and not negative are looked up in an array, not a Map. */
const SMALL = 1024;

/**
 * codesOf for numbers: keyed by the number itself, so a million rows make no strings. Codes
 * follow first appearance; small whole numbers (a 0/1 target, class numbers) skip the Map,
 * whose lookups by double cost tens of milliseconds a million rows. -0 and 0 are one key, as
 * in a Map.
 */
function numberCodes(column: Column, n: number): { codes: Int32Array; labels: string[] } {
  const index = new Map<number, number>();
  const small = new Int32Array(SMALL).fill(-1);
  const keys: number[] = [];
  const codes = new Int32Array(n).fill(-1);
  const values = column.values;
  const complete = allPresent(column.valid, n);
  for (let i = 0; i < n; i++) {
    if (!complete && !isValid(column.valid, i)) continue;
    const x = values[i]!;
    let k: number | undefined;
    const whole = x | 0; // -0 | 0 is 0, as a Map keys it; NaN | 0 is 0, which is not NaN
    if (whole === x && whole >= 0 && whole < SMALL) {
      k = small[whole]!;
      if (k < 0) {
        small[whole] = k = keys.length;
        keys.push(x);
      }
    } else {
      k = index.get(x);
      if (k === undefined) {
        index.set(x, (k = keys.length));
        keys.push(x);
      }
    }
    codes[i] = k;
  }
  return { codes, labels: keys.map(String) };
}
