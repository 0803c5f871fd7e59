/**
 * The fields of each step's form, as data: the view renders any step from this, so a new step
 * needs a schema, a definition and an entry here, and no new markup.
 */
import type { ColumnKind } from '../shared/column';
import { CONDITION_OPS } from './condition';
import { isLabelKind } from './frame';
import type { ColumnInfo } from './run-steps';

/**
 * The columns a column field takes, where the step refuses the others: numbers (numeric
 * columns), or labels (categories, yes/no, text, identifiers). The form greys out the rest, so a
 * learner sees before choosing what the step would refuse after.
 */
export type Accepts = 'numbers' | 'labels';

export type Field =
  /** showMissing: each column says how many training rows miss it (the fill and drop-missing forms) */
  | { key: string; label: string; type: 'columns'; accepts?: Accepts; showMissing?: true }
  | { key: string; label: string; type: 'column'; accepts?: Accepts }
  | { key: string; label: string; type: 'choice'; options: readonly { value: string; label: string }[] }
  | { key: string; label: string; type: 'text'; placeholder?: string }
  /** step: 1 for whole numbers; none (any) for the rest, so a value such as 1.75 is not refused for its digits. */
  | { key: string; label: string; type: 'number'; min?: number; max?: number; step?: number }
  | { key: string; label: string; type: 'checkbox' }
  | { key: string; label: string; type: 'condition' }
  | { key: string; label: string; type: 'list'; placeholder?: string };

export function acceptsKind(accepts: Accepts | undefined, kind: ColumnKind): boolean {
  if (accepts === 'numbers') return kind === 'numeric';
  if (accepts === 'labels') return isLabelKind(kind);
  return true;
}

/** Said under a field that greys out some columns. */
export const ACCEPTS_HINT: Record<Accepts, string> = {
  numbers: 'Numeric columns only: change a column’s type first to use another here.',
  labels: 'Label columns only (categories, yes/no, text): bin a numeric column first to encode it.',
};

const KINDS = [
  { value: 'numeric', label: 'Numeric' },
  { value: 'categorical', label: 'Categorical' },
  { value: 'boolean', label: 'Boolean' },
  { value: 'datetime', label: 'Date/time' },
  { value: 'text', label: 'Free text' },
  { value: 'identifier', label: 'Identifier' },
];

