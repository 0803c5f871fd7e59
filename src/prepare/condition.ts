/**
 * Row conditions, for the filter step and bulk relabelling: one column compared with one value.
 * Numbers compare as numbers, labels as text (the value trimmed, as labels are), dates as the
 * import reads them (typed-date.ts); a missing value matches only "is missing".
 */
import * as v from 'valibot';
import { isValid, type Column } from '../shared/column';
import { labelAt, requireColumn, type Frame } from './frame';
import { booleanBit } from '../data/booleans';
import { notBoolean, StepProblem } from './step-problem';
import { readTypedDate } from './typed-date';

/** The comparisons labels allow, named as the form's comparison list names them. */
const EQUALITY_OPS = ['==', '!='] as const;
/** The comparisons the form offers, each shown by its own name. */
export const CONDITION_OPS = [...EQUALITY_OPS, '<', '<=', '>', '>=', 'is missing', 'is present'] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];

export const conditionSchema = v.object({
  column: v.string(),
  op: v.picklist(CONDITION_OPS),
  value: v.fallback(v.string(), ''),
  /** for a date column: the order its year-last dates were imported in, recorded when the condition was made */
  dateOrder: v.optional(v.picklist(['ymd', 'dmy', 'mdy'])),
});
export type Condition = v.InferOutput<typeof conditionSchema>;

/** Whether the comparison reads a value: "is missing" and "is present" do not, and their forms hide it. */
export const comparesWithValue = (op: ConditionOp): boolean => op !== 'is missing' && op !== 'is present';

export function describeCondition(c: Condition): string {
  // An empty value is written "", so "origin == " does not read as a sentence cut short.
  return comparesWithValue(c.op) ? `${c.column} ${c.op} ${c.value === '' ? '""' : c.value}` : `${c.column} ${c.op}`;
}

/** 1 per row where the condition holds, for the frame's rows. */
export function matchRows(frame: Frame, c: Condition): Uint8Array {
  const column = requireColumn(frame, c.column);
  const n = frame.table.rowCount;
  const out = new Uint8Array(n);
  if (!comparesWithValue(c.op)) {
    const want = c.op === 'is present';
    for (let i = 0; i < n; i++) out[i] = isValid(column.valid, i) === want ? 1 : 0;
    return out;
  }
  const test = comparer(column, c);
  for (let i = 0; i < n; i++) out[i] = isValid(column.valid, i) && test(i) ? 1 : 0;
  return out;
}

function comparer(column: Column, c: Condition): (row: number) => boolean {
  const cmp = compareWith(c.op);
  if (column.kind === 'numeric' || column.kind === 'datetime') {
    const target = column.kind === 'datetime' ? readTypedDate(c.value, c.dateOrder) : readDecimal(c.value);
    if (c.value.trim() === '' || !Number.isFinite(target)) {
      const what = column.kind === 'datetime' ? 'a date such as 2024-01-31' : 'a number';
      throw new StepProblem(`Column "${c.column}" holds ${column.kind === 'datetime' ? 'dates' : 'numbers'}: compare it with ${what}, not "${c.value}".${column.kind === 'datetime' ? '' : numberHint(c.value)}`);
    }
    const values = column.values;
    return (row) => cmp(values[row]! - target);
  }
  if (column.kind === 'boolean') {
    if (c.op !== '==' && c.op !== '!=') throw new StepProblem(`Column "${c.column}" is yes/no: use ${EQUALITY_OPS.join(' or ')}, not ${c.op}.`);
    // By value, not by spelling: "== yes" and "== true" match the same rows, however the file wrote them.
    const bit = booleanBit(c.value.trim());
    if (bit < 0) throw new StepProblem(notBoolean(column, 'compare it with', c.value));
    const values = column.values;
    return (row) => cmp(values[row] === bit ? 0 : 1);
  }
  if (c.op !== '==' && c.op !== '!=') {
    // Labels have no order; "<" over text would silently compare spellings.
    throw new StepProblem(`Column "${c.column}" holds labels: use ${EQUALITY_OPS.join(' or ')}, not ${c.op}.`);
  }
  const value = c.value.trim();
  return (row) => cmp(labelAt(column, row) === value ? 0 : 1);
}

/** Plain decimal text: digits with an optional point and exponent ('2.0', '-1e3', '.5'). */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/**
 * A number typed in a form: plain decimal text only, NaN for anything else. Not Number(), which
 * reads '0x10' as 16 and '' as 0; not the import's cell reader either, whose '1,500' is 1500
 * where a learner used to decimal commas meant 1.5: a comma is refused, and numberHint says why.
 */
export function readDecimal(text: string): number {
  const trimmed = text.trim();
  return DECIMAL.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** What to add to "not a number" for `text`: a typed comma is the likely reason. */
export function numberHint(text: string): string {
  return text.includes(',') ? ' Write it with a decimal point and no thousands separator, such as 1.5 or 1500.' : '';
}

function compareWith(op: ConditionOp): (diff: number) => boolean {
  switch (op) {
    case '==':
      return (d) => d === 0;
    case '!=':
      return (d) => d !== 0;
    case '<':
      return (d) => d < 0;
    case '<=':
      return (d) => d <= 0;
    case '>':
      return (d) => d > 0;
    default:
      return (d) => d >= 0;
  }
}
