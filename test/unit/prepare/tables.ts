/** Small tables for the prepare tests, written as text cells ('' = missing). */
import { columnFromStrings } from '../../../src/data/column-builder';
import { formatCell } from '../../../src/data/format-cell';
import { datasetFrame, type Frame } from '../../../src/prepare/frame';
import type { Column, ColumnKind, Table } from '../../../src/shared/column';

export const col = (name: string, kind: ColumnKind, cells: readonly string[]): Column => columnFromStrings(name, kind, cells, { decimalComma: false });
export const table = (...columns: Column[]): Table => ({ rowCount: columns[0]!.values.length, columns });
/** Ten rows: two numeric columns and a two-class target y, for state tests whose worker reports are computed on it. */
export const smallTable = (): Table =>
  table(
    col('a', 'numeric', ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']),
    col('b', 'numeric', ['5', '3', '8', '1', '9', '2', '7', '4', '6', '0']),
    col('y', 'categorical', ['p', 'q', 'p', 'q', 'p', 'q', 'p', 'q', 'p', 'q']),
  );
export const frameOf = (...columns: Column[]): Frame => datasetFrame(table(...columns));

/** A column's cells as text, '' for missing. */
export function cells(frame: Frame, name: string): string[] {
  const c = frame.table.columns.find((x) => x.name === name);
  if (!c) throw new Error(`no column ${name}`);
  return Array.from({ length: frame.table.rowCount }, (_, r) => formatCell(c, r));
}

export const names = (frame: Frame) => frame.table.columns.map((c) => c.name);

/** A deep copy of a frame's buffers, to prove a step did not mutate its input. */
export function snapshot(frame: Frame): string {
  return JSON.stringify(frame.table.columns.map((c) => [c.name, c.kind, Array.from(c.values), Array.from(c.valid), c.dictionary ?? null]));
}
