import { describe, expect, test } from 'vitest';
import { columnFromStrings } from '../../../src/data/column-builder';
import { MISSING_GROUP, OTHER_GROUP, SCATTER_MAX_GROUPS, sampleRows, scatterSample } from '../../../src/data/scatter-sample';
import type { Column, ColumnKind, Table } from '../../../src/shared/column';

const col = (name: string, kind: ColumnKind, cells: string[]): Column => columnFromStrings(name, kind, cells, { decimalComma: false });
const table = (...columns: Column[]): Table => ({ rowCount: columns[0]!.values.length, columns });
const range = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));

describe('sampleRows', () => {
  test('keeps every row with both values when there are few, in row order', () => {
    const x = col('x', 'numeric', ['1', '', '3', '4']);
    const y = col('y', 'numeric', ['1', '2', '', '4']);
    expect(sampleRows(x, y, 4, 10, 's')).toEqual({ rows: [0, 3], candidates: 2 });
  });

  test('a seeded sample: the same seed gives the same rows, another seed other rows, spread over the whole range', () => {
    const n = 20_000;
    const x = col('x', 'numeric', range(n, (i) => String(i)));
    const a = sampleRows(x, x, n, 500, 'one');
    expect(a.candidates).toBe(n);
    expect(a.rows).toHaveLength(500);
    expect(new Set(a.rows).size).toBe(500);
    expect(a.rows).toEqual([...a.rows].sort((p, q) => p - q));
    expect(sampleRows(x, x, n, 500, 'one').rows).toEqual(a.rows);
    expect(sampleRows(x, x, n, 500, 'two').rows).not.toEqual(a.rows);
    // Uniform, not the first 500: about half the sample lies in the second half of the rows.
    const late = a.rows.filter((r) => r >= n / 2).length;
    expect(late).toBeGreaterThan(200);
    expect(late).toBeLessThan(300);
  });
});

describe('scatterSample', () => {
  test('numeric axes, one colour group per class of the target, groups index the points', () => {
    const t = table(
      col('a', 'numeric', ['1', '2', '3', '4']),
      col('b', 'numeric', ['10', '20', '30', '40']),
      col('species', 'categorical', ['x', 'y', 'x', '']),
    );
    const result = scatterSample(t, 'a', 'b', 'species');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const s = result.sample;
    expect(s.x).toEqual([1, 2, 3, 4]);
    expect(s.y).toEqual([10, 20, 30, 40]);
    expect(s.colour).toEqual({
      kind: 'groups',
      column: 'species',
      groups: [
        { label: 'x', rows: [0, 2] },
        { label: 'y', rows: [1] },
        { label: MISSING_GROUP, rows: [3] },
      ],
    });
  });

  test('a numeric target colours on a scale; label axes carry text', () => {
    const t = table(col('c', 'categorical', ['p', 'q']), col('d', 'datetime', ['2024-01-02', '2024-01-03']), col('price', 'numeric', ['5', '']));
    const result = scatterSample(t, 'c', 'd', 'price');
    if (!result.ok) throw new Error(result.problem);
    expect(result.sample).toMatchObject({ x: ['p', 'q'], y: ['2024-01-02', '2024-01-03'], xIsLabel: true, yIsLabel: false });
    expect(result.sample.colour).toEqual({ kind: 'scale', column: 'price', values: [5, null] });
  });

  test('rare labels share one "other" group so the legend stays readable', () => {
    const labels = range(30, (i) => `L${i % 15}`);
    const t = table(col('x', 'numeric', range(30, String)), col('label', 'categorical', labels));
    const result = scatterSample(t, 'x', 'x', 'label');
    if (!result.ok || result.sample.colour?.kind !== 'groups') throw new Error('expected groups');
    const groups = result.sample.colour.groups;
    expect(groups).toHaveLength(SCATTER_MAX_GROUPS);
    expect(groups.at(-1)!.label).toBe(OTHER_GROUP);
    expect(groups.reduce((sum, g) => sum + g.rows.length, 0)).toBe(30);
  });

  test('an unknown column or no complete row is a problem, not an empty chart', () => {
    const t = table(col('a', 'numeric', ['1', '']), col('b', 'numeric', ['', '2']));
    expect(scatterSample(t, 'a', 'nope', null)).toEqual({ ok: false, problem: 'There is no column named "nope" in this dataset.' });
    const none = scatterSample(t, 'a', 'b', null);
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.problem).toMatch(/No row has both "a" and "b"/);
  });
});
