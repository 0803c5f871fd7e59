import * as v from 'valibot';
import { isValid, type Column } from '../../shared/column';
import { dropOrFlag, requireNumeric, withColumns } from '../frame';
import { moments, presentNumbers, quantiles } from '../stats';
import { StepProblem } from '../step-problem';
import { defineStep } from '../step';
import { columnList, listNames } from './params';

/** The column with values outside [lo, hi] moved to the nearest bound; `outside` gets 1 per such row. */
function clipColumn(column: Column, n: number, lo: number, hi: number, outside: Uint8Array): Column {
  const values = column.values.slice(0, n) as Float64Array;
  for (let i = 0; i < n; i++) {
    if (!isValid(column.valid, i)) continue;
    const x = values[i]!;
    if (x < lo) values[i] = lo;
    else if (x > hi) values[i] = hi;
    else continue;
    outside[i] = 1;
  }
  return { ...column, values };
}

export const outliers = defineStep({
  kind: 'outliers',
  title: 'Remove or clip outliers',
  explain:
    'Finds values far from the rest: beyond 1.5 interquartile ranges outside the quartiles (IQR rule), or more than 3 standard deviations from the mean (z-score rule). Training rows with them are removed, or the values clipped to the bounds; rows to predict are clipped and flagged, never dropped.',
  removesRows: true,
  params: v.object({
    columns: columnList,
    rule: v.picklist(['iqr', 'zscore']),
    factor: v.fallback(v.pipe(v.number(), v.finite(), v.minValue(0)), 0),
    action: v.picklist(['remove', 'clip']),
  }),
  columnsOf: (p) => p.columns,
  describe: (p) => `${p.action === 'remove' ? 'Remove' : 'Clip'} outliers in ${listNames(p.columns)} (${p.rule === 'iqr' ? 'IQR' : 'z-score'} rule)`,
  fit: (p, train) => {
    const factor = p.factor || (p.rule === 'iqr' ? 1.5 : 3);
    const bounds = p.columns.map((name) => {
      const values = presentNumbers(requireNumeric(train, name), train.table.rowCount);
      if (values.length === 0) throw new StepProblem(`Column "${name}" has no values in the training rows, so it has no outliers to find.`);
      if (p.rule === 'iqr') {
        const [q1, q3] = quantiles(values, [0.25, 0.75]) as [number, number];
        return [q1 - factor * (q3 - q1), q3 + factor * (q3 - q1)] as [number, number];
      }
      const { mean, std } = moments(values);
      return [mean - factor * std, mean + factor * std] as [number, number];
    });
    return { bounds };
  },
  transform: (p, learned, frame, mode) => {
    const n = frame.table.rowCount;
    const outside = new Uint8Array(n);
    if (p.action === 'remove' && mode === 'train') {
      // Only the rows to drop are needed: no column is copied.
      p.columns.forEach((name, k) => {
        const column = requireNumeric(frame, name);
        const [lo, hi] = learned.bounds[k]!;
        const values = column.values;
        for (let i = 0; i < n; i++) {
          const x = values[i]!;
          if ((x < lo || x > hi) && isValid(column.valid, i)) outside[i] = 1;
        }
      });
      return dropOrFlag(frame, outside, 'train');
    }
    const clipped = p.columns.map((name, i) => clipColumn(requireNumeric(frame, name), n, learned.bounds[i]![0], learned.bounds[i]![1], outside));
    const withClipped = withColumns(frame, clipped);
    return p.action === 'remove' ? dropOrFlag(withClipped, outside, 'apply') : withClipped;
  },
});
