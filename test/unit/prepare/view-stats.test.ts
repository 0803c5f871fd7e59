/**
 * What steps learn through views must equal the statistics of the copied present values:
 * duplicates, means and deviations, min and max, quantiles; and the split must be the one a
 * full seeded shuffle gives.
 */
import seedrandom from 'seedrandom';
import { describe, expect, test } from 'vitest';
import { columnView, materializeColumn, type ColumnView } from '../../../src/prepare/frame-view';
import { seeded } from '../../../src/prepare/random';
import { assignParts, partSizes, stratumSizes } from '../../../src/prepare/split';
import { moments, presentNumbers, quantiles } from '../../../src/prepare/stats';
import { duplicateViewRows } from '../../../src/prepare/steps/dedupe';
import { viewMeanStd, viewMoments, viewQuantiles } from '../../../src/prepare/view-numbers';
import type { Column } from '../../../src/shared/column';
import { col } from './tables';

const keyOf = (x: number) => (Object.is(x, -0) ? '-0' : String(x));

/** Numbers with ties, gaps, ±0, NaN and infinities; `special` is their share. */
function numbers(seed: string, n: number, special: number, missing: number): Column {
  const random = seedrandom(seed);
  const values = new Float64Array(n);
  const valid = new Uint8Array((n + 7) >> 3);
  for (let i = 0; i < n; i++) {
    if (random() < missing) continue;
    values[i] = random() < special ? [0, -0, Infinity, -Infinity, Number.NaN][Math.floor(random() * 5)]! : Math.round((random() * 40 - 20) * 4) / 4;
    valid[i >> 3]! |= 1 << (i & 7);
  }
  return { name: 'x', kind: 'numeric', values, valid };
}

function views(column: Column, n: number, seed: string): ColumnView[] {
  const random = seedrandom(seed);
  const rows = Uint32Array.from({ length: n }, (_, i) => i).filter(() => random() < 0.7);
  const base = columnView(column, n);
  return [base, { ...base, rows }, { ...base, rows, affine: { center: 2.5, scale: 1 / 7 } }, { ...base, affine: { center: -1, scale: 3 } }];
}

describe('statistics through views', () => {
  test('mean, deviation, min, max and quantiles equal those of the copied present values', () => {
    for (const [seed, n, special, missing] of [['a', 50, 0, 0], ['b', 6000, 0, 0], ['c', 6000, 0, 0.2], ['d', 9000, 0.01, 0], ['e', 300, 0.2, 0.2]] as const) {
      const column = numbers(seed, n, special, missing);
      for (const view of views(column, n, seed)) {
        const m = view.rows ? view.rows.length : n;
        const copied = presentNumbers(materializeColumn(view, m), m);
        const expected = moments(copied);
        const got = viewMoments(view, m);
        expect([got.count, got.mean, got.std, got.min, got.max].map(keyOf)).toEqual([expected.count, expected.mean, expected.std, expected.min, expected.max].map(keyOf));
        const meanStd = viewMeanStd(view, m);
        expect([meanStd.count, meanStd.mean, meanStd.std].map(keyOf)).toEqual([expected.count, expected.mean, expected.std].map(keyOf));
        const qs = [0.25, 0.5, 0.75];
        expect(viewQuantiles(view, m, qs).values.map((x) => (x === 0 ? 0 : x))).toEqual(quantiles(copied, qs).map((x) => (x === 0 ? 0 : x)));
        // A mean after a median reuses the median's pass: still the same numbers.
        expect(keyOf(viewMeanStd(view, m).std)).toBe(keyOf(expected.std));
      }
    }
  });
});

/** dup[i] = 1 when an earlier row equals row i in every column: the definition, by brute force. */
function bruteDuplicates(columns: readonly ColumnView[], n: number): number[] {
  const copies = new Map(columns.map((c) => [c, materializeColumn(c, n)]));
  const cell = (c: ColumnView, r: number) => {
    const m = copies.get(c)!;
    return (m.valid[r >> 3]! >> (r & 7)) & 1 ? (Number.isNaN(m.values[r]) ? 'NaN' : String(m.values[r] === 0 ? 0 : m.values[r])) : '∅';
  };
  const keys = Array.from({ length: n }, (_, r) => columns.map((c) => cell(c, r)).join('|'));
  const seen = new Set<string>();
  return keys.map((k) => (seen.has(k) ? 1 : (seen.add(k), 0)));
}

