import * as v from 'valibot';
import { isValid } from '../../shared/column';
import { requireNumeric, withColumns } from '../frame';
import { copyValid } from '../fill';
import { moments, presentNumbers, quantiles } from '../stats';
import { StepProblem } from '../step-problem';
import { defineStep } from '../step';
import { columnName, wholeNumber } from './params';

/**
 * The edges as text with the fewest significant digits, 4 or more, that keep every edge
 * distinct: 1000.01 and 1000.03 both read 1000 at 4 digits, and bins with one label would be
 * merged by one-hot and ordinal encoding. Edges are strictly increasing, so 17 digits always do.
 */
export function edgeLabels(edges: readonly number[]): string[] {
  for (let digits = 4; digits <= 17; digits++) {
    const labels = edges.map((x) => String(Number(x.toPrecision(digits))));
    if (new Set(labels).size === labels.length) return labels;
  }
  return edges.map(String);
}

/**
 * The inner edges moved onto the numbers their labels print, so that no label contradicts a value
 * in its range. An equal-count edge is often a value of the data itself: 0.0412768… printed as
 * 0.04128 would label "≥ 0.04128" a range holding 0.0412768, and put 2125 in "< 2125" when the
 * edge was 2125.17. Each edge gets the fewest significant digits, 4 or more, that keep every
 * training value on its side of it (and the edges distinct), then becomes that number: the
 * training rows fall in the bins they fell in, and any other value in the bin its label says.
 */
export function printedEdges(edges: readonly number[], values: Float64Array): number[] {
  const inner = edges.length - 2;
  // Per inner edge, the nearest training values below it and at or above it.
  const below = new Float64Array(inner).fill(Number.NEGATIVE_INFINITY);
  const atOrAbove = new Float64Array(inner).fill(Number.POSITIVE_INFINITY);
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    let [lo, hi] = [0, inner];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (x >= edges[mid + 1]!) lo = mid + 1;
      else hi = mid;
    }
    // x is at or above the edges before `lo`, below those from it.
    if (lo > 0 && x < atOrAbove[lo - 1]!) atOrAbove[lo - 1] = x;
    if (lo < inner && x > below[lo]!) below[lo] = x;
  }
  const printed = [edges[0]!];
  for (let k = 0; k < inner; k++) {
    const e = edges[k + 1]!;
    let p = e;
    for (let digits = 4; digits <= 17; digits++) {
      const candidate = Number(e.toPrecision(digits));
      // Between the edges on either side too, so the edges stay in order whatever digits they get.
      if (candidate > below[k]! && candidate <= atOrAbove[k]! && candidate > printed[k]! && candidate < edges[k + 2]!) {
        p = candidate;
        break;
      }
    }
    printed.push(p);
  }
  printed.push(edges.at(-1)!);
  return printed;
}

/**
 * Each bin's label. Values beyond the training rows' range go to the end bins, so with
 * `openEnds` those say so: "< 10", "[10, 20)", …, "≥ 90" ("any value" when there is one bin).
 * Without it, as pipelines fitted before it was recorded: "[0, 10)", …, "[90, 100]", which the
 * steps fitted after them learned. `printed`: the inner edges are the numbers their labels show
 * (printedEdges), written as they are; fitted before, they were rounded (edgeLabels).
 */
export function binLabels(edges: readonly number[], openEnds: boolean, printed = false): string[] {
  const text = printed && openEnds ? edges.map(String) : edgeLabels(edges);
  const last = edges.length - 2;
  if (!openEnds) return edges.slice(0, -1).map((_, k) => `[${text[k]}, ${text[k + 1]}${k === last ? ']' : ')'}`);
  if (last === 0) return ['any value'];
  return edges.slice(0, -1).map((_, k) => (k === 0 ? `< ${text[1]}` : k === last ? `≥ ${text[k]}` : `[${text[k]}, ${text[k + 1]})`));
}

export const bin = defineStep({
  kind: 'bin',
  title: 'Bin into ranges',
  explain:
    'Turns a number into a range label such as [18, 30), by equal widths or equal counts (quantiles), when the exact value matters less than its band. The lowest and highest ranges are open-ended (< 18, ≥ 65), so a value beyond the training rows’ range still falls in one.',
  removesRows: false,
  params: v.object({ column: columnName, bins: wholeNumber(2, 100, 'Bins: enter a whole number from 2 to 100.'), strategy: v.picklist(['width', 'quantile']) }),
  columnsOf: (p) => [p.column],
  describe: (p) => (p.strategy === 'width' ? `Bin "${p.column}" into ${p.bins} equal-width ranges` : `Bin "${p.column}" into ${p.bins} equal-count ranges (fewer where repeated values share an edge)`),
  learnedLines: (p, learned: { edges: number[]; openEnds?: boolean; printed?: boolean }) => [
    { column: p.column, learned: `ranges ${binLabels(learned.edges, learned.openEnds === true, learned.printed === true).join(', ')}` },
  ],
  // Annotated: left to inference, the learned state would be read from here too, as unknown.
  note: (p, learned: { edges: number[] }) => {
    const made = learned.edges.length - 1;
    return made < p.bins ? `Made ${made} ranges, not ${p.bins}: repeated values share an edge, and ranges with no width are merged.` : null;
  },
  fit: (p, train) => {
    const values = presentNumbers(requireNumeric(train, p.column), train.table.rowCount);
    const { min, max, count } = moments(values);
    if (count === 0 || min === max) throw new StepProblem(`Column "${p.column}" ${count === 0 ? 'has no values' : 'has one value'} in the training rows: there is nothing to bin.`);
    const qs = Array.from({ length: p.bins + 1 }, (_, i) => i / p.bins);
    const raw = p.strategy === 'width' ? qs.map((q) => min + q * (max - min)) : quantiles(values, qs);
    // Quantile edges repeat when a value is very common; a bin with no width holds nothing.
    const distinct = raw.filter((e, i) => i === 0 || e > raw[i - 1]!);
    return { edges: printedEdges(distinct, values), openEnds: true, printed: true };
  },
  // Annotated: learned states stored before openEnds (and printed) were recorded lack them.
  transform: (p, learned: { edges: number[]; openEnds?: boolean; printed?: boolean }, frame) => {
    const n = frame.table.rowCount;
    const column = requireNumeric(frame, p.column);
    const { edges } = learned;
    const last = edges.length - 2;
    const dictionary = binLabels(edges, learned.openEnds === true, learned.printed === true);
    const codes = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      if (!isValid(column.valid, i)) continue;
      const x = column.values[i]!;
      // Binary search for the bin; values beyond the training range go to the end bins.
      let lo = 0;
      let hi = last;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (x >= edges[mid]!) lo = mid;
        else hi = mid - 1;
      }
      codes[i] = lo;
    }
    return withColumns(frame, [{ name: p.column, kind: 'categorical', values: codes, valid: copyValid(column, n), dictionary }]);
  },
});
