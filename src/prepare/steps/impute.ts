import * as v from 'valibot';
import type { Column } from '../../shared/column';
import { findColumn, requireColumn, withColumns } from '../frame';
import { fillMissing, missingIndicator, type FillValue } from '../fill';
import { mostFrequentNumber, moments, presentNumbers, quantiles } from '../stats';
import { StepProblem } from '../step-problem';
import { defineStep } from '../step';
import { labelsByFrequency } from './encode-labels';
import { columnList, listNames } from './params';

const STRATEGIES = ['mean', 'median', 'most-frequent', 'constant'] as const;
type Strategy = (typeof STRATEGIES)[number];

/** The value a strategy fills a column with, learned from the training rows. */
export function learnFill(column: Column, n: number, strategy: Strategy, constant = ''): FillValue {
  const name = column.name;
  const numeric = column.kind === 'numeric' || column.kind === 'datetime';
  if (strategy === 'constant') {
    const value = constant.trim();
    if (value === '') throw new StepProblem('Write the constant to fill with.');
    if (numeric && !Number.isFinite(Number(value))) throw new StepProblem(`Column "${name}" holds numbers: the constant must be a number, not "${value}".`);
    return numeric ? Number(value) : value;
  }
  const what = strategy.replace('-', ' ');
  if (numeric) {
    const values = presentNumbers(column, n);
    if (values.length === 0) throw new StepProblem(`Column "${name}" has no values in the training rows, so there is no ${what} to fill with. Drop the column instead.`);
    return strategy === 'mean' ? moments(values).mean : strategy === 'median' ? quantiles(values, [0.5])[0]! : mostFrequentNumber(values);
  }
  if (strategy !== 'most-frequent') throw new StepProblem(`Column "${name}" holds labels, which have no ${what}: use the most frequent value or a constant.`);
  // Ties go to the smallest label, as SimpleImputer does; never by code (see labelsByFrequency).
  const [best] = labelsByFrequency(column, n);
  if (!best) throw new StepProblem(`Column "${name}" has no values in the training rows, so there is no most frequent value. Drop the column instead.`);
  return best.label;
}

export const impute = defineStep({
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
  fit: (p, train) => {
    const n = train.table.rowCount;
    // An array aligned with p.columns, not a record: a column may be named __proto__.
    const fills: FillValue[] = [];
    for (const name of p.columns) {
      const column = requireColumn(train, name);
      if (p.indicator && findColumn(train, `${name} was missing`)) throw new StepProblem(`There is already a column "${name} was missing".`);
      fills.push(learnFill(column, n, p.strategy, p.constant));
    }
    return { fills };
  },
  transform: (p, learned, frame) => {
    const n = frame.table.rowCount;
    const replaced = p.columns.map((name, i) => fillMissing(requireColumn(frame, name), n, learned.fills[i]!));
    const indicators = p.indicator ? p.columns.map((name) => missingIndicator(requireColumn(frame, name), n, `${name} was missing`)) : [];
    return withColumns(frame, replaced, indicators);
  },
});
