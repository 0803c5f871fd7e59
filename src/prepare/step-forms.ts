/**
 * The fields of each step's form, as data: the view renders any step from this, so a new step
 * needs a schema, a definition and an entry here, and no new markup.
 */
import { CONDITION_OPS } from './condition';

export type Field =
  | { key: string; label: string; type: 'columns'; hint?: string }
  | { key: string; label: string; type: 'column' }
  | { key: string; label: string; type: 'choice'; options: readonly { value: string; label: string }[] }
  | { key: string; label: string; type: 'text'; placeholder?: string }
  /** step: 1 for whole numbers; none (any) for the rest, so a value such as 1.75 is not refused for its digits. */
  | { key: string; label: string; type: 'number'; min?: number; max?: number; step?: number }
  | { key: string; label: string; type: 'checkbox' }
  | { key: string; label: string; type: 'condition' }
  | { key: string; label: string; type: 'list'; placeholder?: string };

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
    { key: 'columns', label: 'Columns to fill', type: 'columns' },
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
  'drop-missing': [{ key: 'columns', label: 'Rows missing any of', type: 'columns' }],
  dedupe: [{ key: 'columns', label: 'Compare only these columns (none: all)', type: 'columns' }],
  outliers: [
    { key: 'columns', label: 'Columns', type: 'columns' },
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
    { key: 'column', label: 'Column', type: 'column' },
    { key: 'maxCategories', label: 'At most this many columns, "other" included', type: 'number', min: 2, max: 1000, step: 1 },
  ],
  ordinal: [
    { key: 'column', label: 'Column', type: 'column' },
    { key: 'order', label: 'Order, lowest first (empty: alphabetical; ranges from binning in their order)', type: 'list', placeholder: 'small, medium, large' },
  ],
  scale: [
    { key: 'columns', label: 'Columns to scale', type: 'columns' },
    { key: 'method', label: 'Method', type: 'choice', options: [{ value: 'standard', label: 'Standard (mean 0, std 1)' }, { value: 'minmax', label: 'Min-max (0 to 1)' }, { value: 'robust', label: 'Robust (median, IQR)' }] },
  ],
  log: [
    { key: 'columns', label: 'Columns', type: 'columns' },
    { key: 'plusOne', label: 'Use log(1 + x), which accepts zeros', type: 'checkbox' },
  ],
  bin: [
    { key: 'column', label: 'Column', type: 'column' },
    { key: 'bins', label: 'Bins', type: 'number', min: 2, max: 100, step: 1 },
    { key: 'strategy', label: 'Ranges', type: 'choice', options: [{ value: 'width', label: 'Equal width' }, { value: 'quantile', label: 'Equal counts (quantiles)' }] },
  ],
  derive: [
    { key: 'name', label: 'New column name', type: 'text' },
    { key: 'expression', label: 'Formula', type: 'text', placeholder: 'price / area' },
  ],
  'edit-cells': [],
};

/** Params a new step's form starts from. */
export function defaultParams(kind: string, firstColumn: string): Record<string, unknown> {
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
