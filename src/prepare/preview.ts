/**
 * What a step did to the training rows, for its live before/after preview: rows removed,
 * cells changed, a sample of changed rows, and the profile of each touched column before and after.
 */
import { formatCell } from '../data/format-cell';
import { profileColumn, type ColumnProfile } from '../data/profile';
import type { Column } from '../shared/column';
import type { Frame } from './frame';

export const PREVIEW_SAMPLE_ROWS = 8;

export interface StepPreview {
  rowsBefore: number;
  rowsAfter: number;
  /** cells whose shown value differs, over columns present before and after */
  cellsChanged: number;
  added: string[];
  removed: string[];
  /** the columns the sample shows */
  columns: string[];
  /** a few changed or removed rows: the dataset row, its cells before and after ('' = missing, null = column absent or row removed) */
  sample: { row: number; before: (string | null)[]; after: (string | null)[] | null }[];
  profiles: { name: string; before: ColumnProfile | null; after: ColumnProfile | null }[];
}

const byName = (frame: Frame) => new Map(frame.table.columns.map((c) => [c.name, c]));
const cell = (column: Column | undefined, row: number) => (column ? formatCell(column, row) : null);

/** Whether a cell reads the same in two columns; typed comparison first, text only when kinds differ. */
function sameCell(a: Column, b: Column, i: number, j: number): boolean {
  if (a.kind === b.kind && a.dictionary === b.dictionary) {
    const va = (a.valid[i >> 3]! >> (i & 7)) & 1;
    const vb = (b.valid[j >> 3]! >> (j & 7)) & 1;
    return va === vb && (!va || Object.is(a.values[i], b.values[j]));
  }
  return formatCell(a, i) === formatCell(b, j);
}

export function stepPreview(before: Frame, after: Frame, touched: readonly string[]): StepPreview {
  const b = byName(before);
  const a = byName(after);
  const added = [...a.keys()].filter((n) => !b.has(n));
  const removed = [...b.keys()].filter((n) => !a.has(n));
  const shared = [...a.keys()].filter((n) => b.has(n));
  const columns = [...new Set([...touched.filter((n) => b.has(n) || a.has(n)), ...removed, ...added])].slice(0, 12);

  // Rows after a step are a subsequence of the rows before: walk both in order.
  const sample: StepPreview['sample'] = [];
  let cellsChanged = 0;
  let j = 0;
  for (let i = 0; i < before.table.rowCount; i++) {
    const kept = j < after.table.rowCount && after.rowIds[j] === before.rowIds[i];
    if (!kept) {
      if (sample.length < PREVIEW_SAMPLE_ROWS) sample.push({ row: before.rowIds[i]!, before: columns.map((n) => cell(b.get(n), i)), after: null });
      continue;
    }
    let changed = added.length > 0;
    for (const name of shared) {
      if (!sameCell(b.get(name)!, a.get(name)!, i, j)) {
        cellsChanged++;
        changed = true;
      }
    }
    if (changed && sample.length < PREVIEW_SAMPLE_ROWS) {
      sample.push({ row: before.rowIds[i]!, before: columns.map((n) => cell(b.get(n), i)), after: columns.map((n) => cell(a.get(n), j)) });
    }
    j++;
  }
  const profiles = columns.slice(0, 6).map((name) => ({
    name,
    before: b.has(name) ? profileColumn(b.get(name)!, before.table.rowCount) : null,
    after: a.has(name) ? profileColumn(a.get(name)!, after.table.rowCount) : null,
  }));
  return { rowsBefore: before.table.rowCount, rowsAfter: after.table.rowCount, cellsChanged, added, removed, columns, sample, profiles };
}