describe('duplicates', () => {
  test('equal the brute-force definition, whichever columns the hash starts from', () => {
    const random = seedrandom('dup');
    const n = 20_000;
    const rowsOf = (share: number) => Uint32Array.from({ length: n }, (_, i) => i).filter(() => random() < share);
    // Floats with few values (clipped to bounds, the first-column hash clashes a lot), and codes.
    const clipped = col('clipped', 'numeric', Array.from({ length: n }, () => String(Math.max(-1, Math.min(1, Math.round(random() * 40 - 20) / 10)))));
    const wide = col('wide', 'numeric', Array.from({ length: n }, () => (random() < 0.1 ? '' : String(Math.floor(random() * 60)))));
    const code = col('code', 'categorical', Array.from({ length: n }, () => ['p', 'q', 'r'][Math.floor(random() * 3)]!));
    const flag = col('flag', 'boolean', Array.from({ length: n }, () => (random() < 0.5 ? 'true' : 'false')));
    const rows = rowsOf(0.8);
    const m = rows.length;
    const on = (c: Column, affine: boolean): ColumnView => ({ ...columnView(c, n), rows, affine: affine ? { center: 0.5, scale: 2 } : null });
    for (const columns of [
      [on(clipped, false), on(wide, true), on(code, false), on(flag, false)],
      [on(wide, false), on(clipped, true), on(flag, false)],
      [on(code, false), on(flag, false), on(clipped, false)],
      [on(clipped, false), on(code, false), on(flag, false)],
    ]) {
      const expected = bruteDuplicates(columns, m);
      expect(Array.from(duplicateViewRows(columns, m))).toEqual(expected);
      // Scratch arrays are reused by the next call: it must not see the last one's.
      expect(Array.from(duplicateViewRows(columns.slice(0, 2), m))).toEqual(bruteDuplicates(columns.slice(0, 2), m));
    }
  });
});

/** The split as it was made before the shuffle learned to stop early: a full Fisher–Yates per stratum, cut at the same sizes. */
function fullShuffleParts(n: number, f: [number, number, number], seed: number, strata: Int32Array[] | null): Uint8Array {
  const rng = seeded(seed);
  const parts = new Uint8Array(n);
  const lists = strata ?? [Int32Array.from({ length: n }, (_, i) => i)];
  const sizes = strata ? stratumSizes(strata.map((s) => s.length), f, rng) : [partSizes(n, f)];
  lists.forEach((a, s) => {
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    const [train, validation] = sizes[s]!;
    a.forEach((r, k) => (parts[r] = k < train ? 0 : k < train + validation ? 1 : 2));
  });
  return parts;
}

describe('the seeded split', () => {
  test('stopping the shuffle early gives the full shuffle’s parts, random and stratified as stored splits deal it', () => {
    for (const n of [1, 2, 5, 97, 1000, 12_345]) {
      for (const seed of [0, 1, 42]) {
        for (const f of [[0.7, 0.15, 0.15], [0.5, 0.5, 0], [0.1, 0.45, 0.45], [1, 0, 0]] as [number, number, number][]) {
          if (n >= 3 || f.filter((x) => x > 0).length <= n) expect(assignParts({ strategy: 'random', fractions: f, seed }, { rowCount: n })).toEqual(fullShuffleParts(n, f, seed, null));
          const classes = Int32Array.from({ length: n }, (_, i) => (i * 7) % 3);
          const strata = [0, 1, 2].map((c) => Int32Array.from({ length: n }, (_, i) => i).filter((i) => classes[i] === c)).filter((s) => s.length > 0);
          if (n >= 3) expect(assignParts({ strategy: 'stratified', fractions: f, seed, dealing: 'shuffled' }, { rowCount: n, classes })).toEqual(fullShuffleParts(n, f, seed, strata));
        }
      }
    }
  });
});
