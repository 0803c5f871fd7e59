/**
 * The scatter's Plotly traces and layout, from a sample (see scatter-sample.ts). Each colour group
 * also gets its own marker shape, so groups stay apart for a reader who cannot tell the colours
 * apart, and in print.
 */
import type { Data, Layout } from 'plotly.js-dist-min';
import type { ScatterSample } from './scatter-sample';

const PALETTE = ['#3b6fd8', '#e4572e', '#29a36a', '#f2a541', '#8e5ac8', '#17becf', '#c9467a', '#7f7f7f', '#9c755f', '#bcbd22'];
/** As many shapes as colours (SCATTER_MAX_GROUPS): no two groups of a sample share either. */
const SYMBOLS = ['circle', 'square', 'diamond', 'triangle-up', 'x', 'cross', 'triangle-down', 'star', 'pentagon', 'hexagram'];

export interface ScatterChart {
  data: Data[];
  layout: Partial<Layout>;
  /** the groups in words, "Adelie (146), Gentoo (119)"; '' when not coloured by groups */
  groups: string;
}

/** The chart of `sample`, its axes titled `x` and `y`. */
export function scatterChart(sample: ScatterSample, x: string, y: string): ScatterChart {
  const s = sample;
  const axis = (title: string, isLabel: boolean) => ({ title: { text: title }, ...(isLabel ? { type: 'category' as const } : {}) });
  const layout: Partial<Layout> = { height: 360, xaxis: axis(x, s.xIsLabel), yaxis: axis(y, s.yIsLabel), legend: { title: { text: s.colour?.column ?? '' } } };
  const base = { type: 'scatter' as const, mode: 'markers' as const };
  if (s.colour?.kind === 'groups') {
    const data: Data[] = s.colour.groups.map((g, i) => ({
      ...base,
      name: g.label,
      x: g.rows.map((r) => s.x[r]!),
      y: g.rows.map((r) => s.y[r]!),
      marker: { size: 6, opacity: 0.7, color: PALETTE[i % PALETTE.length]!, symbol: SYMBOLS[i % SYMBOLS.length]! },
    }));
    return { data, layout, groups: s.colour.groups.map((g) => `${g.label} (${g.rows.length})`).join(', ') };
  }
  const marker =
    s.colour?.kind === 'scale'
      ? { size: 5, opacity: 0.7, color: s.colour.values, colorscale: 'Viridis', showscale: true, colorbar: { title: { text: s.colour.column } } }
      : { size: 5, opacity: 0.7, color: PALETTE[0]! };
  return { data: [{ ...base, x: s.x, y: s.y, marker }] as Data[], layout, groups: '' };
}
