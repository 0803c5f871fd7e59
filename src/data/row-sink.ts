/**
 * Where parsed CSV records go during an import: one streaming column builder per column,
 * with ragged records (too many or too few fields) counted and located, and parse failures
 * turned into notes the user can read.
 */
import type { ChunkedColumn } from '../shared/chunked-column';
import type { ColumnKind } from '../shared/column';
import { createColumnBuilder, type ColumnBuilder, type ParseFailures } from './column-builder';

export interface ColumnPlan {
  name: string;
  kind: ColumnKind;
  dateOrder?: 'ymd' | 'dmy' | 'mdy';
}

/** What a value of a kind is, singular and plural: 'was not a number' / 'were not numbers'. */
const EXPECTED: Partial<Record<ColumnKind, [string, string]>> = {
  numeric: ['a number', 'numbers'],
  boolean: ['a true/false value', 'true/false values'],
  datetime: ['a date', 'dates'],
};

/** At most this many ragged row numbers are listed; the rest are counted. */
export const LISTED_ROWS = 20;

export interface RaggedReport {
  count: number;
  /** 1-based record numbers in the file (the header, when there is one, is record 1) */
  rows: number[];
}

/** A column's parse failures, with the file record number of the first one. */
export interface LocatedFailures extends ParseFailures {
  record: number;
}

export class RowSink {
  readonly #builders: ColumnBuilder[];
  readonly #skipRagged: boolean;
  readonly ragged: RaggedReport = { count: 0, rows: [] };
  /** record numbers of skipped records, ascending, to name rows in the file correctly */
  readonly #skipped: number[] = [];
  /** records read so far, header excluded, ragged ones included */
  records = 0;
  /** scratch for pushLine: where each cell of the line starts */
  readonly #bounds: Int32Array;

  /**
   * @param firstRecordNumber the 1-based file record number of the first data record: 2 after a header, else 1
   */
  constructor(
    plan: readonly ColumnPlan[],
    options: { decimalComma: boolean; skipRagged: boolean },
    readonly firstRecordNumber: number,
  ) {
    this.#skipRagged = options.skipRagged;
    this.#bounds = new Int32Array(plan.length + 1);
    this.#builders = plan.map((c) => createColumnBuilder(c.name, c.kind, { decimalComma: options.decimalComma, dateOrder: c.dateOrder }));
  }

  get rowCount(): number {
    return this.#builders[0]?.length ?? 0;
  }

  /** Add one parsed record. A ragged record is counted; it is stored only when skipping is off and it can be padded or cut. */
  push(fields: readonly string[]): void {
    const recordNumber = this.firstRecordNumber + this.records;
    this.records++;
    const width = this.#builders.length;
    if (fields.length !== width) {
      this.ragged.count++;
      if (this.ragged.rows.length < LISTED_ROWS) this.ragged.rows.push(recordNumber);
      if (this.#skipRagged) {
        this.#skipped.push(recordNumber);
        return;
      }
    }
    for (let i = 0; i < width; i++) this.#builders[i]!.push(fields[i] ?? '');
  }

  /**
   * Add the record in characters [start, end) of `text`, a line without quotes whose cells are
   * separated by the one character `delimiter`: each cell is read where it lies, so a numeric
   * cell never becomes a string of its own. The same as push(line.split(delimiter)).
   */
  pushLine(text: string, start: number, end: number, delimiter: string): void {
    const width = this.#builders.length;
    const bounds = this.#bounds;
    // Where each cell starts; bounds[width] is one past the end of the last cell, as if a
    // delimiter followed it.
    bounds[0] = start;
    let cells = 1;
    for (let at = text.indexOf(delimiter, start); at !== -1 && at < end; at = text.indexOf(delimiter, at + 1)) {
      if (cells === width) {
        cells++;
        break;
      }
      bounds[cells++] = at + 1;
    }
    if (cells !== width) {
      this.push(text.substring(start, end).split(delimiter));
      return;
    }
    bounds[width] = end + 1;
    this.records++;
    for (let i = 0; i < width; i++) this.#builders[i]!.pushIn(text, bounds[i]!, bounds[i + 1]! - 1);
  }

  /** The file record number of a stored row, counting the skipped records before it. */
  #recordNumberOf(row: number): number {
    let record = this.firstRecordNumber + row;
    for (const s of this.#skipped) if (s <= record) record++;
    return record;
  }

  /** The columns in storage's chunks, and each column's parse failures located by record. */
  finish(): { columns: ChunkedColumn[]; failures: (LocatedFailures | null)[] } {
    const failures = this.#builders.map((b) => (b.failures ? { ...b.failures, record: this.#recordNumberOf(b.failures.firstRow) } : null));
    return { columns: this.#builders.map((b) => b.finishChunked()), failures };
  }
}

/** The note for a column whose values did not all fit its type. */
export function failureNote(plan: ColumnPlan, f: LocatedFailures): string {
  return `${describeFailures(plan.name, plan.kind, f, f.record)} To keep ${f.count === 1 ? 'it' : 'them'}, import this column as categorical.`;
}

/**
 * 'Column "age": 2 values were not numbers (first at row 5: "n/a2") and are stored as missing.'
 * `row` is the 1-based row the user sees for the first failure.
 */
export function describeFailures(column: string, kind: ColumnKind, f: ParseFailures, row: number): string {
  const [one, many] = EXPECTED[kind] ?? ['valid', 'valid'];
  const what = f.count === 1 ? one : many;
  return (
    `Column "${column}": ${f.count.toLocaleString('en')} ${f.count === 1 ? 'value was' : 'values were'} not ${what} ` +
    `(first at row ${row.toLocaleString('en')}: "${f.firstValue}") and ${f.count === 1 ? 'is' : 'are'} stored as missing.`
  );
}

/** "rows 4 and 7", "rows 4, 7 and 9", "rows 4, 7, … and 38 more" */
export function describeRows(report: RaggedReport): string {
  const listed = report.rows.map((r) => r.toLocaleString('en'));
  const more = report.count - listed.length;
  if (listed.length === 1 && more === 0) return `row ${listed[0]}`;
  if (more > 0) return `rows ${listed.join(', ')} and ${more.toLocaleString('en')} more`;
  return `rows ${listed.slice(0, -1).join(', ')} and ${listed[listed.length - 1]}`;
}
