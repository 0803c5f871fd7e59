import { describe, expect, test } from 'vitest';
import { scatterChart } from '../../../src/data/scatter-chart';
import { SCATTER_MAX_GROUPS, type ScatterSample } from '../../../src/data/scatter-sample';

const sample = (groups: number): ScatterSample => ({
  x: Array.from({ length: groups * 2 }, (_, i) => i),
  y: Array.from({ length: groups * 2 }, (_, i) => i * 2),
  xIsLabel: false,
  yIsLabel: false,
  colour: { kind: 'groups', column: 'species', groups: Array.from({ length: groups }, (_, g) => ({ label: `g${g}`, rows: [2 * g, 2 * g + 1] })) },
  candidates: groups * 2,
});
type Marker = { color: string; symbol: string };
const markers = (s: ScatterSample) => scatterChart(s, 'a', 'b').data.map((t) => (t as { marker: Marker }).marker);

describe('the scatter chart', () => {
  test('groups differ in marker shape as well as in colour, up to the most groups a sample has', () => {
    const m = markers(sample(SCATTER_MAX_GROUPS));
    expect(m).toHaveLength(SCATTER_MAX_GROUPS);
    expect(new Set(m.map((k) => k.symbol)).size).toBe(SCATTER_MAX_GROUPS);
    expect(new Set(m.map((k) => k.color)).size).toBe(SCATTER_MAX_GROUPS);
  });

  test('each group trace holds its own rows, and the text alternative names the groups with their counts', () => {
    const chart = scatterChart(sample(2), 'a', 'b');
    expect(chart.data.map((t) => (t as { x: number[] }).x)).toEqual([[0, 1], [2, 3]]);
    expect(chart.groups).toBe('g0 (2), g1 (2)');
  });

  test('without groups, one trace of plain markers', () => {
    const chart = scatterChart({ ...sample(1), colour: null }, 'a', 'b');
    expect(chart.data).toHaveLength(1);
    expect(chart.groups).toBe('');
  });
});
