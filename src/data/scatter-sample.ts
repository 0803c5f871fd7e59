/**
 * The points of a scatter plot of two columns, coloured by a third (usually the target).
 * Over large data a seeded random sample is drawn, so a million rows plot as fast as a few
 * thousand and the same dataset always shows the same points.
 */
import seedrandom from 'seedrandom';
import { isValid, type Column, type Table } from '../shared/column';
import { formatCell } from './format-cell';

/** Most points drawn; SVG scatter stays responsive up to about this many. */
export const SCATTER_MAX_POINTS = 4000;
/** Colour groups shown by name; rarer labels share one "other" group. */
export const SCATTER_MAX_GROUPS = 10;
export const OTHER_GROUP = '(other)';
export const MISSING_GROUP = '(missing)';

export type AxisValue = number | string;

export type ScatterColour =
  | { kind: 'groups'; column: string; groups: { label: string; rows: number[] }[] }
  | { kind: 'scale'; column: string; values: (number | null)[] };

export interface ScatterSample {
  x: AxisValue[];
  y: AxisValue[];
  /** whether each axis shows labels (categorical, boolean, text) rather than numbers or dates */
  xIsLabel: boolean;
  yIsLabel: boolean;
  colour: ScatterColour | null;
  /** rows with both x and y present */
  candidates: number;
}

export type ScatterResult = { ok: true; sample: ScatterSample } | { ok: false; problem: string };

function isLabelKind(column: Column): boolean {
  return column.kind !== 'numeric' && column.kind !== 'datetime';
}

function axisValue(column: Column, row: number): AxisValue {
  return column.kind === 'numeric' ? column.values[row]! : formatCell(column, row);
}

/**
 * Rows with both x and y present, or a seeded uniform sample of `max` of them (reservoir
 * sampling, Algorithm R), returned in row order.
 */
export function sampleRows(x: Column, y: Column, rowCount: number, max: number, seed: string): { rows: number[]; candidates: number } {
  const random = seedrandom.alea(seed);
  const rows: number[] = [];
  let candidates = 0;
  for (let row = 0; row < rowCount; row++) {
    if (!isValid(x.valid, row) || !isValid(y.valid, row)) continue;
    candidates++;
    if (rows.length < max) rows.push(row);
    else {
      const slot = Math.floor(random() * candidates);
      if (slot < max) rows[slot] = row;
    }
  }
  return { rows: rows.sort((a, b) => a - b), candidates };
}

function colourOf(column: Column, rows: readonly number[]): ScatterColour {
  if (column.kind === 'numeric') {
    return { kind: 'scale', column: column.name, values: rows.map((r) => (isValid(column.valid, r) ? column.values[r]! : null)) };
  }
  const labelOf = (r: number) => (isValid(column.valid, r) ? formatCell(column, r) : MISSING_GROUP);
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(labelOf(r), (counts.get(labelOf(r)) ?? 0) + 1);
  const named = new Set(
    [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, counts.size > SCATTER_MAX_GROUPS ? SCATTER_MAX_GROUPS - 1 : SCATTER_MAX_GROUPS)
      .map(([label]) => label),
  );
  const groups = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const label = labelOf(r);
    const group = named.has(label) ? label : OTHER_GROUP;
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group)!.push(i);
  });
  // Named groups in label order, so colours stay put when the sample changes; other and missing last.
  const order = (label: string) => (label === OTHER_GROUP ? 2 : label === MISSING_GROUP ? 1 : 0);
  const sorted = [...groups.entries()].sort((a, b) => order(a[0]) - order(b[0]) || a[0].localeCompare(b[0], 'en', { numeric: true }));
  return { kind: 'groups', column: column.name, groups: sorted.map(([label, indices]) => ({ label, rows: indices })) };
}

/**
 * Example: scatterSample(table, 'bill_length_mm', 'flipper_length_mm', 'species') → up to
 * 4,000 points, one colour group per species; `groups[k].rows` index into x and y.
 */
export function scatterSample(table: Table, xName: string, yName: string, colourName: string | null, max = SCATTER_MAX_POINTS, seed = 'scatter'): ScatterResult {
  const find = (name: string) => table.columns.find((c) => c.name === name);
  const x = find(xName);
  const y = find(yName);
  if (!x || !y) return { ok: false, problem: `There is no column named "${x ? yName : xName}" in this dataset.` };
  const colour = colourName ? find(colourName) : undefined;
  const { rows, candidates } = sampleRows(x, y, table.rowCount, max, seed);
  if (candidates === 0) return { ok: false, problem: `No row has both "${xName}" and "${yName}" present, so there is nothing to plot.` };
  return {
    ok: true,
    sample: {
      x: rows.map((r) => axisValue(x, r)),
      y: rows.map((r) => axisValue(y, r)),
      xIsLabel: isLabelKind(x),
      yIsLabel: isLabelKind(y),
      colour: colour ? colourOf(colour, rows) : null,
      candidates,
    },
  };
}
