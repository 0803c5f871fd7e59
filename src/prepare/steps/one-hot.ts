import * as v from 'valibot';
import { isValid, type Column } from '../../shared/column';
import { columnView, findView, requireLabelsView, viewAllPresent, viewValid } from '../frame-view';
import { StepProblem } from '../step-problem';
import { defineViewStep } from '../step';
import { codeToIndex, viewLabelsByFrequency } from './encode-labels';
import { columnName, wholeNumber } from './params';

export const OTHER_BUCKET = 'other';

const names = (column: string, categories: readonly string[], other: boolean) => [...categories.map((c) => `${column}=${c}`), ...(other ? [`${column}=${OTHER_BUCKET}`] : [])];

export const oneHot = defineViewStep({
  kind: 'one-hot',
  title: 'One-hot encode',
  explain: 'Turns a label column into one yes/no column per value, so a model can use it. Rare values beyond the cap share one "other" column; values never seen in training go there too.',
  removesRows: false,
  params: v.object({ column: columnName, maxCategories: v.optional(wholeNumber(1, 1000, 'At most this many columns: enter a whole number from 1 to 1000.'), 20) }),
  columnsOf: (p) => [p.column],
  describe: (p) => `One-hot encode "${p.column}" (at most ${p.maxCategories} values)`,
  fit: (p, train) => {
    const labels = viewLabelsByFrequency(requireLabelsView(train, p.column), train.rowCount);
    const categories = labels.slice(0, p.maxCategories).map((l) => l.label);
    const other = labels.length > p.maxCategories;
    for (const name of names(p.column, categories, other)) if (findView(train, name)) throw new StepProblem(`There is already a column "${name}".`);
    return { categories, other };
  },
  transform: (p, learned, frame) => {
    const n = frame.rowCount;
    const source = requireLabelsView(frame, p.column);
    const index = codeToIndex(source.column, learned.categories);
    const width = learned.categories.length + (learned.other ? 1 : 0);
    const valid = viewValid(source, n);
    const outputs = names(p.column, learned.categories, learned.other).map((name): Column => ({ name, kind: 'boolean', values: new Uint8Array(n), valid: valid.slice() }));
    const bytes = outputs.map((c) => c.values as Uint8Array);
    const otherAt = learned.other ? width - 1 : -1;
    const values = source.column.values;
    const rows = source.rows;
    const complete = viewAllPresent(source, n);
    for (let r = 0; r < n; r++) {
      const i = rows === null ? r : rows[r]!;
      if (!complete && !isValid(source.column.valid, i)) continue; // missing stays missing in every indicator
      const k = index[values[i]!]!;
      const target = k >= 0 ? k : otherAt;
      if (target >= 0) bytes[target]![r] = 1;
    }
    const at = frame.columns.indexOf(source);
    const columns = [...frame.columns.slice(0, at), ...outputs.map((c) => columnView(c, n)), ...frame.columns.slice(at + 1)];
    return { ...frame, columns };
  },
});
