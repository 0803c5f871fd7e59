import * as v from 'valibot';
import type { Column } from '../../shared/column';
import { allValid } from '../frame';
import { columnView, findView, materializeColumn, requireView, viewAllPresent, withViews, type ColumnView } from '../frame-view';
import { fillMissing, missingIndicator, type FillValue } from '../fill';
import { mostFrequentNumber } from '../stats';
import { numberHint, readDecimal } from '../condition';
import { booleanBit } from '../../data/booleans';
import { notBoolean, StepProblem } from '../step-problem';
import { defineViewStep } from '../step';
import { viewMeanStd, viewPresentNumbers, viewQuantiles } from '../view-numbers';
import { viewLabelsByFrequency } from './encode-labels';
import { columnList, listNames } from './params';

/** The column a fill's "was missing" indicator makes beside `column`. */
export const missingIndicatorName = (column: string) => `${column} was missing`;

const STRATEGIES = ['mean', 'median', 'most-frequent', 'constant'] as const;
type Strategy = (typeof STRATEGIES)[number];

/** The value a strategy fills a column with, learned from the n training rows read through a view. */
export function learnFillView(view: ColumnView, n: number, strategy: Strategy, constant: string): FillValue {
  const column = view.column;
  const name = column.name;
  const numeric = column.kind === 'numeric' || column.kind === 'datetime';
  if (strategy === 'constant') {
    const value = constant.trim();
    if (value === '') throw new StepProblem('Write the constant to fill with.');
    const number = readDecimal(value);
    if (numeric && !Number.isFinite(number)) throw new StepProblem(`Column "${name}" holds numbers: the constant must be a number, not "${value}".${numberHint(value)}`);
    // Checked here, not only where a gap is filled: training may have none, and validation some.
    if (column.kind === 'boolean' && booleanBit(value) < 0) throw new StepProblem(notBoolean(column, 'fill it with', value));
    return numeric ? number : value;
  }
  const what = strategy.replace('-', ' ');
  if (numeric) {
    const none = () => new StepProblem(`Column "${name}" has no values in the training rows, so there is no ${what} to fill with. Drop the column instead.`);
    if (strategy === 'median') {
      const { count, values } = viewQuantiles(view, n, [0.5]);
      if (count === 0) throw none();
      return values[0]!;
    }
    if (strategy === 'mean') {
      const { count, mean } = viewMeanStd(view, n);
      if (count === 0) throw none();
      return mean;
    }
    const values = viewPresentNumbers(view, n);
    if (values.length === 0) throw none();
    return mostFrequentNumber(values);
  }
  if (strategy !== 'most-frequent') throw new StepProblem(`Column "${name}" holds labels, which have no ${what}: use the most frequent value or a constant.`);
  // Ties go to the smallest label, as SimpleImputer does; never by code (see labelsByFrequency).
  const [best] = viewLabelsByFrequency(view, n);
  if (!best) throw new StepProblem(`Column "${name}" has no values in the training rows, so there is no most frequent value. Drop the column instead.`);
  return best.label;
}

export const impute = defineViewStep({
  kind: 'impute',
  title: 'Fill missing values',
  explain: 'Replaces missing values with the mean, median or most frequent value of the training rows, or a constant, so no row is lost.',
  removesRows: false,
  params: v.object({
    columns: columnList,
    strategy: v.picklist(STRATEGIES),
    constant: v.fallback(v.string(), ''),
    indicator: v.fallback(v.boolean(), false),
  }),
  columnsOf: (p) => p.columns,
  describe: (p) => `Fill missing ${listNames(p.columns)} with the ${p.strategy === 'constant' ? `constant "${p.constant}"` : p.strategy.replace('-', ' ')}`,
  learnedLines: (p, learned: { fills: FillValue[] }, show) =>
    p.columns.map((column, i) => ({ column, learned: `fills with ${show(column, learned.fills[i]!)}${p.strategy === 'constant' ? ' (the constant)' : `, the training rows’ ${p.strategy.replace('-', ' ')} value`}` })),
  fit: (p, train) => {
    const n = train.rowCount;
    // An array aligned with p.columns, not a record: a column may be named __proto__.
    const fills: FillValue[] = [];
    for (const name of p.columns) {
      const column = requireView(train, name);
      if (p.indicator && findView(train, missingIndicatorName(name))) throw new StepProblem(`There is already a column "${missingIndicatorName(name)}".`);
      fills.push(learnFillView(column, n, p.strategy, p.constant));
    }
    return { fills };
  },
  // Without an indicator, each column is filled on its own.
  columnwise: {
    columns: (p) => (p.indicator ? null : p.columns),
    column: requireView,
    fitColumn: (p, view, n): FillValue => learnFillView(view, n, p.strategy, p.constant),
    learned: (_p, fills: FillValue[]) => ({ fills }),
    part: (learned, k): FillValue => learned.fills[k]!,
    transformColumn: (_p, fill: FillValue, view, n) => (viewAllPresent(view, n) ? view : columnView(fillMissing(materializeColumn(view, n), n, fill), n)),
    finish: (_p, frame, columns) => withViews(frame, columns),
  },
  transform: (p, learned, frame) => {
    const n = frame.rowCount;
    const replaced: ColumnView[] = [];
    // Per column, the column as it was when something is missing; null when nothing is.
    const gaps: (Column | null)[] = [];
    p.columns.forEach((name, i) => {
      const view = requireView(frame, name);
      // Nothing missing: passed on as it is, row list and all, so nothing is copied.
      if (viewAllPresent(view, n)) {
        replaced.push(view);
        gaps.push(null);
        return;
      }
      const column = materializeColumn(view, n);
      replaced.push(columnView(fillMissing(column, n, learned.fills[i]!), n));
      gaps.push(column);
    });
    const indicators = p.indicator
      ? p.columns.map((name, i): ColumnView => {
          const column = gaps[i];
          const indicator: Column = column ? missingIndicator(column, n, missingIndicatorName(name)) : { name: missingIndicatorName(name), kind: 'boolean', values: new Uint8Array(n), valid: allValid(n) };
          return columnView(indicator, n);
        })
      : [];
    return withViews(frame, replaced, indicators);
  },
});
