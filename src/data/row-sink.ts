/**
 * Where parsed CSV records go during an import: one streaming column builder per column,
 * with ragged records (too many or too few fields) counted and located, and parse failures
 * turned into notes the user can read.
 */
import type { ColumnKind, Table } from '../shared/column';
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
const LISTED_ROWS = 20;

export interface RaggedReport {
  count: number;
  /** 1-based record numbers in the file (the header, when there is one, is record 1) */
  rows: number[];
}

export class RowSink {
  readonly #builders: ColumnBuilder[];
  readonly #plan: readonly ColumnPlan[];
  readonly #skipRagged: boolean;
  readonly ragged: RaggedReport = { count: 0, rows: [] };
  /** record numbers of skipped records, ascending, to name rows in the file correctly */
  readonly #skipped: number[] = [];
  /** records read so far, header excluded, ragged ones included */
  records = 0;

  /**
   * @param firstRecordNumber the 1-based file record number of the first data record: 2 after a header, else 1
   */
  constructor(
    plan: readonly ColumnPlan[],
    options: { decimalComma: boolean; skipRagged: boolean; expectedRows?: number },
    readonly firstRecordNumber: number,
  ) {
    this.#plan = plan;
    this.#skipRagged = options.skipRagged;
    const initialCapacity = Math.max(1024, Math.min(options.expectedRows ?? 0, 1 << 24));
    this.#builders = plan.map((c) =>
      createColumnBuilder(c.name, c.kind, { decimalComma: options.decimalComma, dateOrder: c.dateOrder, initialCapacity }),
    );
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

  /** The file record number of a stored row, counting the skipped records before it. */
  #recordNumberOf(row: number): number {
    let record = this.firstRecordNumber + row;
    for (const s of this.#skipped) if (s <= record) record++;
    return record;
  }

  /** The table, and one note per column whose values did not all fit its type. */
  finish(): { table: Table; notes: string[] } {
    const notes: string[] = [];
    const columns = this.#builders.map((b, i) => {
      const f = b.failures;
      if (f) notes.push(`${describeFailures(this.#plan[i]!.name, this.#plan[i]!.kind, f, this.#recordNumberOf(f.firstRow))} To keep ${f.count === 1 ? 'it' : 'them'}, import this column as categorical.`);
      return b.finish();
    });
    return { table: { rowCount: this.rowCount, columns }, notes };
  }
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
