import { describe, expect, test } from 'vitest';
import { seeded } from '../../../src/prepare/random';
import { assignFolds, NO_FOLD } from '../../../src/prepare/folds';
import { assignParts, splitProblem, summariseParts, type SplitSpec } from '../../../src/prepare/split';

const spec = (strategy: SplitSpec['strategy'], seed = 7, fractions: [number, number, number] = [0.7, 0.15, 0.15]): SplitSpec => ({ strategy, fractions, seed });
const count = (parts: Uint8Array) => [0, 1, 2].map((p) => parts.filter((x) => x === p).length);
/** 1000 rows, classes 0 (600), 1 (300), 2 (100). */
const classes = Int32Array.from({ length: 1000 }, (_, i) => (i < 600 ? 0 : i < 900 ? 1 : 2));

describe('holdout splits', () => {
  test('random: sizes add up, the seed decides, another seed differs', () => {
    const a = assignParts(spec('random'), { rowCount: 1000 });
    expect(count(a)).toEqual([700, 150, 150]);
    expect(assignParts(spec('random'), { rowCount: 1000 })).toEqual(a);
    expect(assignParts(spec('random', 8), { rowCount: 1000 })).not.toEqual(a);
  });

  test('stratified: every part keeps each class’s share to within one row', () => {
    const parts = assignParts(spec('stratified'), { rowCount: 1000, classes });
    const summary = summariseParts(parts, classes, 3);
    expect(summary.map((s) => s.rows)).toEqual([700, 150, 150]);
    const expected = [
      [420, 210, 70],
      [90, 45, 15],
      [90, 45, 15],
    ];
    summary.forEach((s, p) => s.classCounts!.forEach((c, k) => expect(Math.abs(c - expected[p]![k]!)).toBeLessThanOrEqual(1)));
  });

  test('stratified: a relabel moves only the row relabelled and a few rows at its classes’ cuts; stored (shuffled) splits re-dealt hundreds', () => {
    const rng = seeded('relabels');
    let worstKeyed = 0;
    let fewestShuffled = Infinity;
    for (const n of [50, 300, 3000]) {
      for (const seed of [0, 1, 42]) {
        for (let trial = 0; trial < 10; trial++) {
          const k = 2 + Math.floor(rng() * 4);
          const before = Int32Array.from({ length: n }, () => Math.floor(rng() * k));
          const after = before.slice();
          const row = Math.floor(rng() * n);
          after[row] = (before[row]! + 1 + Math.floor(rng() * (k - 1))) % k;
          const moved = (dealing: 'keyed' | 'shuffled') => {
            const a = assignParts({ ...spec('stratified', seed), dealing }, { rowCount: n, classes: before });
            const b = assignParts({ ...spec('stratified', seed), dealing }, { rowCount: n, classes: after });
            expect(count(b)).toEqual(count(a));
            return a.filter((p, i) => i !== row && p !== b[i]).length;
          };
          // Each class's training and validation counts move by at most one: its two cuts, by at most three rows between them.
          const keyed = moved('keyed');
          expect(keyed).toBeLessThanOrEqual(3 * k);
          worstKeyed = Math.max(worstKeyed, keyed);
          if (n === 3000) fewestShuffled = Math.min(fewestShuffled, moved('shuffled'));
        }
      }
    }
    expect(worstKeyed).toBeGreaterThan(0);
    expect(fewestShuffled).toBeGreaterThan(100);
  });

  test('stratified, keyed: the seed decides, another seed differs, and rows far apart are not dealt in runs', () => {
    const a = assignParts(spec('stratified'), { rowCount: 1000, classes });
    expect(assignParts(spec('stratified'), { rowCount: 1000, classes })).toEqual(a);
    expect(assignParts(spec('stratified', 8), { rowCount: 1000, classes })).not.toEqual(a);
    // Class 0 holds rows 0–599 in order: its 90 validation rows are spread over them, not a block.
    const validationRows = [...a.keys()].filter((i) => i < 600 && a[i] === 1);
    expect(validationRows.length).toBe(90);
    expect(Math.min(...validationRows)).toBeLessThan(60);
    expect(Math.max(...validationRows)).toBeGreaterThan(540);
    // Over 100,000 rows: every tenth of the row order gets its share of validation rows, and two seeds' validation parts overlap as chance would (15% of 15%).
    const n = 100_000;
    const one = new Int32Array(n);
    const a1 = assignParts({ ...spec('stratified', 1), fractions: [0.7, 0.15, 0.15] }, { rowCount: n, classes: one });
    const a2 = assignParts({ ...spec('stratified', 2), fractions: [0.7, 0.15, 0.15] }, { rowCount: n, classes: one });
    const deciles = Array.from({ length: 10 }, (_, d) => a1.subarray(d * 10_000, (d + 1) * 10_000).filter((p) => p === 1).length);
    for (const inDecile of deciles) expect(Math.abs(inDecile - 1500)).toBeLessThan(200);
    const both = a1.filter((p, i) => p === 1 && a2[i] === 1).length;
    expect(Math.abs(both - 0.15 * 0.15 * n)).toBeLessThan(250);
  });

  test('grouped: no group is in two parts, and each non-empty part gets rows', () => {
    const groups = Int32Array.from({ length: 1000 }, (_, i) => i % 37);
    groups[5] = -1; // a row with no group is a group of its own
    const parts = assignParts(spec('grouped'), { rowCount: 1000, groups });
    const partOf = new Map<number, number>();
    groups.forEach((g, i) => {
      if (g < 0) return;
      if (partOf.has(g)) expect(parts[i]).toBe(partOf.get(g));
      partOf.set(g, parts[i]!);
    });
    expect(count(parts).every((c) => c > 0)).toBe(true);
    expect(Math.abs(count(parts)[0]! - 700)).toBeLessThan(60);
    // Three groups for three parts: one each.
    expect(count(assignParts(spec('grouped'), { rowCount: 6, groups: Int32Array.of(0, 0, 1, 1, 2, 2) }))).toEqual([2, 2, 2]);
  });

  test('ordered: every training key is before every validation key, before every test key; a missing key is taken as the earliest, in training', () => {
    const order = Float64Array.from({ length: 100 }, (_, i) => (i * 7919) % 100);
    order[3] = Number.NaN;
    const parts = assignParts(spec('ordered'), { rowCount: 100, order });
    const keys = (p: number) => Array.from(order).filter((_, i) => parts[i] === p && !Number.isNaN(order[i]));
    expect(Math.max(...keys(0))).toBeLessThan(Math.min(...keys(1)));
    expect(Math.max(...keys(1))).toBeLessThan(Math.min(...keys(2)));
    expect(parts[3]).toBe(0);
  });

  test('what cannot be split is explained', () => {
    expect(splitProblem(spec('random', 1, [0.5, 0.3, 0.3]), { rowCount: 10 })).toMatch(/add up to 110%/);
    expect(splitProblem(spec('random', 1, [0, 0.5, 0.5]), { rowCount: 10 })).toMatch(/training part cannot be empty/);
    expect(splitProblem(spec('random'), { rowCount: 2 })).toMatch(/2 rows, too few for 3 parts/);
    expect(splitProblem(spec('stratified'), { rowCount: 10 })).toMatch(/classification target/);
    expect(splitProblem(spec('grouped'), { rowCount: 10, groups: new Int32Array(10) })).toMatch(/1 group, too few/);
    expect(splitProblem(spec('ordered'), { rowCount: 10 })).toMatch(/column to order/);
    expect(() => assignParts(spec('ordered'), { rowCount: 10 })).toThrow(/column to order/);
    expect(splitProblem(spec('random', 1, [0.8, 0, 0.2]), { rowCount: 2 })).toBeNull();
  });
});

