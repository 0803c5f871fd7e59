import { describe, expect, test } from 'vitest';
import { copyNumbers, denseSource, quantilesOf, type NumberSource } from '../../src/shared/select';

/** numpy's linear quantile over a sort (-0 before 0, NaN left out): what quantilesOf must equal exactly. */
function bySort(values: ArrayLike<number>, q: number): number {
  const sorted = Float64Array.from(values).filter((v) => !Number.isNaN(v)).sort();
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const k = Math.floor(pos);
  return pos === k ? sorted[k]! : sorted[k]! + (sorted[k + 1]! - sorted[k]!) * (pos - k);
}

function xorshift(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/** Values with many ties, ±0, ±Infinity and NaN sprinkled in. */
function awkward(n: number, seed: number, special: number): Float64Array {
  const r = xorshift(seed);
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = r();
    a[i] = u < special ? [0, -0, Infinity, -Infinity, Number.NaN][Math.floor(r() * 5)]! : Math.round((r() * 20 - 10) * 2) / 2;
  }
  return a;
}

const QS = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1];
const same = (actual: number[], expected: number[]) => expect(actual.map((x) => (Object.is(x, -0) ? '-0' : String(x)))).toEqual(expected.map((x) => (Object.is(x, -0) ? '-0' : String(x))));

describe('quantilesOf', () => {
  test('equals a sort on small and large arrays with ties, ±0, infinities and NaN', () => {
    for (const n of [1, 2, 3, 10, 4096, 4097, 10_001, 60_000]) {
      for (const special of [0, 0.02, 0.3]) {
        const values = awkward(n, n * 7 + Math.round(special * 100), special);
        const got = quantilesOf(denseSource(values), QS);
        same(got.values, QS.map((q) => bySort(values, q)));
        expect(got.count).toBe(values.filter((v) => !Number.isNaN(v)).length);
      }
    }
  });

  test('orders -0 before 0 as a sort does, even where quickselect would not', () => {
    const zeros = Float64Array.from({ length: 9001 }, (_, i) => (i % 3 === 0 ? -0 : 0));
    same(quantilesOf(denseSource(zeros), [0, 1 / 3, 0.34, 0.5, 1]).values, [0, 1 / 3, 0.34, 0.5, 1].map((q) => bySort(zeros, q)));
    same(quantilesOf(denseSource(Float64Array.of(0, -0)), [0, 0.5, 1]).values, [-0, 0, 0]);
  });

  test('reads through a row list and an affine map, as the values it stands for', () => {
    const r = xorshift(3);
    const values = Float64Array.from({ length: 50_000 }, () => Math.floor(r() * 1000) / 7);
    const rows = Uint32Array.from({ length: 30_000 }, (_, i) => (i * 48_611) % 50_000).sort();
    const source: NumberSource = { values, rows, center: 12.5, scale: 1 / 3.25, n: rows.length };
    const mapped = Float64Array.from(rows, (i) => (values[i]! - 12.5) * (1 / 3.25));
    expect(copyNumbers(source)).toEqual(mapped);
    same(quantilesOf(source, QS).values, QS.map((q) => bySort(mapped, q)));
  });

  test('a column that is mostly one value, sorted, reversed, or all NaN', () => {
    const constant = new Float64Array(20_000).fill(4);
    constant[17] = 5;
    const sorted = Float64Array.from({ length: 20_000 }, (_, i) => i);
    const reversed = sorted.slice().reverse();
    const nan = new Float64Array(9000).fill(Number.NaN);
    for (const values of [constant, sorted, reversed]) same(quantilesOf(denseSource(values), QS).values, QS.map((q) => bySort(values, q)));
    expect(quantilesOf(denseSource(nan), [0.5])).toEqual({ count: 0, values: [Number.NaN] });
    expect(quantilesOf(denseSource(new Float64Array(0)), [0.5])).toEqual({ count: 0, values: [Number.NaN] });
  });

  test('a sample that misses the rank (NaN in every sampled row) still gives the exact answer', () => {
    const values = new Float64Array(40_000).fill(Number.NaN);
    for (let i = 0; i < 1000; i++) values[i * 40 + 1] = 1000 - i; // between the sampled rows
    same(quantilesOf(denseSource(values), [0.25, 0.5]).values, [0.25, 0.5].map((q) => bySort(values, q)));
  });
});
