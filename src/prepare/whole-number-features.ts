/** Generated values of a whole-number column stay whole and in its training range: 2.37 rooms is a value no real row has, and a learner cannot trust. */
import { isValid, type Column } from '../shared/column';

/** The [min, max] of a column's present values in its first n rows when every one is a whole number; null when one is not, or none is present. */
export function wholeNumberRange(column: Column, n: number): { min: number; max: number } | null {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    if (!isValid(column.valid, i)) continue;
    const x = column.values[i]!;
    // NaN and ±Infinity are not whole numbers either: such a column is left as generated.
    if (!Number.isInteger(x)) return null;
    min = Math.min(min, x);
    max = Math.max(max, x);
  }
  return min <= max ? { min, max } : null;
}

/**
 * A column's generated values (one per new row), rounded and clamped to [min, max] in place when
 * the column's n training values are whole numbers (see wholeNumberRange); otherwise untouched,
 * so a fractional feature's rows are exactly what the generator drew. Example: training rooms
 * 1…7, generated [2.37, 0.4, 7.6] → [2, 1, 7].
 */
export function keepWhole(column: Column, n: number, generated: Float64Array | undefined): Float64Array | undefined {
  const range = generated && wholeNumberRange(column, n);
  if (!generated || !range) return generated;
  // + 0 turns a rounded -0.3 (-0) into 0.
  for (let j = 0; j < generated.length; j++) generated[j] = Math.min(range.max, Math.max(range.min, Math.round(generated[j]!) + 0));
  return generated;
}
