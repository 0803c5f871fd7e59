import { describe, expect, test } from 'vitest';
import { columnFromStrings } from '../../../src/data/column-builder';
import { correlationMatrix } from '../../../src/data/correlation';
import { histogram, profileColumn, profileTable, quantileSorted } from '../../../src/data/profile';
import { datasetWarnings, mostlyRareLabels, pearson, thresholdAccuracy } from '../../../src/data/warnings';
import { numberCodes } from '../../../src/shared/number-codes';
import { setValid, type Column, type ColumnKind, type Table } from '../../../src/shared/column';

const col = (name: string, kind: ColumnKind, cells: string[]): Column => columnFromStrings(name, kind, cells, { decimalComma: false });
const table = (...columns: Column[]): Table => ({ rowCount: columns[0]!.values.length, columns });

describe('profileColumn', () => {
  test('numeric: moments, quartiles and missing; a present NaN is counted apart', () => {
    const c = col('x', 'numeric', ['1', '2', '', '3', '4', '0']);
    // Store a literal NaN in the last slot and mark it present: data, not missing.
    c.values[5] = Number.NaN;
    setValid(c.valid, 5);
    const p = profileColumn(c, 6);
    expect(p).toMatchObject({ count: 5, missing: 1, unique: 5 });
    // By hand: values 1..4; mean 2.5; squared deviations 2.25+0.25+0.25+2.25 = 5; std = sqrt(5/3)
    expect(p.numeric).toMatchObject({ min: 1, max: 4, mean: 2.5, q1: 1.75, median: 2.5, q3: 3.25, nanCount: 1 });
    expect(p.numeric!.std).toBeCloseTo(Math.sqrt(5 / 3), 12);
  });

  test('quartiles interpolate linearly (numpy default), odd and even counts', () => {
    const odd = Float64Array.from([1, 3, 5]);
    expect([0.25, 0.5, 0.75].map((q) => quantileSorted(odd, q))).toEqual([2, 3, 4]);
    const even = Float64Array.from([10, 20, 30, 40, 50, 60]);
    // position (n-1)q = 1.25 → 20 + 0.25·10; 2.5 → 35; 3.75 → 47.5
    expect([0.25, 0.5, 0.75].map((q) => quantileSorted(even, q))).toEqual([22.5, 35, 47.5]);
    expect(quantileSorted(new Float64Array(0), 0.5)).toBeNaN();
  });

  test('histograms cover [min, max], count every value, and a constant column has one bin', () => {
    const sorted = Float64Array.from({ length: 1000 }, (_, i) => (i * 37) % 101).sort();
    const h = histogram(sorted, sorted[0]!, sorted.at(-1)!, quantileSorted(sorted, 0.25), quantileSorted(sorted, 0.75));
    expect(h.edges[0]).toBe(0);
    expect(h.edges.at(-1)).toBe(100);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(h.counts.length).toBeLessThanOrEqual(30);
    expect(histogram(Float64Array.from([7, 7, 7]), 7, 7, 7, 7)).toEqual({ edges: [7, 7], counts: [3] });
  });

  test('a range wider than the largest double still gets bins that count every value', () => {
    const h = histogram(Float64Array.from([-1e308, 0, 1e308]), -1e308, 1e308, -5e307, 5e307);
    expect(h.edges[0]).toBe(-1e308);
    expect(h.edges.at(-1)).toBe(1e308);
    expect(h.edges.every(Number.isFinite)).toBe(true);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(3);
    // As numpy.histogram: 0 sits on the middle edge, so it counts in the upper bin.
    expect(h).toEqual({ edges: [-1e308, 0, 1e308], counts: [1, 2] });
  });

  test('without a sort, the numeric profile is the sorted one: order statistics, bins and distinct values exactly, moments to rounding', () => {
    let state = 3;
    const next = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0), state / 4294967296);
    for (const [n, value] of [
      [50_000, () => (next() - 0.3) * 1e4],
      [20_000, () => Math.floor(next() * 300) - 150], // whole numbers, many repeats
      [9_000, () => (next() < 0.5 ? -0 : next() < 0.5 ? 0 : next())], // zeros of both signs
    ] as const) {
      const values = Float64Array.from({ length: n }, value);
      const c: Column = { name: 'x', kind: 'numeric', values, valid: new Uint8Array(Math.ceil(n / 8)).fill(255) };
      const sorted = values.slice().sort();
      let unique = 1;
      for (let i = 1; i < n; i++) if (sorted[i] !== sorted[i - 1]) unique++;
      const [q1, median, q3] = [0.25, 0.5, 0.75].map((q) => quantileSorted(sorted, q));
      const p = profileColumn(c, n);
      expect(p.unique).toBe(unique);
      expect(p.numeric).toMatchObject({ min: sorted[0], max: sorted[n - 1], q1, median, q3, histogram: histogram(sorted, sorted[0]!, sorted[n - 1]!, q1!, q3!) });
      expect(Object.is(p.numeric!.min, sorted[0])).toBe(true);
      const mean = sorted.reduce((s, x) => s + x, 0) / n;
      expect(p.numeric!.mean).toBeCloseTo(mean, 8);
      expect(p.numeric!.std).toBeCloseTo(Math.sqrt(sorted.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1)), 8);
    }
  });

  test('labels: most frequent first, ties in first-seen order, the rest counted', () => {
    const cells = ['b', 'a', 'b', 'c', 'a', 'NA', ...Array.from({ length: 25 }, (_, i) => `z${i}`)];
    const p = profileColumn(col('l', 'categorical', cells), cells.length);
    expect(p).toMatchObject({ count: 30, missing: 1, unique: 28 });
    expect(p.labels!.top.slice(0, 3)).toEqual([
      { value: 'b', count: 2 },
      { value: 'a', count: 2 },
      { value: 'c', count: 1 },
    ]);
    expect(p.labels!.top).toHaveLength(20);
    expect(p.labels!.otherCount).toBe(30 - 2 - 2 - 18);
    // True/false as the file wrote them.
    const flags = profileColumn(col('f', 'boolean', ['yes', 'no', 'yes']), 3);
    expect(flags.labels!.top).toEqual([
      { value: 'yes', count: 2 },
      { value: 'no', count: 1 },
    ]);
  });
});

