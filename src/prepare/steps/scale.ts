import * as v from 'valibot';
import { columnView, materializeColumn, requireNumericView, withViews } from '../frame-view';
import { StepProblem } from '../step-problem';
import { defineColumnwiseStep } from '../step';
import { viewMeanStd, viewMoments, viewQuantiles } from '../view-numbers';
import { columnList, listNames } from './params';

const METHODS = { standard: 'standard', minmax: 'min-max', robust: 'robust' } as const;

interface Part {
  center: number;
  spread: number;
}

export const scale = defineColumnwiseStep({
  kind: 'scale',
  title: 'Scale numbers',
  explain:
    'Puts numeric columns on a common scale, which most models train better on: standard (mean 0, std 1, the std taken over the n training rows, as scikit-learn takes it; the previews’ std is over n − 1, so it reads a little above 1 on few rows), min-max (0 to 1) or robust (median 0, interquartile range 1, little moved by outliers). Learned from the training rows only.',
  removesRows: false,
  params: v.object({ columns: columnList, method: v.picklist(['standard', 'minmax', 'robust']) }),
  columnsOf: (p) => p.columns,
  describe: (p) => `Scale ${listNames(p.columns)} (${METHODS[p.method]})`,
  learnedLines: (p, learned: { params: Part[] }, show) =>
    p.columns.map((column, i) => {
      const { center, spread } = learned.params[i]!;
      const [c, s] = [show(column, center), show(column, spread)];
      const learnedText = p.method === 'standard' ? `mean ${c}, std ${s}` : p.method === 'minmax' ? `min ${c}, max ${show(column, center + spread)}` : `median ${c}, IQR ${s}`;
      return { column, learned: learnedText };
    }),
  columnwise: {
    columns: (p) => p.columns,
    column: requireNumericView,
    fitColumn: (p, view, n): Part => {
      const name = view.column.name;
      let center: number;
      let spread: number;
      const none = () => new StepProblem(`Column "${name}" has no values in the training rows, so it cannot be scaled.`);
      if (p.method === 'robust') {
        const { count, values } = viewQuantiles(view, n, [0.25, 0.5, 0.75]);
        if (count === 0) throw none();
        const [q1, median, q3] = values as [number, number, number];
        [center, spread] = [median, q3 - q1];
      } else if (p.method === 'standard') {
        // No min and max needed: one pass less.
        const m = viewMeanStd(view, n);
        if (m.count === 0) throw none();
        [center, spread] = [m.mean, m.std];
      } else {
        const m = viewMoments(view, n);
        if (m.count === 0) throw none();
        [center, spread] = [m.min, m.max - m.min];
      }
      if (!(spread > 0) || !Number.isFinite(spread)) {
        const why = p.method === 'robust' ? 'its interquartile range is 0' : 'it has the same value in every training row';
        throw new StepProblem(`Column "${name}" cannot be scaled: ${why}. Drop it, or leave it out of this step.`);
      }
      return { center, spread };
    },
    learned: (_p, params) => ({ params }),
    part: (learned, k) => learned.params[k]!,
    transformColumn: (_p, { center, spread }, view, n) => {
      // Recorded, not applied: whoever reads the column computes (x − center) × (1 / spread), as
      // a copy would have held it. A column scaled twice is gathered once in between.
      const base = view.affine ? columnView(materializeColumn(view, n), n) : view;
      return { ...base, affine: { center, scale: 1 / spread } };
    },
    finish: (_p, frame, columns) => withViews(frame, columns),
  },
});
