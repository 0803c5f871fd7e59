/**
 * A column built one cell at a time during an import: typed storage that grows by doubling,
 * a dictionary for label kinds, a validity bitmap, and a count of cells that did not parse.
 */
import { allocValues, bitmapBytes, setValid, usesDictionary, type Column, type ColumnKind, type ColumnValues } from '../shared/column';
import { isMissingToken, parseBoolean, parseDate, parseNumber, type DateOrder } from './values';

export interface ParseFailures {
  count: number;
  /** 0-based row index within this column */
  firstRow: number;
  /** the first unreadable cell, at most 100 characters */
  firstValue: string;
}

export interface ColumnBuilder {
  push(text: string): void;
  readonly length: number;
  readonly failures: ParseFailures | null;
  finish(): Column;
}

export interface BuilderOptions {
  decimalComma: boolean;
  dateOrder?: DateOrder;
  initialCapacity?: number;
}

export function createColumnBuilder(name: string, kind: ColumnKind, options: BuilderOptions): ColumnBuilder {
  let capacity = Math.max(8, options.initialCapacity ?? 1024);
  let values: ColumnValues = allocValues(kind, capacity);
  let valid = new Uint8Array(bitmapBytes(capacity));
  let length = 0;
  let failures: ParseFailures | null = null;
  const codes = usesDictionary(kind) ? new Map<string, number>() : null;
  const dictionary: string[] = [];
  const order = options.dateOrder ?? 'ymd';

  const grow = () => {
    capacity *= 2;
    const nextValues = allocValues(kind, capacity);
    nextValues.set(values as never);
    values = nextValues;
    const nextValid = new Uint8Array(bitmapBytes(capacity));
    nextValid.set(valid);
    valid = nextValid;
  };

  const fail = (row: number, text: string) => {
    if (failures) failures.count++;
    else failures = { count: 1, firstRow: row, firstValue: text.length > 100 ? `${text.slice(0, 100)}…` : text };
  };

  return {
    push(text: string) {
      if (length === capacity) grow();
      const row = length++;
      if (isMissingToken(text)) return;
      let value: number;
      if (codes) {
        // ' b' after 'a, b' is the label 'b': spaces around a label are never part of it.
        const label = text.charCodeAt(0) <= 32 || text.charCodeAt(text.length - 1) <= 32 ? text.trim() : text;
        let code = codes.get(label);
        if (code === undefined) {
          code = dictionary.length;
          codes.set(label, code);
          dictionary.push(label);
        }
        value = code;
      } else if (kind === 'numeric') {
        value = parseNumber(text, options.decimalComma);
      } else if (kind === 'boolean') {
        value = parseBoolean(text);
        if (value < 0) value = Number.NaN;
      } else {
        value = parseDate(text, order);
      }
      if (Number.isNaN(value)) return fail(row, text);
      values[row] = value;
      setValid(valid, row);
    },
    get length() {
      return length;
    },
    get failures() {
      return failures;
    },
    finish(): Column {
      const column: Column = { name, kind, values: values.slice(0, length), valid: valid.slice(0, bitmapBytes(length)) };
      if (codes) column.dictionary = dictionary;
      return column;
    },
  };
}

/** A whole column from its cells at once: for tests and small data. */
export function columnFromStrings(name: string, kind: ColumnKind, cells: readonly string[], options: BuilderOptions): Column {
  const builder = createColumnBuilder(name, kind, { ...options, initialCapacity: cells.length });
  for (const cell of cells) builder.push(cell);
  return builder.finish();
}