describe('datasetWarnings', () => {
  const kinds = (t: Table, target: string | null) => datasetWarnings(t, profileTable(t), target).map((w) => `${w.kind}:${w.column}`);

  test('constant, identifier-like, duplicate and mostly-missing columns', () => {
    const n = 20;
    const ids = Array.from({ length: n }, (_, i) => `id${i}`);
    const t = table(
      col('same', 'categorical', Array(n).fill('x')),
      col('code', 'categorical', ids),
      col('a', 'categorical', Array.from({ length: n }, (_, i) => (i % 2 ? 'p' : 'q'))),
      // Same strings as 'a', coded in another order: still a duplicate.
      col('b', 'categorical', ['q', 'p', ...Array.from({ length: n - 2 }, (_, i) => (i % 2 ? 'p' : 'q'))]),
      col('half', 'numeric', Array.from({ length: n }, (_, i) => (i < 10 ? '' : String(i)))),
      col('most', 'numeric', Array.from({ length: n }, (_, i) => (i < 11 ? '' : String(i)))),
    );
    expect(kinds(t, null)).toEqual(['constant:same', 'identifier:code', 'duplicate-column:b', 'mostly-missing:most']);
  });

  test('a label column of many rare labels, but not the target, nor one of fewer labels or more rows per label', () => {
    const labels = (name: string, count: number, distinct: number) => col(name, 'categorical', Array.from({ length: 100 }, (_, i) => (i < count ? `${name}${i % distinct}` : '')));
    // 60 rows of 31 labels: 1.9 rows each; 60 of 30 labels, 2.0 each, is not under 2; 29 labels are too few to be many.
    const t = table(labels('many', 60, 31), labels('pairs', 60, 30), labels('few', 40, 29), labels('y', 60, 31));
    expect(kinds(t, 'y').filter((k) => k.startsWith('many-labels'))).toEqual(['many-labels:many']);
    const [warning] = datasetWarnings(t, profileTable(t), 'y').filter((w) => w.kind === 'many-labels');
    expect(warning!.message).toBe(
      '"many" has 31 different labels in 60 rows, 1.9 rows per label on average: a model learns little from labels this rare, and one-hot encoding would add a column for each. Drop it, or one-hot encode it with a cap, so rare labels share an "other" column.',
    );
  });

  test('class imbalance at the 10% boundary', () => {
    const target = (rare: number) => col('y', 'categorical', Array.from({ length: 100 }, (_, i) => (i < rare ? 'rare' : 'common')));
    const noise = col('x', 'numeric', Array.from({ length: 100 }, (_, i) => String((i * 37) % 11)));
    expect(kinds(table(noise, target(9)), 'y')).toContain('class-imbalance:y');
    // 10 of 100 is not under 10%, but 90/10 = 9 < 10: no warning.
    expect(kinds(table(noise, target(10)), 'y')).not.toContain('class-imbalance:y');
  });

  test('class imbalance of a numeric 0/1 target, which has no labels in its profile', () => {
    const noise = col('x', 'numeric', Array.from({ length: 200 }, (_, i) => String((i * 37) % 11)));
    const y = col('y', 'numeric', Array.from({ length: 200 }, (_, i) => (i < 2 ? '1' : '0')));
    const t = table(noise, y);
    const warning = datasetWarnings(t, profileTable(t), 'y').find((w) => w.kind === 'class-imbalance');
    expect(warning?.message).toContain('"1" is 1.0% of rows and "0" 99.0%');
  });

  test('leakage: correlated numeric, pure labels, and a separating threshold', () => {
    const n = 100;
    const y = Array.from({ length: n }, (_, i) => String(i * 2 + 1));
    const copy = y.map((v, i) => String(Number(v) + (i % 2) * 0.01));
    const weak = Array.from({ length: n }, (_, i) => String((i * 37) % 11));
    expect(kinds(table(col('copy', 'numeric', copy), col('weak', 'numeric', weak), col('y', 'numeric', y)), 'y')).toEqual(['leakage:copy']);

    const cls = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 'a' : 'b'));
    const code = cls.map((c) => (c === 'a' ? 'A1' : 'B1'));
    const mixed = Array.from({ length: n }, (_, i) => ['u', 'v'][i % 2]!);
    const score = cls.map((c, i) => String(c === 'a' ? 10 + (i % 5) : 20 + (i % 7)));
    expect(kinds(table(col('code', 'categorical', code), col('mixed', 'categorical', mixed), col('score', 'numeric', score), col('y', 'categorical', cls)), 'y')).toEqual([
      'leakage:code',
      'leakage:score',
    ]);
  });

  test('with a rare class, leakage must beat always guessing the commonest class, not only 99% of rows', () => {
    // 5 "yes" in 1,000: any feature "predicts" 99.5% of rows by always saying "no".
    const n = 1000;
    let state = 7;
    const next = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0), state / 4294967296);
    const y = Array.from({ length: n }, (_, i) => (i % 200 === 0 ? 'yes' : 'no'));
    const x = col('x', 'numeric', y.map(() => String(next())));
    const colour = col('colour', 'categorical', y.map(() => ['red', 'green', 'blue'][Math.floor(next() * 3)]!));
    // A real leak still shows: the flag is the target under other names.
    const flag = col('flag', 'categorical', y.map((v) => (v === 'yes' ? 'Y' : 'N')));
    const score = col('score', 'numeric', y.map((v) => String(v === 'yes' ? 50 + next() : next())));
    const t = table(x, colour, flag, score, col('y', 'categorical', y));
    const leaks = datasetWarnings(t, profileTable(t), 'y').filter((w) => w.kind === 'leakage');
    expect(leaks.map((w) => w.column)).toEqual(['flag', 'score']);
    expect(leaks[0]!.message).toContain('(always guessing the commonest class: 99.5%)');
  });

  test('a boolean feature that gives the target away is flagged', () => {
    const n = 200;
    const y = Array.from({ length: n }, (_, i) => (i % 3 ? 'stayed' : 'churned'));
    const cancelled = col('cancelled', 'boolean', y.map((v) => (v === 'churned' ? 'true' : 'false')));
    const other = col('other', 'boolean', y.map((_, i) => (i % 2 ? 'true' : 'false')));
    expect(kinds(table(cancelled, other, col('y', 'categorical', y)), 'y').filter((k) => k.startsWith('leakage'))).toEqual(['leakage:cancelled']);
  });

  test('class imbalance is found beyond the profile’s top 20 labels', () => {
    // 25 classes of 100 rows, one of 3: the rare one is not among the profile's top labels.
    const y: string[] = [];
    for (let c = 0; c < 25; c++) for (let i = 0; i < 100; i++) y.push(`c${c}`);
    for (let i = 0; i < 3; i++) y.push('rare');
    const noise = col('x', 'numeric', y.map((_, i) => String((i * 37) % 11)));
    const t = table(noise, col('y', 'categorical', y));
    const warning = datasetWarnings(t, profileTable(t), 'y').find((w) => w.kind === 'class-imbalance');
    expect(warning?.message).toContain('"rare" is 0.1% of rows');
  });

  test('duplicate columns are found, and told apart, by their missing cells as well as their values', () => {
    const n = 70_000;
    // Mostly missing, one value each, at different rows (and two identical ones).
    const sparse = (name: string, at: number) => col(name, 'numeric', Array.from({ length: n }, (_, i) => (i === at ? '1' : '')));
    const t = table(sparse('a', n - 1), sparse('b', n - 2), sparse('c', n - 1), col('d', 'numeric', Array.from({ length: n }, (_, i) => (i === n - 1 ? '2' : ''))));
    expect(kinds(t, null).filter((k) => k.startsWith('duplicate'))).toEqual(['duplicate-column:c']);
  });

  test('a threshold’s accuracy is exact where it may reach 99%, and otherwise a bound under 99% that is never below the truth', () => {
    // By the definition: every cut between two sorted distinct values, both ways round.
    const truth = (xs: number[], ys: number[]) => {
      const order = xs.map((x, i) => [x, ys[i]!] as const).sort((a, b) => a[0] - b[0]);
      const pos = ys.filter((y) => y === ys[0]).length;
      let best = Math.max(pos, xs.length - pos);
      for (let k = 1; k < order.length; k++) {
        if (order[k]![0] === order[k - 1]![0]) continue;
        const below = order.slice(0, k);
        const posBelow = below.filter((p) => p[1] === ys[0]).length;
        const above = pos - posBelow + (k - posBelow);
        best = Math.max(best, above, xs.length - above);
      }
      return best / xs.length;
    };
    let state = 11;
    const next = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0), state / 4294967296);
    const n = 3000;
    for (const noise of [0, 0.002, 0.02, 0.5]) {
      const ys = Array.from({ length: n }, () => (next() < 0.4 ? 1 : 0));
      // Class 1 above 0.5, class 0 below, a share `noise` of rows anywhere; repeats of values too.
      const xs = ys.map((y) => Math.round((next() < noise ? next() : y ? 0.5 + next() / 2 : next() / 2) * 2000) / 2000);
      const got = thresholdAccuracy(col('x', 'numeric', xs.map(String)), numberCodes(col('y', 'numeric', ys.map(String)), n).codes, n);
      const exact = truth(xs, ys);
      if (exact >= 0.99) expect(got.share).toBeCloseTo(exact, 12);
      else {
        expect(got.share).toBeLessThan(0.99);
        expect(got.share).toBeGreaterThanOrEqual(exact - 1e-12);
      }
    }
  });

  test('label purity with many labels and many classes counts only the pairs that occur, and still finds a label that gives the class away', () => {
    const n = 10_000;
    // 4,400 labels × 1,100 classes is past the dense table's size; 3,000 × 1,100 is within it.
    const y = col('y', 'categorical', Array.from({ length: n }, (_, i) => `c${i % 1100}`));
    const code = col('code', 'categorical', Array.from({ length: n }, (_, i) => `k${i % 4400}`));
    const noise = col('noise', 'categorical', Array.from({ length: n }, (_, i) => `n${(i * 7919) % 3000}`));
    expect(kinds(table(code, noise, y), 'y').filter((k) => k.startsWith('leakage'))).toEqual(['leakage:code']);
  });

  test('pearson matches a hand computation and ignores rows with a missing side', () => {
    const a = col('a', 'numeric', ['1', '2', '3', '', '5']);
    const b = col('b', 'numeric', ['2', '4', '7', '100', '']);
    // Only rows 1–3 have both values: pairs (1,2), (2,4), (3,7), computed by the definition below.
    const r = pearson(a, b, 5);
    const xs = [1, 2, 3];
    const ys = [2, 4, 7];
    const mx = 2;
    const my = 13 / 3;
    const cov = xs.reduce((s, x, i) => s + (x - mx) * (ys[i]! - my), 0);
    const vx = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
    const vy = ys.reduce((s, y) => s + (y - my) ** 2, 0);
    expect(r).toBeCloseTo(cov / Math.sqrt(vx * vy), 12);
    expect(pearson(a, col('k', 'numeric', ['3', '3', '3', '3', '3']), 5)).toBeNaN();
    // As scipy.stats.pearsonr: constant input gives NaN, also when the constant is not exact in binary.
    expect(pearson(col('x', 'numeric', ['1', '2', '3']), col('c', 'numeric', ['0.1', '0.1', '0.1']), 3)).toBeNaN();
    // Constant over the rows both have, though not over its own.
    expect(pearson(col('x', 'numeric', ['1', '2', '3', '']), col('c', 'numeric', ['4', '4', '4', '9']), 4)).toBeNaN();
  });
});

