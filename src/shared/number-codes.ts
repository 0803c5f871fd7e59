/** Rows as small integer codes of the numbers in one column. */
import { allPresent, isValid, type Column } from './column';

/** Numbers below this that are whole and not negative are looked up in an array, not a Map. */
const SMALL = 1024;

/**
 * Codes per row (-1 missing) for the values of a column read as numbers: keyed by the number
 * itself, so a million rows make no strings; `keys[code]` is the number. Codes follow first
 * appearance; small whole numbers (a 0/1 target, class numbers, dictionary codes) skip the
 * Map, whose lookups by double cost tens of milliseconds a million rows. -0 and 0 are one key,
 * as in a Map. Prepare's classes and groups, and Data's target classes, are these.
 */
export function numberCodes(column: Column, n: number): { codes: Int32Array; keys: number[] } {
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
  return { codes, keys };
}