describe('part sizes, as scikit-learn counts them', () => {
  test('validation and test are rounded up, training takes the rest; every part with a share gets a row', () => {
    // train_test_split: n_test = ceil(test_size · n), n_train = floor(train_size · n).
    expect(count(assignParts(spec('random'), { rowCount: 13 }))).toEqual([9, 2, 2]);
    expect(count(assignParts(spec('random'), { rowCount: 1001 }))).toEqual([699, 151, 151]);
    for (const strategy of ['random', 'ordered'] as const) {
      const order = (n: number) => Float64Array.from({ length: n }, (_, i) => i);
      const sizes = (n: number, f: [number, number, number]) => count(assignParts(spec(strategy, 3, f), { rowCount: n, order: order(n) }));
      expect(sizes(4, [0.7, 0.15, 0.15])).toEqual([2, 1, 1]);
      expect(sizes(5, [0.8, 0.1, 0.1])).toEqual([3, 1, 1]);
      expect(sizes(3, [0.6, 0.2, 0.2])).toEqual([1, 1, 1]);
      expect(sizes(10, [0.9, 0.05, 0.05])).toEqual([8, 1, 1]);
      expect(sizes(30, [0.8, 0.1, 0.1])).toEqual([24, 3, 3]); // 0.1 · 30 is 3, not 4, whatever the floating point says
      expect(sizes(2, [0.8, 0, 0.2])).toEqual([1, 0, 1]);
      expect(sizes(7, [1, 0, 0])).toEqual([7, 0, 0]);
    }
    expect(splitProblem(spec('random', 1, [0.98, 0.01, 0.01]), { rowCount: 2 })).toBe('The dataset has 2 rows, too few for 3 parts: each part with a share needs at least one row.');
  });

  test('stratified: the parts’ sizes are exact, and each class is shared out by largest remainder', () => {
    // 10 classes of 3 rows: each class rounded on its own made [20, 0, 10].
    const classes = Int32Array.from({ length: 30 }, (_, i) => i % 10);
    const parts = assignParts(spec('stratified', 1, [0.8, 0.1, 0.1]), { rowCount: 30, classes });
    const summary = summariseParts(parts, classes, 10);
    expect(summary.map((s) => s.rows)).toEqual([24, 3, 3]);
    // 2.4 training rows per class: 2 or 3 each; 0.3 validation and test rows: 0 or 1.
    for (const s of summary) for (const c of s.classCounts!) expect([0, 1, 2, 3]).toContain(c);
    expect(summary[0]!.classCounts!.filter((c) => c === 3)).toHaveLength(4);
    expect(assignParts(spec('stratified', 1, [0.8, 0.1, 0.1]), { rowCount: 30, classes })).toEqual(parts);
  });

  test('stratified, over many class mixes: exact totals, every part with a share filled, each class near its share', () => {
    for (let seed = 0; seed < 60; seed++) {
      const k = 1 + (seed % 25);
      const n = k + ((seed * 37) % 200);
      const classes = Int32Array.from({ length: n }, (_, i) => (i < k ? i : (i * i + seed) % k));
      const f: [number, number, number] = seed % 3 === 0 ? [0.8, 0.1, 0.1] : seed % 3 === 1 ? [0.7, 0.15, 0.15] : [0.6, 0.4, 0];
      const s = spec('stratified', seed, f);
      if (splitProblem(s, { rowCount: n, classes })) continue;
      const summary = summariseParts(assignParts(s, { rowCount: n, classes }), classes, k);
      const random = count(assignParts(spec('random', seed, f), { rowCount: n }));
      expect(summary.map((p) => p.rows)).toEqual(random);
      summary.forEach((p, part) => expect(p.rows > 0).toBe(f[part]! > 0));
      const perClass = (c: number) => summary.reduce((t, p) => t + p.classCounts![c]!, 0);
      for (let c = 0; c < k; c++) {
        // Training is within a row of proportional; validation and test, shared from what is left, within two.
        expect(Math.abs(summary[0]!.classCounts![c]! - (perClass(c) * random[0]!) / n)).toBeLessThan(1);
        for (const p of [1, 2]) expect(Math.abs(summary[p]!.classCounts![c]! - (perClass(c) * random[p]!) / n)).toBeLessThan(2);
      }
    }
  });

  test('grouped, keyed: a row moved to another group, or given a new one, moves only the groups at the cuts; shuffled, a new group re-dealt most', () => {
    const rng = seeded('group edits');
    let fewestShuffled = Infinity;
    for (let trial = 0; trial < 20; trial++) {
      const n = 400;
      const labels = Array.from({ length: 60 }, (_, g) => `patient ${g}`);
      const before = Int32Array.from({ length: n }, () => Math.floor(rng() * 50));
      const row = Math.floor(rng() * n);
      // Half the trials fix a typo into another existing group, half give the row a group of its own (code 50, not used before).
      const after = before.slice();
      after[row] = trial % 2 ? (before[row]! + 1) % 50 : 50;
      const deal = (codes: Int32Array, dealing: 'keyed' | 'shuffled') => assignParts({ ...spec('grouped', 3), dealing }, { rowCount: n, groups: codes, groupLabels: labels });
      const moved = (dealing: 'keyed' | 'shuffled') => {
        const a = deal(before, dealing);
        const b = deal(after, dealing);
        return [...a.keys()].filter((i) => i !== row && a[i] !== b[i]);
      };
      // The groups a cut falls in may move, whole: at most two groups' rows per cut (about 8 rows a group here).
      const keyed = moved('keyed');
      const groupsMoved = new Set(keyed.map((i) => before[i]));
      expect(groupsMoved.size).toBeLessThanOrEqual(4);
      // A shuffle of the groups draws otherwise once their number changes.
      if (trial % 2 === 0) fewestShuffled = Math.min(fewestShuffled, moved('shuffled').length);
    }
    expect(fewestShuffled).toBeGreaterThan(50);
  });

  test('grouped: every part with a share still gets a group when there are enough', () => {
    const groups = Int32Array.from([0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4]);
    for (let seed = 0; seed < 20; seed++) expect(count(assignParts(spec('grouped', seed), { rowCount: 12, groups })).every((c) => c > 0)).toBe(true);
  });
});

