/**
 * Where parsed CSV records go during an import: one streaming column builder per column,
 * with ragged records (too many or too few fields) counted and located, and parse failures
 * turned into notes the user can read.
 *
 * Two numberings reach the user, each named for what it counts: "line N of the file" for what is
 * wrong in the file itself (a ragged record, a stray quote), as a text editor numbers lines, and
 * "row N" for a stored row, as the data table's # column numbers them (the first data row is 1).
 */
import type { ChunkedColumn } from '../shared/chunked-column';
import type { ColumnKind } from '../shared/column';
import { createColumnBuilder, type ColumnBuilder, type MissingCounts, type ParseFailures } from './column-builder';
import { count, listWords, quote } from './words';

export interface ColumnPlan {
  name: string;
  kind: ColumnKind;
  dateOrder?: 'ymd' | 'dmy' | 'mdy';
  /** the kind is a stored dataset's column's, which this file's rows are appended to: a value that does not fit is kept by changing that column's type */
  kindFromDataset?: boolean;
  /** the kind was guessed and cannot be chosen where this file is read (a file joined to a dataset): a value that does not fit is kept by fixing the file */
  kindGuessedOnly?: boolean;
}

/** What a value of a kind is, singular and plural: 'was not a number' / 'were not numbers'. */
const EXPECTED: Partial<Record<ColumnKind, [string, string]>> = {
  numeric: ['a number', 'numbers'],
  boolean: ['a true/false value', 'true/false values'],
  datetime: ['a date', 'dates'],
};

/** At most this many ragged records' lines are listed; the rest are counted. */
export const LISTED_ROWS = 20;

/** A column's parse failures, with the line of the file the first one is on (in a part: counted from the part's first line). */
export interface LocatedFailures extends ParseFailures {
  line: number;
}

export interface RaggedReport {
  count: number;
  /** the 1-based line of the file each starts on (in one part of a file: counted from the part's first line) */
  lines: number[];
}

export class RowSink {
  readonly #builders: ColumnBuilder[];
  readonly #skipRagged: boolean;
  /** a record one field wider than the table whose last field is empty lost it to a separator closing the line */
  readonly #trailingDelimiter: boolean;
  readonly ragged: RaggedReport = { count: 0, lines: [] };
  /** records read so far, header excluded, ragged ones included */
  records = 0;
  /** scratch for pushLine: where each cell of the line starts */
  readonly #bounds: Int32Array;
  /** the line the record being stored starts on */
  #line = 0;
  /** per column, the line of its first parse failure */
  readonly #failureLines: number[];

