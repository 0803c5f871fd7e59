import * as v from 'valibot';
import { allPresent, isValid } from '../../shared/column';
import { requireNumeric, withColumns } from '../frame';
import { moments, presentNumbers, quantiles } from '../stats';
import { StepProblem } from '../step-problem';
import { defineStep } from '../step';
import { columnList, listNames } from './params';

const METHODS = { standard: 'standard', minmax: 'min-max', robust: 'robust' } as const;

export const scale = defineStep({
  kind: 'scale',
  title: 'Scale numbers',
  explain:
    'Puts numeric columns on a common scale, which most models train better on: standard (mean 0, std 1), min-max (0 to 1) or robust (median 0, interquartile range 1, little moved by outliers). Learned from the training rows only.',
  removesRows: false,
  params: v.object({ columns: columnList, method: v.picklist(['standard', 'minmax', 'robust']) }),
  columnsOf: (p) => p.columns,
  describe: (p) => `Scale ${listNames(p.columns)} (${METHODS[p.method]})`,
  fit: (p, train) => {
    const params = p.columns.map((name) => {
      const values = presentNumbers(requireNumeric(train, name), train.table.rowCount);
      if (values.length === 0) throw new StepProblem(`Column "${name}" has no values in the training rows, so it cannot be scaled.`);
      let center: number;
      let spread: number;
      if (p.method === 'robust') {
        const [q1, median, q3] = quantiles(values, [0.25, 0.5, 0.75]) as [number, number, number];
        [center, spread] = [median, q3 - q1];
      } else {
        const m = moments(values);
        [center, spread] = p.method === 'standard' ? [m.mean, m.std] : [m.min, m.max - m.min];
      }
      if (!(spread > 0) || !Number.isFinite(spread)) {
        const why = p.method === 'robust' ? 'its interquartile range is 0' : 'it has the same value in every training row';
        throw new StepProblem(`Column "${name}" cannot be scaled: ${why}. Drop it, or leave it out of this step.`);
      }
      return { center, spread };
    });
    return { params };
  },
  transform: (p, learned, frame) => {
    const n = frame.table.rowCount;
    const scaled = p.columns.map((name, k) => {
      const column = requireNumeric(frame, name);
      const { center, spread } = learned.params[k]!;
      const src = column.values;
      const values = new Float64Array(n);
      const inv = 1 / spread;
      for (let i = 0; i < n; i++) values[i] = (src[i]! - center) * inv;
      // Missing slots hold 0 by contract; keep them at 0.
      if (!allPresent(column.valid, n)) for (let i = 0; i < n; i++) if (!isValid(column.valid, i)) values[i] = 0;
      return { ...column, values };
    });
    return withColumns(frame, scaled);
  },
});
