/**
 * Row conditions, for the filter step and bulk relabelling: one column compared with one value.
 * Numbers compare as numbers, labels as text (the value trimmed, as labels are), dates as the
 * import reads them (typed-date.ts); a missing value matches only "is missing".
 */
import * as v from 'valibot';
import { parseNumber } from '../data/numbers';
import { isValid, type Column } from '../shared/column';
import { labelAt, requireColumn, type Frame } from './frame';
import { StepProblem } from './step-problem';
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

export function describeCondition(c: Condition): string {
  return c.op === 'is missing' || c.op === 'is present' ? `${c.column} ${c.op}` : `${c.column} ${c.op} ${c.value}`;
}

/** 1 per row where the condition holds, for the frame's rows. */
export function matchRows(frame: Frame, c: Condition): Uint8Array {
  const column = requireColumn(frame, c.column);
  const n = frame.table.rowCount;
  const out = new Uint8Array(n);
  if (c.op === 'is missing' || c.op === 'is present') {
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
      throw new StepProblem(`Column "${c.column}" holds ${column.kind === 'datetime' ? 'dates' : 'numbers'}: compare it with ${what}, not "${c.value}".`);
    }
    const values = column.values;
    return (row) => cmp(values[row]! - target);
  }
  if (c.op !== '==' && c.op !== '!=') {
    // Labels have no order; "<" over text would silently compare spellings.
    throw new StepProblem(`Column "${c.column}" holds labels: use ${EQUALITY_OPS.join(' or ')}, not ${c.op}.`);
  }
  const value = c.value.trim();
  return (row) => cmp(labelAt(column, row) === value ? 0 : 1);
}

/**
 * A number typed in a form, read as the import reads a number cell (numbers.ts), so a value is
 * compared with what the column holds: '2.0', '1e3', '1,234' are numbers; '0x10', '0b1' and
 * 'Infinity', which Number() would read, are not. NaN for anything else.
 */
export function readDecimal(text: string): number {
  return parseNumber(text, false);
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
