/** Names and one-line explanations of column types, for learners. */
import type { ColumnKind } from '../shared/column';

export const KIND_LABELS: Record<ColumnKind, string> = {
  numeric: 'Numeric',
  categorical: 'Categorical',
  boolean: 'Boolean',
  datetime: 'Date/time',
  text: 'Free text',
  identifier: 'Identifier',
};

export const KIND_HELP: Record<ColumnKind, string> = {
  numeric: 'Numbers that can be compared and averaged.',
  categorical: 'A label from a limited set, such as a colour, a species or a postcode (kept as written, leading zeros too).',
  boolean: 'Yes or no.',
  datetime: 'A date, or a date and time.',
  text: 'Free text, different in almost every row.',
  identifier: 'A unique code per row, such as a customer number; rarely useful as a feature.',
};
