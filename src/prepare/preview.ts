/**
 * What a step did to the training rows, for its live before/after preview: rows removed,
 * cells changed, a sample of changed rows, and the profile of each touched column before and after.
 */
import { formatCell } from '../data/format-cell';
import { profileColumn, summaryFigures, type ColumnProfile, type NumericSummary } from '../data/profile';
import { countMissing, isValid, type Column } from '../shared/column';
import { briefNumber } from '../shared/format';
import { countDistinct, countDistinctOf } from '../shared/distinct';
import type { NumberSource } from '../shared/select';
import { pairwiseSum } from '../shared/sums';
import type { Frame } from './frame';
import type { LearnedLine } from './learned-lines';
import { columnView, materializeColumn, pickedValues, viewAllPresent, viewOf, viewValid, type ColumnView, type FrameView } from './frame-view';
import { numberSource, viewPresentNumbers } from './view-numbers';

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
  /** what the fit learned from the training rows, a line per column ([]: nothing, the same rule for every row); null: not said */
  learned: LearnedLine[] | null;
}

/** What the preview shows of a column before and after: a ColumnProfile's counts and summary figures. */
export type ColumnSummary = Pick<ColumnProfile, 'name' | 'kind' | 'missing' | 'unique' | 'labels'> & { numeric?: Pick<NumericSummary, 'mean' | 'std' | 'min' | 'max'> };

/** removed: gone after the step; changed: a value differs; added: only new columns. */
export type SampleChange = 'removed' | 'changed' | 'added';

const byName = (view: FrameView) => new Map(view.columns.map((c) => [c.column.name, c]));

/** Where view row r is read in its column. */
const at = (view: ColumnView, r: number) => (view.rows === null ? r : view.rows[r]!);

/** A cell as the sample shows it: numbers to six significant digits, read through the view's map. */
const cell = (view: ColumnView | undefined, row: number) => {
  if (!view) return null;
  const { column, affine } = view;
  const i = at(view, row);
  if (column.kind !== 'numeric' || !isValid(column.valid, i)) return formatCell(column, i);
  const x = column.values[i]!;
  return briefNumber(affine ? (x - affine.center) * affine.scale : x);
};

/**
 * Marks in `changed` the rows whose cell differs between the columns, before row i and after
 * row keptAt[i] (removed rows: -1), and counts them. A column at a time, in a typed loop, read
 * through the views: a call per cell made a preview over a million rows take a second, and
 * gathering both frames first was a fifth of what was left. A cell read from the same place of
 * the same column through the same map is the same; only other cells are compared.
 */
function markChanged(a: ColumnView, nBefore: number, b: ColumnView, nAfter: number, keptAt: Int32Array, allKept: boolean, changed: Uint8Array): number {
  // The very column, every row kept: nothing changed.
  if (a === b && allKept) return 0;
  let count = 0;
  const n = keptAt.length;
  if (a.column.kind !== b.column.kind || a.column.dictionary !== b.column.dictionary) {
    // A new kind or dictionary: the cells compare by their text (a change of type, say).
    const [ca, cb] = [materializeColumn(a, nBefore), materializeColumn(b, nAfter)];
    for (let i = 0; i < n; i++) {
      const j = keptAt[i]!;
      if (j >= 0 && formatCell(ca, i) !== formatCell(cb, j)) {
        changed[i] = 1;
        count++;
      }
    }
    return count;
  }
  const [av, bv, ak, bk, ar, br] = [a.column.values, b.column.values, a.column.valid, b.column.valid, a.rows, b.rows];
  // x − 0 and x × 1 are x exactly (-0 and NaN included), as a gathered copy holds it.
  const [ac, as, bc, bs] = [a.affine?.center ?? 0, a.affine?.scale ?? 1, b.affine?.center ?? 0, b.affine?.scale ?? 1];
  const sameSource = av === bv && ak === bk && ac === bc && as === bs;
  for (let r = 0; r < n; r++) {
    const j = keptAt[r]!;
    if (j < 0) continue;
    const i = ar === null ? r : ar[r]!;
    const k = br === null ? j : br[j]!;
    if (sameSource && i === k) continue;
    const va = (ak[i >> 3]! >> (i & 7)) & 1;
    const vb = (bk[k >> 3]! >> (k & 7)) & 1;
    if (va !== vb || (va === 1 && !Object.is((av[i]! - ac) * as, (bv[k]! - bc) * bs))) {
      changed[r] = 1;
      count++;
    }
  }
  return count;
}

export function stepPreview(before: Frame, after: Frame, touched: readonly string[], note: string | null = null): StepPreview {
  return stepPreviewOfViews(viewOf(before), viewOf(after), touched, note);
}

/**
 * Previews and column summaries already computed, by the views they are of. Views never change,
 * and the prepare worker keeps the last fit's (fit-checkpoints.ts): a step previewed again costs
 * nothing, and the next step's "before" is this one's "after", summed once.
 */
const previews = new WeakMap<FrameView, { before: FrameView; key: string; preview: Omit<StepPreview, 'learned'> }>();
const summaries = new WeakMap<ColumnView, { rowCount: number; summary: ColumnSummary }>();

/** stepPreview of the training rows as the pipeline hands them on: nothing is gathered but what is shown. */
export function stepPreviewOfViews(before: FrameView, after: FrameView, touched: readonly string[], note: string | null = null, learned: LearnedLine[] | null = null): StepPreview {
  const key = JSON.stringify([touched, note]);
  const known = previews.get(after);
  if (known?.before === before && known.key === key) return { ...known.preview, learned };
  const preview = computePreview(before, after, touched, note);
  previews.set(after, { before, key, preview });
  return { ...preview, learned };
}

