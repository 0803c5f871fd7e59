import * as v from 'valibot';
import { isValid, type Column } from '../../shared/column';
import { findColumn, type Frame } from '../frame';
import { copyValid } from '../fill';
import { StepProblem } from '../step-problem';
import { defineStep } from '../step';
import { codeToIndex, labelsByFrequency, requireLabels } from './encode-labels';
import { columnName } from './params';

export const OTHER_BUCKET = 'other';

const names = (column: string, categories: readonly string[], other: boolean) => [...categories.map((c) => `${column}=${c}`), ...(other ? [`${column}=${OTHER_BUCKET}`] : [])];

export const oneHot = defineStep({
  kind: 'one-hot',
  title: 'One-hot encode',
  explain: 'Turns a label column into one yes/no column per value, so a model can use it. Rare values beyond the cap share one "other" column; values never seen in training go there too.',
  removesRows: false,
  params: v.object({ column: columnName, maxCategories: v.fallback(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)), 20) }),
  columnsOf: (p) => [p.column],
  describe: (p) => `One-hot encode "${p.column}" (at most ${p.maxCategories} values)`,
  fit: (p, train: Frame) => {
    const labels = labelsByFrequency(requireLabels(train, p.column), train.table.rowCount);
    const categories = labels.slice(0, p.maxCategories).map((l) => l.label);
    const other = labels.length > p.maxCategories;
    for (const name of names(p.column, categories, other)) if (findColumn(train, name)) throw new StepProblem(`There is already a column "${name}".`);
    return { categories, other };
  },
  transform: (p, learned, frame) => {
    const n = frame.table.rowCount;
    const source = requireLabels(frame, p.column);
    const index = codeToIndex(source, learned.categories);
    const width = learned.categories.length + (learned.other ? 1 : 0);
    const outputs = names(p.column, learned.categories, learned.other).map(
      (name): Column => ({ name, kind: 'boolean', values: new Uint8Array(n), valid: copyValid(source, n) }),
    );
    const otherAt = learned.other ? width - 1 : -1;
    for (let i = 0; i < n; i++) {
      if (!isValid(source.valid, i)) continue; // missing stays missing in every indicator
      const k = index[source.values[i]!]!;
      const target = k >= 0 ? k : otherAt;
      if (target >= 0) outputs[target]!.values[i] = 1;
    }
    const at = frame.table.columns.indexOf(source);
    const columns = [...frame.table.columns.slice(0, at), ...outputs, ...frame.table.columns.slice(at + 1)];
    return { ...frame, table: { rowCount: n, columns } };
  },
});
