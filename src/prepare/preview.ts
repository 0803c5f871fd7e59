/**
 * What a step did to the training rows, for its live before/after preview: rows removed,
 * cells changed, a sample of changed rows, and the profile of each touched column before and after.
 */
import { formatCell } from '../data/format-cell';
import { profileColumn, summaryFigures, type ColumnProfile, type NumericSummary } from '../data/profile';
import { countMissing, isValid, type Column } from '../shared/column';
import { briefNumber } from '../shared/format';
import { countDistinct } from '../shared/distinct';
import type { Frame } from './frame';
import { presentNumbers } from './stats';

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
  /**
   * A few changed or removed rows: the dataset row, what happened to it, its cells before and
   * after ('' = missing, null = column absent or row removed). Numbers are shown to six
   * significant digits, so `change` says what happened, from the values themselves.
   */
  sample: { row: number; change: SampleChange; before: (string | null)[]; after: (string | null)[] | null }[];
  profiles: { name: string; before: ColumnSummary | null; after: ColumnSummary | null }[];
  /** what the step's fit found that the learner should know (fewer bins than asked); null: nothing */
  note: string | null;
}

/** What the preview shows of a column before and after: a ColumnProfile's counts and summary figures. */
export type ColumnSummary = Pick<ColumnProfile, 'name' | 'kind' | 'missing' | 'unique' | 'labels'> & { numeric?: Pick<NumericSummary, 'mean' | 'std' | 'min' | 'max'> };

/** removed: gone after the step; changed: a value differs; added: only new columns. */
export type SampleChange = 'removed' | 'changed' | 'added';

const byName = (frame: Frame) => new Map(frame.table.columns.map((c) => [c.name, c]));
const cell = (column: Column | undefined, row: number) => {
  if (!column) return null;
  return column.kind === 'numeric' && isValid(column.valid, row) ? briefNumber(column.values[row]!) : formatCell(column, row);
};

/**
 * Marks in `changed` the rows whose cell differs between the columns, before row i and after
 * row keptAt[i] (removed rows: -1), and counts them. A column at a time, in a typed loop: a call
 * per cell made a preview over a million rows take a second.
 */
function markChanged(a: Column, b: Column, keptAt: Int32Array, changed: Uint8Array): number {
  let count = 0;
  const n = keptAt.length;
  if (a.kind !== b.kind || a.dictionary !== b.dictionary) {
    // A new kind or dictionary: the cells compare by their text (a change of type, say).
    for (let i = 0; i < n; i++) {
      const j = keptAt[i]!;
      if (j >= 0 && formatCell(a, i) !== formatCell(b, j)) {
        changed[i] = 1;
        count++;
      }
    }
    return count;
  }
  const [av, bv, ak, bk] = [a.values, b.values, a.valid, b.valid];
  for (let i = 0; i < n; i++) {
    const j = keptAt[i]!;
    if (j < 0) continue;
    const va = (ak[i >> 3]! >> (i & 7)) & 1;
    const vb = (bk[j >> 3]! >> (j & 7)) & 1;
    if (va !== vb || (va === 1 && !Object.is(av[i], bv[j]))) {
      changed[i] = 1;
      count++;
    }
  }
  return count;
}

export function stepPreview(before: Frame, after: Frame, touched: readonly string[], note: string | null = null): StepPreview {
  const b = byName(before);
  const a = byName(after);
  const added = [...a.keys()].filter((n) => !b.has(n));
  const removed = [...b.keys()].filter((n) => !a.has(n));
  const shared = [...a.keys()].filter((n) => b.has(n));
  const columns = [...new Set([...touched.filter((n) => b.has(n) || a.has(n)), ...removed, ...added])].slice(0, 12);

  // Rows after a step are a subsequence of the rows before: walk both in order.
  const n = before.table.rowCount;
  const keptAt = new Int32Array(n);
  for (let i = 0, j = 0; i < n; i++) {
    const kept = j < after.table.rowCount && after.rowIds[j] === before.rowIds[i];
    keptAt[i] = kept ? j++ : -1;
  }
  const changed = new Uint8Array(n);
  let cellsChanged = 0;
  for (const name of shared) cellsChanged += markChanged(b.get(name)!, a.get(name)!, keptAt, changed);
  const sample: StepPreview['sample'] = [];
  for (let i = 0; i < n && sample.length < PREVIEW_SAMPLE_ROWS; i++) {
    const j = keptAt[i]!;
    const row = before.rowIds[i]!;
    if (j < 0) sample.push({ row, change: 'removed', before: columns.map((c) => cell(b.get(c), i)), after: null });
    else if (changed[i] || added.length > 0) sample.push({ row, change: changed[i] ? 'changed' : 'added', before: columns.map((c) => cell(b.get(c), i)), after: columns.map((c) => cell(a.get(c), j)) });
  }
  const profiles = columns.slice(0, 6).map((name) => ({
    name,
    before: b.has(name) ? columnSummary(b.get(name)!, before.table.rowCount) : null,
    after: a.has(name) ? columnSummary(a.get(name)!, after.table.rowCount) : null,
  }));
  return { rowsBefore: before.table.rowCount, rowsAfter: after.table.rowCount, cellsChanged, added, removed, columns, sample, profiles, note };
}

/**
 * The figures of profileColumn the preview shows, the same numbers, without the quartiles and
 * bins: no copy of a column with nothing missing, a few passes and a hash set.
 */
export function columnSummary(column: Column, rowCount: number): ColumnSummary {
  if (column.kind !== 'numeric' && column.kind !== 'datetime') {
    const { name, kind, missing, unique, labels } = profileColumn(column, rowCount);
    return { name, kind, missing, unique, ...(labels ? { labels } : {}) };
  }
  const missing = countMissing(column.valid, rowCount);
  const values = presentNumbers(column, rowCount);
  const nan = rowCount - missing - values.length;
  // NaN that is present is one more distinct value, as the profile counts it.
  return { name: column.name, kind: column.kind, missing, unique: countDistinct(values) + (nan > 0 ? 1 : 0), numeric: summaryFigures(values) };
}