export const STEP_FIELDS: Record<string, readonly Field[]> = {
  'drop-columns': [{ key: 'columns', label: 'Columns to drop', type: 'columns' }],
  cast: [
    { key: 'column', label: 'Column', type: 'column' },
    { key: 'to', label: 'New type', type: 'choice', options: KINDS },
  ],
  impute: [
    { key: 'columns', label: 'Columns to fill', type: 'columns', showMissing: true },
    {
      key: 'strategy',
      label: 'Fill with',
      type: 'choice',
      options: [
        { value: 'median', label: 'Median' },
        { value: 'mean', label: 'Mean' },
        { value: 'most-frequent', label: 'Most frequent value' },
        { value: 'constant', label: 'A constant' },
      ],
    },
    { key: 'constant', label: 'Constant', type: 'text', placeholder: 'for "a constant"' },
    { key: 'indicator', label: 'Add a "was missing" column', type: 'checkbox' },
  ],
  'drop-missing': [{ key: 'columns', label: 'Rows missing any of', type: 'columns', showMissing: true }],
  dedupe: [{ key: 'columns', label: 'Compare only these columns (none: all)', type: 'columns' }],
  outliers: [
    { key: 'columns', label: 'Columns', type: 'columns', accepts: 'numbers' },
    { key: 'rule', label: 'Rule', type: 'choice', options: [{ value: 'iqr', label: 'IQR (1.5 × interquartile range)' }, { value: 'zscore', label: 'z-score (3 standard deviations)' }] },
    { key: 'factor', label: 'Factor (0: the rule’s usual one)', type: 'number', min: 0 },
    { key: 'action', label: 'Then', type: 'choice', options: [{ value: 'remove', label: 'Remove the rows' }, { value: 'clip', label: 'Clip to the bounds' }] },
  ],
  filter: [{ key: 'condition', label: 'Keep rows where', type: 'condition' }],
  rename: [
    { key: 'column', label: 'Column', type: 'column' },
    { key: 'to', label: 'New name', type: 'text' },
  ],
  'one-hot': [
    { key: 'column', label: 'Column', type: 'column', accepts: 'labels' },
    { key: 'maxCategories', label: 'At most this many columns, "other" included', type: 'number', min: 2, max: 1000, step: 1 },
  ],
  ordinal: [
    { key: 'column', label: 'Column', type: 'column', accepts: 'labels' },
    { key: 'order', label: 'Order, lowest first (empty: alphabetical; ranges from binning in their order)', type: 'list', placeholder: 'small, medium, large' },
  ],
  scale: [
    { key: 'columns', label: 'Columns to scale', type: 'columns', accepts: 'numbers' },
    { key: 'method', label: 'Method', type: 'choice', options: [{ value: 'standard', label: 'Standard (mean 0, std 1)' }, { value: 'minmax', label: 'Min-max (0 to 1)' }, { value: 'robust', label: 'Robust (median, IQR)' }] },
  ],
  log: [
    { key: 'columns', label: 'Columns', type: 'columns', accepts: 'numbers' },
    { key: 'plusOne', label: 'Use log(1 + x), which accepts zeros', type: 'checkbox' },
  ],
  bin: [
    { key: 'column', label: 'Column', type: 'column', accepts: 'numbers' },
    { key: 'bins', label: 'Bins', type: 'number', min: 2, max: 100, step: 1 },
    { key: 'strategy', label: 'Ranges', type: 'choice', options: [{ value: 'width', label: 'Equal width' }, { value: 'quantile', label: 'Equal counts (quantiles)' }] },
  ],
  derive: [
    { key: 'name', label: 'New column name', type: 'text' },
    { key: 'expression', label: 'Formula', type: 'text', placeholder: 'price / area' },
  ],
  'edit-cells': [],
};

/**
 * Params a new step's form starts from. A one-column step starts on the first column it takes
 * that is not the target (encoding or binning the target is rarely meant), a category column
 * first for the encodings (a yes/no column is already 0/1), else the first it takes.
 */
export function defaultParams(kind: string, columns: readonly ColumnInfo[], target: string | null): Record<string, unknown> {
  const accepts = STEP_FIELDS[kind]?.find((f): f is Extract<Field, { type: 'column' }> => f.type === 'column')?.accepts;
  const taken = columns.filter((c) => acceptsKind(accepts, c.kind) && c.name !== target);
  const best = accepts === 'labels' ? taken.find((c) => c.kind === 'categorical') : undefined;
  const firstColumn = (best ?? taken[0] ?? columns.find((c) => acceptsKind(accepts, c.kind)) ?? columns[0])?.name ?? '';
  const defaults: Record<string, Record<string, unknown>> = {
    'drop-columns': { columns: [] },
    cast: { column: firstColumn, to: 'categorical' },
    impute: { columns: [], strategy: 'median', constant: '', indicator: false },
    'drop-missing': { columns: [] },
    dedupe: { columns: [] },
    outliers: { columns: [], rule: 'iqr', factor: 0, action: 'remove' },
    filter: { condition: { column: firstColumn, op: CONDITION_OPS[0], value: '' } },
    rename: { column: firstColumn, to: '' },
    'one-hot': { column: firstColumn, maxCategories: 20 },
    ordinal: { column: firstColumn, order: [] },
    scale: { columns: [], method: 'standard' },
    log: { columns: [], plusOne: true },
    bin: { column: firstColumn, bins: 5, strategy: 'width' },
    derive: { name: '', expression: '' },
    'edit-cells': { edits: [], bulk: [] },
  };
  return structuredClone(defaults[kind] ?? {});
}