  constructor(plan: readonly ColumnPlan[], options: { decimalComma: boolean; skipRagged: boolean; trailingDelimiter?: boolean }) {
    this.#skipRagged = options.skipRagged;
    this.#trailingDelimiter = options.trailingDelimiter ?? false;
    this.#bounds = new Int32Array(plan.length + 1);
    this.#failureLines = plan.map(() => 0);
    this.#builders = plan.map((c, i) =>
      createColumnBuilder(c.name, c.kind, { decimalComma: options.decimalComma, dateOrder: c.dateOrder, onFirstFailure: () => (this.#failureLines[i] = this.#line) }),
    );
  }

  get rowCount(): number {
    return this.#builders[0]?.length ?? 0;
  }

  /**
   * Add one parsed record, which starts on `line` of the file. A ragged record is counted; it is
   * stored only when skipping is off and it can be padded or cut.
   */
  push(fields: readonly string[], line: number): void {
    this.records++;
    const width = this.#builders.length;
    if (fields.length !== width && !(this.#trailingDelimiter && fields.length === width + 1 && fields[width] === '')) {
      this.ragged.count++;
      if (this.ragged.lines.length < LISTED_ROWS) this.ragged.lines.push(line);
      if (this.#skipRagged) return;
    }
    this.#line = line;
    for (let i = 0; i < width; i++) this.#builders[i]!.push(fields[i] ?? '');
  }

  /**
   * Add the record in characters [start, end) of `text`, a line without quotes whose cells are
   * separated by the one character `delimiter`: each cell is read where it lies, so a numeric
   * cell never becomes a string of its own. The same as push(text.substring(start, end).split(delimiter), line).
   */
  pushLine(text: string, start: number, end: number, delimiter: string, line: number): void {
    const width = this.#builders.length;
    const bounds = this.#bounds;
    // Where each cell starts; bounds[width] is one past the end of the last cell, as if a
    // delimiter followed it.
    bounds[0] = start;
    let cells = 1;
    let last = end;
    for (let at = text.indexOf(delimiter, start); at !== -1 && at < end; at = text.indexOf(delimiter, at + 1)) {
      if (cells === width) {
        // A separator closing the line ends the last cell instead of opening another.
        if (this.#trailingDelimiter && at === end - 1) last = at;
        else cells++;
        break;
      }
      bounds[cells++] = at + 1;
    }
    if (cells !== width) {
      this.push(text.substring(start, end).split(delimiter), line);
      return;
    }
    bounds[width] = last + 1;
    this.records++;
    this.#line = line;
    for (let i = 0; i < width; i++) this.#builders[i]!.pushIn(text, bounds[i]!, bounds[i + 1]! - 1);
  }

  /** The columns in storage's chunks, each column's parse failures, located by stored row and by line, and its missing cells by spelling. */
  finish(): { columns: ChunkedColumn[]; failures: (LocatedFailures | null)[]; missing: MissingCounts[] } {
    const failures = this.#builders.map((b, i) => (b.failures ? { ...b.failures, line: this.#failureLines[i]! } : null));
    return { columns: this.#builders.map((b) => b.finishChunked()), failures, missing: this.#builders.map((b) => b.missing) };
  }
}

/**
 * The note for a column whose values did not all fit its type: the first is named by its row
 * in the table (`f.firstRow` is 0-based) and its line in the file, or, for a file whose rows
 * do not become the table's (merged into a dataset), by its line only.
 */
export function failureNote(plan: ColumnPlan, f: LocatedFailures, rowsBecomeTable = true): string {
  const line = `line ${f.line.toLocaleString('en')} of the file`;
  const where = rowsBecomeTable ? `row ${(f.firstRow + 1).toLocaleString('en')}, ${line}` : line;
  const them = f.count === 1 ? 'it' : 'them';
  const hint = plan.kindFromDataset ? appendHint(plan.name, f.count) : plan.kindGuessedOnly ? `To keep ${them}, fix ${them} in the file, then join again.` : `To keep ${them}, import this column as categorical.`;
  return `${describeFailures(plan.name, plan.kind, f, where)} ${hint}`;
}

/** How to keep `count` values of an appended file that do not fit the dataset's column: its type is the dataset's, not chosen at import. */
export function appendHint(column: string, count: number): string {
  return `To keep ${count === 1 ? 'it' : 'them'}, change the type of "${column}" in this dataset first, or fix the file.`;
}

/**
 * 'Column "age": 2 values were not numbers (first at row 5: "n/a2") and are stored as missing.'
 * `where` says where the first failure is: 'row 5', the stored row as the data table's # column
 * numbers it, perhaps with its line in the file.
 */
export function describeFailures(column: string, kind: ColumnKind, f: ParseFailures, where: string): string {
  const [one, many] = EXPECTED[kind] ?? ['valid', 'valid'];
  const what = f.count === 1 ? one : many;
  return (
    `Column "${column}": ${f.count.toLocaleString('en')} ${f.count === 1 ? 'value was' : 'values were'} not ${what} ` +
    `(first at ${where}: "${f.firstValue}") and ${f.count === 1 ? 'is' : 'are'} stored as missing.`
  );
}

/** "line 4 of the file", "lines 4 and 7 of the file", "lines 4, 7, … and 38 more of the file" */
export function describeLines(report: RaggedReport): string {
  return `${listLines(report.lines, report.count)} of the file`;
}

/** "line 4", "lines 4 and 7", "lines 4, 7 and 9", "lines 4, 7 and 38 more" (`count` lines in all) */
export function listLines(lines: readonly number[], count = lines.length): string {
  const listed = lines.map((r) => r.toLocaleString('en'));
  const more = count - listed.length;
  if (listed.length === 1 && more === 0) return `line ${listed[0]}`;
  if (more > 0) return `lines ${listed.join(', ')} and ${more.toLocaleString('en')} more`;
  return `lines ${listed.slice(0, -1).join(', ')} and ${listed[listed.length - 1]}`;
}

/** Columns whose missing spellings get a note of their own; the rest are counted in one. */
const NOTED_COLUMNS = 10;
/** Spellings named in a column's note; the rest are counted. */
const NAMED_SPELLINGS = 3;

/**
 * What the import read as missing, column by column, by how the cells were written (as the first
 * of them was), e.g. '1,204 cells "NA" were read as missing in "age".' Empty cells go unsaid.
 * `missing[i]` is column i's, summed over the whole file.
 */
export function missingNotes(plan: readonly Pick<ColumnPlan, 'name'>[], missing: readonly MissingCounts[]): string[] {
  const notes: string[] = [];
  let more = 0;
  plan.forEach((column, i) => {
    const m = missing[i];
    if (!m) return;
    // Code 0 is no spelling and code 1 an empty cell.
    const spelled: [string, number][] = [];
    for (let code = 2; code < m.counts.length; code++) if (m.counts[code]! > 0) spelled.push([m.written[code]!, m.counts[code]!]);
    if (spelled.length === 0) return;
    if (notes.length === NOTED_COLUMNS) {
      more++;
      return;
    }
    spelled.sort((a, b) => b[1] - a[1]);
    const total = spelled.reduce((sum, [, k]) => sum + k, 0);
    const were = total === 1 ? 'was' : 'were';
    if (spelled.length === 1) {
      notes.push(`${count(total, 'cell')} ${quote(spelled[0]![0])} ${were} read as missing in "${column.name}".`);
      return;
    }
    const named = spelled.slice(0, NAMED_SPELLINGS).map(([written, k]) => `${k.toLocaleString('en')} ${quote(written)}`);
    const others = spelled.slice(NAMED_SPELLINGS).reduce((sum, [, k]) => sum + k, 0);
    if (others) named.push(count(others, 'other'));
    notes.push(`${count(total, 'cell')} ${were} read as missing in "${column.name}": ${listWords(named)}.`);
  });
  if (more > 0) notes.push(`Cells such as these were read as missing in ${count(more, 'more column')}.`);
  return notes;
}

/** The sum of `from` into `into`, keeping the first written spelling of each (`into`'s comes first in the file). */
export function addMissing(into: MissingCounts, from: MissingCounts): void {
  for (let code = 0; code < into.counts.length; code++) {
    if (into.counts[code] === 0 && from.counts[code]! > 0) into.written[code] = from.written[code]!;
    into.counts[code] = into.counts[code]! + from.counts[code]!;
  }
}