function computePreview(before: FrameView, after: FrameView, touched: readonly string[], note: string | null): Omit<StepPreview, 'learned'> {
  const b = byName(before);
  const a = byName(after);
  const added = [...a.keys()].filter((n) => !b.has(n));
  const removed = [...b.keys()].filter((n) => !a.has(n));
  const shared = [...a.keys()].filter((n) => b.has(n));
  const named = [...new Set([...touched.filter((n) => b.has(n) || a.has(n)), ...removed, ...added])];
  // Rows removed by a step that names no column (duplicates over every column): the first columns show which rows went.
  const columns = (named.length === 0 && after.rowCount < before.rowCount ? shared.slice(0, 6) : named).slice(0, 12);

  // Rows after a step are a subsequence of the rows before: walk both in order.
  const n = before.rowCount;
  const m = after.rowCount;
  const beforeIds = pickedValues(before.rowIds, n);
  const afterIds = pickedValues(after.rowIds, m);
  const keptAt = new Int32Array(n);
  let keptCount = 0;
  for (let i = 0; i < n; i++) {
    const kept = keptCount < m && afterIds[keptCount] === beforeIds[i];
    keptAt[i] = kept ? keptCount++ : -1;
  }
  const changed = new Uint8Array(n);
  let cellsChanged = 0;
  for (const name of shared) cellsChanged += markChanged(b.get(name)!, n, a.get(name)!, m, keptAt, keptCount === n, changed);
  const sample: StepPreview['sample'] = [];
  // Rows removed or changed first; rows that only gained the added columns fill what is left, so
  // a fill with a "was missing" column still shows the rows it filled, not the first rows.
  for (const onlyAdded of [false, true]) {
    if (onlyAdded && added.length === 0) break;
    for (let i = 0; i < n && sample.length < PREVIEW_SAMPLE_ROWS; i++) {
      const j = keptAt[i]!;
      const row = beforeIds[i]!;
      if (onlyAdded ? j < 0 || changed[i] : j >= 0 && !changed[i]) continue;
      if (j < 0) sample.push({ row, change: 'removed', before: columns.map((c) => cell(b.get(c), i)), after: null });
      else sample.push({ row, change: changed[i] ? 'changed' : 'added', before: columns.map((c) => cell(b.get(c), i)), after: columns.map((c) => cell(a.get(c), j)) });
    }
  }
  // Profiles of the columns the step names only: those shown to recognise removed rows were not touched, and a profile of each is a pass over every row.
  const profiles = named.slice(0, 6).map((name) => ({
    name,
    before: b.has(name) ? summaryOf(b.get(name)!, n) : null,
    after: a.has(name) ? summaryOf(a.get(name)!, m) : null,
  }));
  return { rowsBefore: n, rowsAfter: m, cellsChanged, added, removed, columns, sample, profiles, note };
}

/**
 * The figures of profileColumn the preview shows, the same numbers, without the quartiles and
 * bins: no copy of a column with nothing missing, a few passes and a hash set.
 */
export function columnSummary(column: Column, rowCount: number): ColumnSummary {
  return viewSummary(columnView(column, rowCount), rowCount);
}

function summaryOf(view: ColumnView, rowCount: number): ColumnSummary {
  const known = summaries.get(view);
  if (known?.rowCount === rowCount) return known.summary;
  const summary = viewSummary(view, rowCount);
  summaries.set(view, { rowCount, summary });
  return summary;
}

/**
 * columnSummary of the column the view reads: a complete numeric column is read where it is,
 * through its row list and map, with the same sums in the same order as over a copy.
 */
function viewSummary(view: ColumnView, rowCount: number): ColumnSummary {
  const { name, kind } = view.column;
  if (kind !== 'numeric' && kind !== 'datetime') {
    const profile = profileColumn(materializeColumn(view, rowCount), rowCount);
    return { name, kind, missing: profile.missing, unique: profile.unique, ...(profile.labels ? { labels: profile.labels } : {}) };
  }
  const source = rowCount > 0 ? numberSource(view, rowCount) : null;
  // A NaN among the values makes their sum NaN: it is then left out, over a copy.
  const sum = source ? pairwiseSum(source, false) : Number.NaN;
  if (source && sum === sum) return { name, kind, missing: 0, unique: countDistinctOf(source), numeric: sourceFigures(source, sum) };
  const missing = viewAllPresent(view, rowCount) ? 0 : countMissing(viewValid(view, rowCount), rowCount);
  const values = viewPresentNumbers(view, rowCount);
  const nan = rowCount - missing - values.length;
  // NaN that is present is one more distinct value, as the profile counts it.
  return { name, kind, missing, unique: countDistinct(values) + (nan > 0 ? 1 : 0), numeric: summaryFigures(values) };
}

/** summaryFigures of the source's n > 0 values, none NaN, whose sum is `sum`: the same bits, without a copy. */
function sourceFigures(source: NumberSource, sum: number): ColumnSummary['numeric'] {
  const { values, rows, center, scale, n } = source;
  let min = (values[rows === null ? 0 : rows[0]!]! - center) * scale;
  let max = min;
  for (let r = 1; r < n; r++) {
    const x = (values[rows === null ? r : rows[r]!]! - center) * scale;
    if (x < min || (x === 0 && min === 0 && 1 / x < 0)) min = x;
    if (x > max || (x === 0 && max === 0 && 1 / max < 0)) max = x;
  }
  const mean = sum / n;
  const std = n > 1 ? Math.sqrt(pairwiseSum(source, true, mean) / (n - 1)) : Number.NaN;
  return { min, max, mean, std };
}
