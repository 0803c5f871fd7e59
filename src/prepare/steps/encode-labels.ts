/** What one-hot and ordinal encoding share: a label column read as label texts per code. */
import { booleanBit } from '../../data/booleans';
import { isValid, type Column } from '../../shared/column';
import { checkLabels, requireColumn, type Frame } from '../frame';
import { viewAllPresent, type ColumnView } from '../frame-view';
import { codeCounts, labelOfCode } from '../stats';
import { StepProblem } from '../step-problem';

/** Most categories an encoder learns; beyond this a column is an identifier, not a category. */
export const MAX_CATEGORIES = 50_000;

export function requireLabels(frame: Frame, name: string): Column {
  const column = requireColumn(frame, name);
  checkLabels(column, name);
  return column;
}

/**
 * The training rows' labels with their counts, most frequent first, ties by label text. Never
 * by code: dictionary order depends on rows outside training (a test-only label shifts it).
 */
export function labelsByFrequency(column: Column, n: number): { label: string; count: number }[] {
  return labelsOfCounts(column, codeCounts(column, n));
}

/** labelsByFrequency of a column read through a view. */
export function viewLabelsByFrequency(view: ColumnView, n: number): { label: string; count: number }[] {
  const { column, rows } = view;
  if (rows === null) return labelsByFrequency(column, n);
  const counts = new Uint32Array(column.kind === 'boolean' ? 2 : column.dictionary!.length);
  const values = column.values;
  if (viewAllPresent(view, n)) for (let j = 0; j < n; j++) counts[values[rows[j]!]!]!++;
  else for (let j = 0; j < n; j++) if (isValid(column.valid, rows[j]!)) counts[values[rows[j]!]!]!++;
  return labelsOfCounts(column, counts);
}

function labelsOfCounts(column: Column, counts: Uint32Array): { label: string; count: number }[] {
  const present: { label: string; count: number }[] = [];
  for (let code = 0; code < counts.length; code++) if (counts[code]) present.push({ label: labelOfCode(column, code), count: counts[code]! });
  if (present.length > MAX_CATEGORIES) {
    throw new StepProblem(
      `Column "${column.name}" has ${present.length.toLocaleString('en')} different values in the training rows, more than ${MAX_CATEGORIES.toLocaleString('en')}: encoding it would make a column per value. Drop it, or use it as a group for the split.`,
    );
  }
  return present.sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

/** For each code of this frame's column, the index of its label in `labels`, or -1. */
export function codeToIndex(column: Column, labels: readonly string[]): Int32Array {
  if (column.kind === 'boolean') {
    // By value: a category learned as 'Yes' is this frame's true even where another file wrote it 'true'.
    const out = new Int32Array(2).fill(-1);
    labels.forEach((label, i) => {
      const bit = booleanBit(label);
      if (bit >= 0) out[bit] = i;
    });
    return out;
  }
  const index = new Map(labels.map((l, i) => [l, i]));
  const size = column.dictionary!.length;
  const out = new Int32Array(size);
  for (let code = 0; code < size; code++) out[code] = index.get(labelOfCode(column, code)) ?? -1;
  return out;
}
