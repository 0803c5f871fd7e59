import * as v from 'valibot';
import { isValid } from '../../shared/column';
import { requireNumeric, withColumns } from '../frame';
import { copyValid } from '../fill';
import { moments, presentNumbers, quantiles } from '../stats';
import { StepProblem } from '../step-problem';
import { defineStep } from '../step';
import { columnName, wholeNumber } from './params';

const short = (x: number) => String(Number(x.toPrecision(4)));

export const bin = defineStep({
  kind: 'bin',
  title: 'Bin into ranges',
  explain: 'Turns a number into a range label such as [18, 30), by equal widths or equal counts (quantiles), when the exact value matters less than its band.',
  removesRows: false,
  params: v.object({ column: columnName, bins: wholeNumber(2, 100, 'Bins: enter a whole number from 2 to 100.'), strategy: v.picklist(['width', 'quantile']) }),
  columnsOf: (p) => [p.column],
  describe: (p) => `Bin "${p.column}" into ${p.bins} ${p.strategy === 'width' ? 'equal-width' : 'equal-count'} ranges`,
  fit: (p, train) => {
    const values = presentNumbers(requireNumeric(train, p.column), train.table.rowCount);
    const { min, max, count } = moments(values);
    if (count === 0 || min === max) throw new StepProblem(`Column "${p.column}" ${count === 0 ? 'has no values' : 'has one value'} in the training rows: there is nothing to bin.`);
    const qs = Array.from({ length: p.bins + 1 }, (_, i) => i / p.bins);
    const raw = p.strategy === 'width' ? qs.map((q) => min + q * (max - min)) : quantiles(values, qs);
    // Quantile edges repeat when a value is very common; a bin with no width holds nothing.
    const edges = raw.filter((e, i) => i === 0 || e > raw[i - 1]!);
    return { edges };
  },
  transform: (p, learned, frame) => {
    const n = frame.table.rowCount;
    const column = requireNumeric(frame, p.column);
    const { edges } = learned;
    const last = edges.length - 2;
    const dictionary = edges.slice(0, -1).map((lo, k) => (k === last ? `[${short(lo)}, ${short(edges[k + 1]!)}]` : `[${short(lo)}, ${short(edges[k + 1]!)})`));
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
