import * as v from 'valibot';
import { allPresent, isValid, type Column } from '../../shared/column';
import { dropOrFlag, requireColumn, type Frame } from '../frame';
import { defineStep } from '../step';
import { listNames } from './params';

/**
 * 1 for each row equal to an earlier row over the columns (missing equals missing, as pandas'
 * duplicated()). Rows are bucketed by a 32-bit hash of their values and compared exactly
 * within a bucket, so no row is ever turned into a string.
 */
export function duplicateRows(columns: readonly Column[], n: number): Uint8Array {
  const f64 = new Float64Array(1);
  const u32 = new Uint32Array(f64.buffer);
  const hashes = new Uint32Array(n).fill(2166136261);
  for (const c of columns) {
    const values = c.values;
    const isFloat = values instanceof Float64Array;
    const complete = allPresent(c.valid, n);
    for (let i = 0; i < n; i++) {
      let h = hashes[i]!;
      if (!complete && !isValid(c.valid, i)) h = Math.imul(h ^ 0x9e3779b9, 16777619);
      else if (isFloat) {
        f64[0] = values[i]! === 0 ? 0 : values[i]!; // -0 and 0 are one value
        h = Math.imul(h ^ u32[0]!, 16777619);
        h = Math.imul(h ^ u32[1]!, 16777619);
      } else h = Math.imul(h ^ values[i]!, 16777619);
      hashes[i] = h >>> 0;
    }
  }
  const same = (a: number, b: number) =>
    columns.every((c) => {
      const va = isValid(c.valid, a);
      if (va !== isValid(c.valid, b)) return false;
      return !va || c.values[a] === c.values[b] || (c.values[a] !== c.values[a] && c.values[b] !== c.values[b]);
    });
  // Open addressing over a typed array (row + 1 per slot): no allocation per row.
  let size = 1;
  while (size < n * 2) size <<= 1;
  const slots = new Uint32Array(size);
  const mask = size - 1;
  const dup = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const h = hashes[i]!;
    let s = h & mask;
    for (;;) {
      const j = slots[s]!;
      if (j === 0) {
        slots[s] = i + 1;
        break;
      }
      if (hashes[j - 1] === h && same(i, j - 1)) {
        dup[i] = 1;
        break;
      }
      s = (s + 1) & mask;
    }
  }
  return dup;
}

export const dedupe = defineStep({
  kind: 'dedupe',
  title: 'Remove duplicate rows',
  explain: 'Keeps the first of rows that are equal in the chosen columns (all columns when none are chosen), so repeated rows do not count twice in training.',
  removesRows: true,
  params: v.object({ columns: v.fallback(v.array(v.string()), []) }),
  columnsOf: () => [],
  describe: (p) => (p.columns.length ? `Remove rows duplicated in ${listNames(p.columns)}` : 'Remove duplicate rows'),
  fit: (p, train) => {
    for (const name of p.columns) requireColumn(train, name);
    return {};
  },
  transform: (p, _learned, frame: Frame, mode) => {
    const columns = p.columns.length ? p.columns.map((name) => requireColumn(frame, name)) : frame.table.columns;
    return dropOrFlag(frame, duplicateRows(columns, frame.table.rowCount), mode);
  },
});
