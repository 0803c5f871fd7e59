import * as v from 'valibot';
import { rangeOrder } from './range-order';
import { isValid, type Column } from '../../shared/column';
import { columnView, findView, pickedValues, requireLabelsView, viewAllPresent, viewValid } from '../frame-view';
import { labelList } from '../learned-lines';
import { StepProblem } from '../step-problem';
import { defineViewStep } from '../step';
import { codeToIndex, viewLabelsByFrequency } from './encode-labels';
import { columnName } from './params';

export const OTHER_BUCKET = 'other';

/** The column one-hot encoding makes for one category of `column`: "island=Dream". */
const oneHotName = (column: string, category: string) => `${column}=${category}`;

/** Whether `name` is one of the columns one-hot encoding made of `column`. */
export const isOneHotOf = (name: string, column: string) => name.startsWith(oneHotName(column, ''));

const names = (column: string, categories: readonly string[], other: boolean) => [...categories.map((c) => oneHotName(column, c)), ...(other ? [oneHotName(column, OTHER_BUCKET)] : [])];

const CAP_RANGE = 'At most this many columns: enter a whole number from 2 to 1000.';
/** At least 2: with 1, "other" would be the only column, 1 on every row. */
const cap = v.pipe(
  v.number(CAP_RANGE),
  v.integer(CAP_RANGE),
  v.minValue(2, `${CAP_RANGE} With 1, every value would share the one "other" column, which is then the same on every row and tells a model nothing.`),
  v.maxValue(1000, CAP_RANGE),
);

export const oneHot = defineViewStep({
  kind: 'one-hot',
  title: 'One-hot encode',
  explain:
    'Turns a label column into one yes/no column per value, so a model can use it. Beyond the cap, which counts it, rare values share one "other" column, as do values never seen in training; without one, such a value sets no column and its row is flagged.',
  removesRows: false,
  params: v.object({ column: columnName, maxCategories: v.optional(cap, 20) }),
  columnsOf: (p) => [p.column],
  describe: (p) => `One-hot encode "${p.column}" (at most ${p.maxCategories} columns)`,
  learnedLines: (p, learned: { categories: string[]; other: boolean }) => [
    { column: p.column, learned: `a column for each of ${labelList(learned.categories)}${learned.other ? ', and "other" for the rest' : ''}` },
  ],
  fit: (p, train) => {
    const labels = viewLabelsByFrequency(requireLabelsView(train, p.column), train.rowCount);
    // As scikit-learn's max_categories: "other" is one of the columns, and of values tied at the
    // cut the later in sorted order stay (a stable sort by count over the sorted values).
    const other = labels.length > p.maxCategories;
    const kept = new Set(
      [...labels]
        .sort((a, b) => b.count - a.count || (a.label < b.label ? 1 : a.label > b.label ? -1 : 0))
        .slice(0, other ? p.maxCategories - 1 : labels.length)
        .map((l) => l.label),
    );
    const byCount = labels.filter((l) => kept.has(l.label)).map((l) => l.label);
    // Ranges made by binning read in their order ("< 18", "[18, 30)", "≥ 30"), not by how many rows each holds.
    const categories = rangeOrder(byCount) ?? byCount;
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
    // Rows with a value training never saw and no "other" column for it: all zeros, and flagged.
    let unseen: Uint8Array | null = null;
    for (let r = 0; r < n; r++) {
      const i = rows === null ? r : rows[r]!;
      if (!complete && !isValid(source.column.valid, i)) continue; // missing stays missing in every indicator
      const k = index[values[i]!]!;
      const target = k >= 0 ? k : otherAt;
      if (target >= 0) bytes[target]![r] = 1;
      else (unseen ??= pickedValues(frame.flagged, n).slice())[r] = 1;
    }
    const at = frame.columns.indexOf(source);
    const columns = [...frame.columns.slice(0, at), ...outputs.map((c) => columnView(c, n)), ...frame.columns.slice(at + 1)];
    return { ...frame, columns, ...(unseen ? { flagged: { values: unseen, rows: null } } : {}) };
  },
});