describe('correlationMatrix', () => {
  test('covers numeric and boolean columns, symmetric, 1 on the diagonal, NaN for a constant column (its diagonal too, as numpy.corrcoef)', () => {
    const t = table(
      col('x', 'numeric', ['1', '2', '3', '4']),
      col('label', 'categorical', ['a', 'b', 'a', 'b']),
      col('y', 'numeric', ['2', '4', '6', '8']),
      col('down', 'numeric', ['4', '3', '2', '1']),
      col('flag', 'boolean', ['no', 'no', 'yes', 'yes']),
      col('k', 'numeric', ['5', '5', '5', '5']),
    );
    const m = correlationMatrix(t);
    expect(m.columns).toEqual(['x', 'y', 'down', 'flag', 'k']);
    expect(m.leftOut).toBe(0);
    // Past the cap, the first columns in table order, and how many were left out.
    const capped = correlationMatrix(t, 3);
    expect(capped).toMatchObject({ columns: ['x', 'y', 'down'], leftOut: 2 });
    expect(m.r[0]![1]).toBeCloseTo(1, 12);
    expect(m.r[0]![2]).toBeCloseTo(-1, 12);
    // x = 1..4 against flag 0,0,1,1: cov = 2, var x = 5, var flag = 1 → r = 2 / sqrt(5)
    expect(m.r[0]![3]).toBeCloseTo(2 / Math.sqrt(5), 12);
    expect(m.r[3]![0]).toBe(m.r[0]![3]);
    expect(m.r[0]![0]).toBe(1);
    expect(m.r[4]![4]).toBeNaN();
    expect(m.r[0]![4]).toBeNaN();
    // A constant that is not exact in binary: its mean is not exactly 0.1, nor its deviations 0.
    const tenths = correlationMatrix(table(col('x', 'numeric', ['1', '2', '3', '4', '5', '6', '7']), col('c', 'numeric', Array(7).fill('0.1'))));
    expect(tenths.r[0]![1]).toBeNaN();
    expect(tenths.r[1]![1]).toBeNaN();
    expect(correlationMatrix(t, 2).columns).toEqual(['x', 'y']);
  });

  test('complete columns, summed a block at a time, agree with pearson pair by pair; a column with gaps still goes pair by pair', () => {
    const n = 20_000;
    const cells = (f: (i: number) => number, gapEvery = 0) => Array.from({ length: n }, (_, i) => (gapEvery && i % gapEvery === 0 ? '' : String(f(i))));
    const t = table(
      col('a', 'numeric', cells((i) => Math.sin(i) * 1e3 + 5e6)),
      col('b', 'numeric', cells((i) => Math.sin(i) * 2e3 + Math.cos(i * 3))),
      col('gappy', 'numeric', cells((i) => Math.cos(i), 7)),
      col('flag', 'boolean', cells((i) => i % 3)),
      col('c', 'numeric', cells((i) => (i * 7919) % 101)),
    );
    t.columns[3] = col('flag', 'boolean', Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 'yes' : 'no')));
    const m = correlationMatrix(t);
    for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) if (i !== j) expect(m.r[i]![j]).toBeCloseTo(pearson(t.columns[i]!, t.columns[j]!, n), 12);
    // Against the definition, with the means taken out first: a and b are near 5,000,000 and 0.
    const [xs, ys] = [0, 1].map((c) => Array.from(t.columns[c]!.values));
    const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / n;
    const [mx, my] = [mean(xs!), mean(ys!)];
    const sxy = xs!.reduce((s, x, i) => s + (x - mx) * (ys![i]! - my), 0);
    const sxx = xs!.reduce((s, x) => s + (x - mx) ** 2, 0);
    const syy = ys!.reduce((s, y) => s + (y - my) ** 2, 0);
    expect(m.r[0]![1]).toBeCloseTo(sxy / Math.sqrt(sxx * syy), 12);
  });
});

test('mostlyRareLabels: 30 labels or more, under 2 rows each on average', () => {
  expect(mostlyRareLabels(31, 61)).toBe(true);
  expect(mostlyRareLabels(30, 60)).toBe(false);
  expect(mostlyRareLabels(29, 30)).toBe(false);
  expect(mostlyRareLabels(304, 398)).toBe(true);
});
