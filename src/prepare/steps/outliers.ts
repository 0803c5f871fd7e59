import * as v from 'valibot';
import { isValid, type Column } from '../../shared/column';
import { columnView, dropOrFlagView, materializeColumn, requireNumericView, viewAllPresent, withViews, type ColumnView } from '../frame-view';
import { allValid } from '../frame';
import { StepProblem } from '../step-problem';
import { defineColumnwiseStep } from '../step';
import { viewMeanStd, viewQuantiles } from '../view-numbers';
import { columnList, listNames } from './params';

/** The column with values outside [lo, hi] moved to the nearest bound; `outside` gets 1 per such row. */
function clipColumn(view: ColumnView, n: number, lo: number, hi: number, outside: Uint8Array): Column {
  // Math.max(-0, 0) is 0 where clipping keeps -0: a bound of 0 takes the general path.
  if (lo !== 0 && hi !== 0 && viewAllPresent(view, n)) return clipComplete(view, n, lo, hi, outside);
  const base = materializeColumn(view, n);
  // A gathered column is this step's own to clip; the column itself is copied first.
  const values = (base === view.column ? base.values.slice(0, n) : base.values) as Float64Array;
  const complete = viewAllPresent(view, n);
  for (let i = 0; i < n; i++) {
    if (!complete && !isValid(base.valid, i)) continue;
    const x = values[i]!;
    if (x < lo) values[i] = lo;
    else if (x > hi) values[i] = hi;
    else continue;
    outside[i] = 1;
  }
  return { ...base, values };
}

/**
 * clipColumn of a column with every row present and bounds other than 0: gathered, mapped and
 * clipped in one pass, by Math.min and Math.max (the comparisons they replace ran at half
 * their speed, in Node, and the gather and the clip were two passes).
 */
function clipComplete(view: ColumnView, n: number, lo: number, hi: number, outside: Uint8Array): Column {
  const { column, rows, affine } = view;
  const src = column.values as Float64Array;
  const [center, scale] = affine ? [affine.center, affine.scale] : [0, 1];
  const values = new Float64Array(n);
  if (rows === null) {
    for (let r = 0; r < n; r++) {
      const x = (src[r]! - center) * scale;
      values[r] = Math.min(Math.max(x, lo), hi);
      outside[r]! |= +(x < lo) | +(x > hi);
    }
  } else {
    for (let r = 0; r < n; r++) {
      const x = (src[rows[r]!]! - center) * scale;
      values[r] = Math.min(Math.max(x, lo), hi);
      outside[r]! |= +(x < lo) | +(x > hi);
    }
  }
  return { ...column, values, valid: allValid(n) };
}

/** 1 in `outside` for each present value outside [lo, hi]; nothing is copied. */
function markOutside(view: ColumnView, n: number, lo: number, hi: number, outside: Uint8Array): void {
  const { column, rows, affine } = view;
  const values = column.values as Float64Array;
  const [center, scale] = affine ? [affine.center, affine.scale] : [0, 1];
  if (viewAllPresent(view, n)) {
    // Branch-free: a branch on random data is mispredicted often, several times slower.
    if (rows === null) {
      for (let r = 0; r < n; r++) {
        const x = (values[r]! - center) * scale;
        outside[r]! |= +(x < lo) | +(x > hi);
      }
    } else {
      for (let r = 0; r < n; r++) {
        const x = (values[rows[r]!]! - center) * scale;
        outside[r]! |= +(x < lo) | +(x > hi);
      }
    }
    return;
  }
  for (let r = 0; r < n; r++) {
    const i = rows === null ? r : rows[r]!;
    const x = (values[i]! - center) * scale;
    if ((x < lo || x > hi) && isValid(column.valid, i)) outside[r] = 1;
  }
}

/** A cleared factor (null) is refused; a recipe without one gets 0, the rule's usual factor. */
const FACTOR = 'Factor: enter a number, 0 or more (0: the rule’s usual one).';

export const outliers = defineColumnwiseStep({
  kind: 'outliers',
  title: 'Remove or clip outliers',
  explain:
    'Finds values far from the rest: beyond 1.5 interquartile ranges outside the quartiles (IQR rule), or more than 3 standard deviations from the mean (z-score rule; the standard deviation over the n training rows, as scikit-learn’s, a little under the profile’s, which is over n − 1). Training rows with them are removed, or the values clipped to the bounds; rows to predict are clipped and flagged, never dropped.',
  removesRows: true,
  params: v.object({
    columns: columnList,
    rule: v.picklist(['iqr', 'zscore']),
    factor: v.optional(v.pipe(v.number(FACTOR), v.finite(FACTOR), v.minValue(0, FACTOR)), 0),
    action: v.picklist(['remove', 'clip']),
  }),
  columnsOf: (p) => p.columns,
  describe: (p) => `${p.action === 'remove' ? 'Remove' : 'Clip'} outliers in ${listNames(p.columns)} (${p.rule === 'iqr' ? 'IQR' : 'z-score'} rule)`,
  learnedLines: (p, learned: { bounds: [number, number][] }, show) =>
    p.columns.map((column, i) => {
      const [lo, hi] = learned.bounds[i]!.map((b) => show(column, b));
      return { column, learned: `bounds ${lo} and ${hi}: ${p.action === 'remove' ? 'training rows outside them are removed, rows to predict clipped and flagged' : 'values outside them are clipped to them'}` };
    }),
  columnwise: {
    columns: (p) => p.columns,
    column: requireNumericView,
    fitColumn: (p, view, n): [number, number] => {
      const factor = p.factor || (p.rule === 'iqr' ? 1.5 : 3);
      const none = () => new StepProblem(`Column "${view.column.name}" has no values in the training rows, so it has no outliers to find.`);
      if (p.rule === 'iqr') {
        const { count, values } = viewQuantiles(view, n, [0.25, 0.75]);
        if (count === 0) throw none();
        const [q1, q3] = values as [number, number];
        return [q1 - factor * (q3 - q1), q3 + factor * (q3 - q1)];
      }
      const { count, mean, std } = viewMeanStd(view, n);
      if (count === 0) throw none();
      return [mean - factor * std, mean + factor * std];
    },
    learned: (_p, bounds) => ({ bounds }),
    part: (learned, k) => learned.bounds[k]!,
    transformColumn: (p, [lo, hi], view, n, mode, outside) => {
      if (p.action === 'remove' && mode === 'train') {
        // Only the rows to drop are needed: no column is copied.
        markOutside(view, n, lo, hi, outside);
        return view;
      }
      return columnView(clipColumn(view, n, lo, hi, outside), n);
    },
    finish: (p, frame, columns, outside, mode) => {
      const replaced = withViews(frame, columns);
      return p.action === 'remove' ? dropOrFlagView(replaced, outside, mode) : replaced;
    },
  },
});
