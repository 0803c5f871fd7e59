/** Filling missing slots of a column with one value, without touching the input column. */
import { allPresent, bitmapBytes, isValid, type Column } from '../shared/column';
import { allValid } from './frame';
import { booleanBit } from '../data/booleans';
import { notBoolean, StepProblem } from './step-problem';

/** A numeric fill, or a label's text for label kinds. */
export type FillValue = number | string;

/** The code a label has in the column, adding it to a copy of the dictionary when new. */
function codeFor(column: Column, label: string): { code: number; dictionary?: string[] } {
  if (column.kind === 'boolean') {
    const bit = booleanBit(label);
    if (bit < 0) throw new StepProblem(notBoolean(column, 'fill it with', label));
    return { code: bit };
  }
  const dictionary = column.dictionary!;
  const at = dictionary.indexOf(label);
  return at >= 0 ? { code: at, dictionary } : { code: dictionary.length, dictionary: [...dictionary, label] };
}

/** The column with every missing slot of the first rowCount rows set to `fill`; `filled` gets 1 per filled row. */
export function fillMissing(column: Column, rowCount: number, fill: FillValue, filled?: Uint8Array): Column {
  if (allPresent(column.valid, rowCount)) return column;
  let code: number;
  let dictionary = column.dictionary;
  if (typeof fill === 'number') {
    if (column.kind !== 'numeric' && column.kind !== 'datetime') throw new StepProblem(`Column "${column.name}" holds labels: fill it with a label, not the number ${fill}.`);
    code = fill;
  } else {
    ({ code, dictionary } = codeFor(column, fill));
  }
  const values = column.values.slice(0, rowCount);
  for (let i = 0; i < rowCount; i++) {
    if (!isValid(column.valid, i)) {
      values[i] = code;
      if (filled) filled[i] = 1;
    }
  }
  return { ...column, values, valid: allValid(rowCount), ...(dictionary ? { dictionary } : {}) };
}

/** A boolean column, 1 where the column is missing; never missing itself. */
export function missingIndicator(column: Column, rowCount: number, name: string): Column {
  const values = new Uint8Array(rowCount);
  for (let i = 0; i < rowCount; i++) values[i] = isValid(column.valid, i) ? 0 : 1;
  return { name, kind: 'boolean', values, valid: allValid(rowCount) };
}

/** A copy of the validity bitmap, for steps that blank some present values. */
export function copyValid(column: Column, rowCount: number): Uint8Array {
  return column.valid.slice(0, bitmapBytes(rowCount));
}

