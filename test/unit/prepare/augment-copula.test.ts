import { describe, expect, test } from 'vitest';
import { augment, checkAugment, type AugmentSpec } from '../../../src/prepare/augment';
import { normalCdf, normalQuantile } from '../../../src/prepare/augment-copula';
import { cells, col, frameOf } from './tables';

const spec = (extra: Partial<AugmentSpec> = {}): AugmentSpec => ({ method: 'copula', seed: 5, k: 5, scale: 0.1, count: 4000, alpha: 0.2, ...extra });
const n = 1200;
const wobble = (i: number, s: number) => Math.sin(i * s) * 0.5 + 0.5; // in [0, 1], deterministic

/**
 * Two classes of 600 rows: u skewed and positive, v ≈ 2u (strongly correlated), a 0/1 flag
 * (20% ones in a, 70% in b) and a whole-number count, zero for about half the rows.
 */
function mixed() {
  const cls = (i: number) => (i % 2 ? 'b' : 'a');
  const u = Array.from({ length: n }, (_, i) => Math.exp(2 * wobble(i, 12.9898)) + (cls(i) === 'b' ? 5 : 0));
  return frameOf(
    col('u', 'numeric', u.map(String)),
    col('v', 'numeric', u.map((x, i) => String(2 * x + 0.3 * wobble(i, 78.233)))),
    col('flag', 'numeric', u.map((_, i) => (wobble(i, 4.1414) < (cls(i) === 'a' ? 0.2 : 0.7) ? '1' : '0'))),
    col('count', 'numeric', u.map((_, i) => String(Math.max(0, Math.floor(60 * wobble(i, 3.7) - 30))))),
    col('city', 'categorical', u.map((_, i) => (cls(i) === 'a' ? 'p' : 'q'))),
    col('y', 'categorical', u.map((_, i) => cls(i))),
  );
}

const values = (frame: ReturnType<typeof mixed>, name: string) => frame.table.columns.find((c) => c.name === name)!.values;
function correlation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const m = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < m; i++) {
    ma += a[i]! / m;
    mb += b[i]! / m;
  }
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < m; i++) {
    sab += (a[i]! - ma) * (b[i]! - mb);
    saa += (a[i]! - ma) ** 2;
    sbb += (b[i]! - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

describe('synthetic rows by a Gaussian copula per class', () => {
  const real = mixed();
  const result = augment(spec(), real, 'y', 'classification');
  const labels = cells(result.frame, 'y');
  /** A feature's real and generated values of one class. */
  const of = (name: string, cls: string) => {
    const all = values(result.frame, name);
    const pick = (from: number, to: number) => Array.from(all.slice(from, to)).filter((_, j) => labels[from + j] === cls);
    return { real: pick(0, n), generated: pick(n, n + result.added) };
  };

  test('adds the rows asked for, per class in proportion, with the class’s other columns', () => {
    expect(result.added).toBe(4000);
    expect(result.after).toEqual([{ label: 'a', count: 2600 }, { label: 'b', count: 2600 }]);
    const city = cells(result.frame, 'city');
    for (let j = n; j < n + 4000; j++) expect(city[j]).toBe(labels[j] === 'a' ? 'p' : 'q');
  });

  test.each(['u', 'v', 'flag', 'count'])('%s stays within its class’s training range', (name) => {
    for (const cls of ['a', 'b']) {
      const { real: r, generated: g } = of(name, cls);
      expect(Math.min(...g)).toBeGreaterThanOrEqual(Math.min(...r));
      expect(Math.max(...g)).toBeLessThanOrEqual(Math.max(...r));
    }
  });

  test('a 0/1 feature stays 0 or 1, with about its share of ones in each class', () => {
    for (const cls of ['a', 'b']) {
      const { real: r, generated: g } = of('flag', cls);
      expect(new Set(g)).toEqual(new Set([0, 1]));
      const share = (xs: number[]) => xs.filter((x) => x === 1).length / xs.length;
      expect(Math.abs(share(g) - share(r))).toBeLessThan(0.05);
    }
  });

  test('a whole-number count stays a whole number, never negative, with about its share of zeros', () => {
    const { real: r, generated: g } = of('count', 'a');
    expect(g.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
    const zeros = (xs: number[]) => xs.filter((x) => x === 0).length / xs.length;
    expect(Math.abs(zeros(g) - zeros(r))).toBeLessThan(0.05);
  });

  test('the correlation of two strongly correlated features is kept (within 0.1)', () => {
    for (const cls of ['a', 'b']) {
      const real = correlation(of('u', cls).real, of('v', cls).real);
      expect(real).toBeGreaterThan(0.9);
      expect(Math.abs(correlation(of('u', cls).generated, of('v', cls).generated) - real)).toBeLessThan(0.1);
    }
  });

  test('the same seed gives the same rows; another seed, others', () => {
    expect(augment(spec(), real, 'y', 'classification').frame).toEqual(result.frame);
    expect(values(augment(spec({ seed: 6 }), real, 'y', 'classification').frame, 'u')).not.toEqual(values(result.frame, 'u'));
  });

  test('for regression the target is modelled too, within its range', () => {
    const f = frameOf(col('x', 'numeric', Array.from({ length: 300 }, (_, i) => String(wobble(i, 1.3) * 10))), col('t', 'numeric', Array.from({ length: 300 }, (_, i) => String(i))));
    const r = augment(spec({ count: 0 }), f, 't', 'regression');
    expect(r.added).toBe(300);
    const t = values(r.frame, 't').slice(300);
    expect(Math.min(...t)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...t)).toBeLessThanOrEqual(299);
    expect(correlation(values(r.frame, 'x').slice(300), t)).toBeLessThan(0.3); // x and t are unrelated
  });

  test('it is a method of its own, checked like the Gaussian one', () => {
    expect(checkAugment(spec({ count: null as unknown as number }))).toEqual({ ok: false, problems: ['Rows to add: enter a whole number from 0 to 1,000,000.'] });
  });
});

describe('the normal distribution', () => {
  test('the quantile inverts the CDF', () => {
    for (const p of [1e-9, 0.001, 0.025, 0.3, 0.5, 0.8, 0.975, 0.999999]) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 7);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 6);
  });
});