describe('k-fold', () => {
  test('random folds differ in size by at most one, and are seeded', () => {
    const folds = assignFolds(5, { rowCount: 103 }, 3, 'random');
    const sizes = [0, 1, 2, 3, 4].map((f) => folds.filter((x) => x === f).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(assignFolds(5, { rowCount: 103 }, 3, 'random')).toEqual(folds);
    expect(assignFolds(5, { rowCount: 103 }, 4, 'random')).not.toEqual(folds);
  });

  test('grouped folds take the largest groups first, so one big group does not land on a full fold; ties dealt by the seed', () => {
    // Six groups of one row and one of ten: the best three folds hold 10, 3 and 3.
    const groups = Int32Array.from([...Array.from({ length: 6 }, (_, g) => g), ...new Array(10).fill(6)]);
    for (let seed = 1; seed <= 20; seed++) {
      const folds = assignFolds(3, { rowCount: groups.length, groups }, seed, 'grouped');
      expect([0, 1, 2].map((f) => folds.filter((x) => x === f).length).sort((a, b) => a - b)).toEqual([3, 3, 10]);
    }
    const small = (seed: number) => Array.from(assignFolds(3, { rowCount: groups.length, groups }, seed, 'grouped').slice(0, 6));
    expect(new Set([1, 2, 3, 4, 5].map((seed) => small(seed).join())).size).toBeGreaterThan(1);
  });

  test('stratified folds hold each class to within one row', () => {
    const folds = assignFolds(4, { rowCount: 1000, classes }, 1, 'stratified');
    for (const k of [0, 1, 2]) {
      const per = [0, 1, 2, 3].map((f) => Array.from(folds).filter((x, i) => x === f && classes[i] === k).length);
      expect(Math.max(...per) - Math.min(...per)).toBeLessThanOrEqual(1);
    }
  });

  test('stratified folds overall differ in size by at most one, keyed as shuffled', () => {
    for (const dealing of ['keyed', 'shuffled'] as const) {
      const folds = assignFolds(7, { rowCount: 1000, classes }, 2, 'stratified', undefined, dealing);
      const sizes = [0, 1, 2, 3, 4, 5, 6].map((f) => folds.filter((x) => x === f).length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  test('keyed folds: a relabel, or a row leaving the test part, moves a few rows between folds; shuffled folds re-dealt hundreds', () => {
    const rng = seeded('fold edits');
    const k = 5;
    let fewestShuffled = Infinity;
    for (let trial = 0; trial < 20; trial++) {
      const n = 2000;
      const before = Int32Array.from({ length: n }, () => Math.floor(rng() * 3));
      const parts = Uint8Array.from({ length: n }, () => (rng() < 0.2 ? 2 : 0));
      // A row that takes part in the folds (a test row's label changes no fold).
      let row = Math.floor(rng() * n);
      while (parts[row] === 2) row = (row + 1) % n;
      const after = before.slice();
      after[row] = (before[row]! + 1) % 3;
      const partsAfter = parts.slice();
      const moved = partsAfter.indexOf(2);
      partsAfter[moved] = 0;
      const changed = (a: Uint8Array, b: Uint8Array, skip: number[]) => a.filter((f, i) => !skip.includes(i) && f !== b[i]).length;
      const stratified = (codes: Int32Array, p: Uint8Array, dealing: 'keyed' | 'shuffled') => assignFolds(k, { rowCount: n, classes: codes }, 3, 'stratified', p, dealing);
      // Each class's fold sizes shift by at most one each, so at most k - 1 rows cross a cut per class: two classes change here.
      expect(changed(stratified(before, parts, 'keyed'), stratified(after, parts, 'keyed'), [row])).toBeLessThanOrEqual(2 * (k - 1));
      const random = (p: Uint8Array, dealing: 'keyed' | 'shuffled') => assignFolds(k, { rowCount: n }, 3, 'random', p, dealing);
      expect(changed(random(parts, 'keyed'), random(partsAfter, 'keyed'), [moved])).toBeLessThanOrEqual(k - 1);
      fewestShuffled = Math.min(fewestShuffled, changed(stratified(before, parts, 'shuffled'), stratified(after, parts, 'shuffled'), [row]), changed(random(parts, 'shuffled'), random(partsAfter, 'shuffled'), [moved]));
    }
    expect(fewestShuffled).toBeGreaterThan(100);
  });

  test('grouped folds keep a group in one fold; k out of range is refused', () => {
    const groups = Int32Array.from({ length: 200 }, (_, i) => i % 13);
    const folds = assignFolds(5, { rowCount: 200, groups }, 1, 'grouped');
    const foldOf = new Map<number, number>();
    groups.forEach((g, i) => {
      if (foldOf.has(g)) expect(folds[i]).toBe(foldOf.get(g));
      foldOf.set(g, folds[i]!);
    });
    expect(new Set(folds).size).toBe(5);
    expect(() => assignFolds(21, { rowCount: 200 }, 1, 'random')).toThrow('between 2 and 20');
    expect(() => assignFolds(5, { rowCount: 3 }, 1, 'random')).toThrow('too few for 5 folds');
  });

  test('folds are dealt over the rows outside the test part: balanced there, none for test rows', () => {
    // 200 rows, 25% positive, a 60/20/20 stratified split: 160 rows to fold, 40 positive.
    const classes = Int32Array.from({ length: 200 }, (_, i) => +(i % 4 === 0));
    const parts = assignParts(spec('stratified', 7, [0.6, 0.2, 0.2]), { rowCount: 200, classes });
    const folds = assignFolds(5, { rowCount: 200, classes }, 1, 'stratified', parts);
    parts.forEach((p, i) => expect(folds[i] === NO_FOLD).toBe(p === 2));
    const sizes = [0, 1, 2, 3, 4].map((f) => folds.filter((x) => x === f).length);
    expect(sizes).toEqual([32, 32, 32, 32, 32]);
    const positives = [0, 1, 2, 3, 4].map((f) => Array.from(folds).filter((x, i) => x === f && classes[i] === 1).length);
    expect(positives).toEqual([8, 8, 8, 8, 8]);
  });

  test('grouped folds count only the groups outside the test part, so no fold is left empty', () => {
    // 4 groups of 5 rows; the split puts one whole group in test.
    const groups = Int32Array.from({ length: 20 }, (_, i) => Math.floor(i / 5));
    const parts = assignParts(spec('grouped', 1, [0.5, 0.25, 0.25]), { rowCount: 20, groups });
    expect(() => assignFolds(4, { rowCount: 20, groups }, 1, 'grouped', parts)).toThrow('3 groups outside the test part, too few for 4 folds');
    const folds = assignFolds(3, { rowCount: 20, groups }, 1, 'grouped', parts);
    expect([0, 1, 2].map((f) => folds.filter((x) => x === f).length)).toEqual([5, 5, 5]);
    parts.forEach((p, i) => expect(folds[i] === NO_FOLD).toBe(p === 2));
  });

  test('ordered folds are k + 1 blocks in key order, cut as TimeSeriesSplit(n_splits=k)', () => {
    // Keys run backwards, with one missing (first in order: the earliest); the test part is the latest rows.
    const order = Float64Array.from({ length: 13 }, (_, i) => (i === 5 ? Number.NaN : 100 - i));
    const parts = assignParts(spec('ordered', 1, [0.7, 0.1, 0.2]), { rowCount: 13, order });
    const folds = assignFolds(3, { rowCount: 13, order }, 1, 'ordered', parts);
    const inTimeOrder = Array.from({ length: 13 }, (_, i) => i).sort((a, b) => (order[a]! !== order[a]! ? -1 : order[b]! !== order[b]! ? 1 : order[a]! - order[b]!));
    // 3 test rows (the latest three) get no fold; 10 rows: 2 per block, the first block 4, the missing key in it.
    expect(inTimeOrder.map((r) => folds[r])).toEqual([0, 0, 0, 0, 1, 1, 2, 2, 3, 3, NO_FOLD, NO_FOLD, NO_FOLD]);
    expect(() => assignFolds(12, { rowCount: 13, order }, 1, 'ordered', parts)).toThrow('10 rows, too few for 12 folds in time order');
  });
});
