/**
 * Validation and test rows that are exact copies of a training row, over the prepared columns:
 * counted exactly as a brute-force comparison of every pair counts them, whatever the views
 * (row lists, scaling maps, label dictionaries that differ between parts).
 */
import seedrandom from 'seedrandom';
import { describe, expect, test } from 'vitest';
import { formatCell } from '../../../src/data/format-cell';
import { datasetFrame } from '../../../src/prepare/frame';
import { materialize, takeViewRows, viewOf, type FrameView } from '../../../src/prepare/frame-view';
import { prepareParts } from '../../../src/prepare/pipeline';
import { assignParts } from '../../../src/prepare/split';
import { copiesOfTrainingRows } from '../../../src/prepare/training-copies';
import { col, table } from './tables';

/** Brute force: a row as the text of its cells, compared as text. */
function bruteCopies(train: FrameView, other: FrameView): number {
  const key = (f: FrameView) => {
    const m = materialize(f);
    return Array.from({ length: m.table.rowCount }, (_, r) => JSON.stringify(m.table.columns.map((c) => formatCell(c, r))));
  };
  const seen = new Set(key(train));
  return key(other).filter((k) => seen.has(k)).length;
}

function data(seed: string, n: number) {
  const random = seedrandom(seed);
  // Few distinct values, so rows repeat; -0 and 0, and gaps, in the numbers.
  const cells = (f: () => string) => Array.from({ length: n }, f);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  return table(
    col('a', 'numeric', cells(() => pick(['1', '2', '-0', '0', '', '3.5']))),
    col('b', 'numeric', cells(() => pick(['10', '20', '']))),
    col('c', 'categorical', cells(() => pick(['x', 'y', 'z', '']))),
    col('d', 'boolean', cells(() => pick(['true', 'false', '']))),
  );
}

describe('copies of training rows', () => {
  test('equal the brute-force count, over row lists, scaling and label edits that differ between parts', () => {
    for (const seed of ['one', 'two', 'three', 'four']) {
      const n = 300;
      const t = data(seed, n);
      const parts = assignParts({ strategy: 'random', fractions: [0.6, 0.2, 0.2], seed: 5 }, { rowCount: n });
      const steps = [
        { id: 's', kind: 'scale', enabled: true, params: { columns: ['b'], method: 'standard' } },
        // A label added in one validation row only: the parts' dictionaries differ.
        { id: 'e', kind: 'edit-cells', enabled: true, params: { edits: [{ row: parts.indexOf(1), column: 'c', value: 'new' }], bulk: [] } },
        { id: 'o', kind: 'outliers', enabled: true, params: { columns: ['a'], rule: 'iqr', factor: 0.5, action: 'remove' } },
      ];
      const prepared = prepareParts(steps, datasetFrame(t), parts);
      if (!prepared.ok) throw new Error(prepared.problem);
      const [train, validation, test] = [prepared.frames.train, prepared.frames.validation, prepared.frames.test].map(viewOf) as [FrameView, FrameView, FrameView];
      const counts = copiesOfTrainingRows(train, [validation, test]);
      expect(counts).toEqual([bruteCopies(train, validation), bruteCopies(train, test)]);
      expect(counts[0]! + counts[1]!).toBeGreaterThan(0);
      // Through row lists: every other row of each part.
      const half = (v: FrameView) => takeViewRows(v, Uint32Array.from({ length: Math.ceil(v.rowCount / 2) }, (_, i) => 2 * i));
      expect(copiesOfTrainingRows(half(train), [half(test)])).toEqual([bruteCopies(half(train), half(test))]);
    }
  });

  test('a part whose columns differ from training’s, or no training rows, count none', () => {
    const train = viewOf(datasetFrame(table(col('a', 'numeric', ['1', '2']))));
    expect(copiesOfTrainingRows(train, [viewOf(datasetFrame(table(col('b', 'numeric', ['1']))))])).toEqual([0]);
    expect(copiesOfTrainingRows(train, [viewOf(datasetFrame(table(col('a', 'numeric', ['2', '2', '3']))))])).toEqual([2]);
    const empty = takeViewRows(train, new Uint32Array(0));
    expect(copiesOfTrainingRows(empty, [train])).toEqual([0]);
  });

  test('many different rows sharing the hashed column fall back to hashing every column, and stay exact', () => {
    // Column a is the same in every row: hashing it alone tells nothing apart.
    const n = 2000;
    const t = table(
      col('a', 'numeric', Array.from({ length: n }, () => '1')),
      col('b', 'numeric', Array.from({ length: n }, (_, i) => String(i % 700))),
      col('c', 'numeric', Array.from({ length: n }, (_, i) => String(i % 3))),
    );
    const whole = viewOf(datasetFrame(t));
    const train = takeViewRows(whole, Uint32Array.from({ length: 1400 }, (_, i) => i));
    const test = takeViewRows(whole, Uint32Array.from({ length: 600 }, (_, i) => 1400 + i));
    expect(copiesOfTrainingRows(train, [test])).toEqual([bruteCopies(train, test)]);
  });
});
