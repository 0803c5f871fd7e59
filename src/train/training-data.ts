/**
 * Prepared frames as the matrices a model trains on: float32 features, row-major, and the
 * target as a class index or a number. Pure: no TF.js here, so it is tested in Node directly.
 */
import { count, listWords } from '../data/words';
import { booleanWord, countMissing, isValid, type Column } from '../shared/column';
import { labelAt, type Frame } from '../prepare/frame';
import { featureVerdict, readinessOf } from '../prepare/readiness';

export type Task = 'classification' | 'regression';

export interface Matrices {
  rows: number;
  /** each row's index in the stored dataset (absent for generated data) */
  rowIds?: Uint32Array;
  /** row-major rows × features */
  x: Float32Array;
  /** class index (classification) or value (regression) per row */
  y: Float32Array;
}

/** Matrices of a frame's rows, with their targets as the dataset holds them. */
export interface ScoredMatrices extends Matrices {
  /**
   * The targets in float64, as the dataset holds them: what every figure is computed against.
   * `y` is their float32 copy for the model, which keeps about 7 digits (123456789 reads 123456792).
   */
  yTrue: Float64Array;
}

export interface Layout {
  features: string[];
  /** class labels, index = class (classification); null for regression */
  classes: string[] | null;
  /** what was left out, in sentences */
  notes: string[];
  /** what Prepare's steps did to the target that is rarely meant (prepare/target-note.ts), each naming its step; absent in runs stored before */
  targetNotes?: string[];
  /** why this model may learn slowly from these features, far from unit scale (train/feature-scales.ts); absent when they are not, and in runs stored before */
  scaleNote?: string;
}

/** How many classes a model of this layout predicts; null for regression. */
export const classCountOf = (layout: Layout): number | null => layout.classes?.length ?? null;

export type LayoutOutcome = { ok: true; layout: Layout } | { ok: false; problem: string };

const columnsWord = (names: readonly string[]) => `${names.length === 1 ? 'Column' : 'Columns'} ${listWords(names.map((name) => `"${name}"`))}`;

function categoriesProblem(names: readonly string[]): string {
  if (!names.length) return '';
  const one = names.length === 1;
  return `${columnsWord(names)} ${one ? 'holds' : 'hold'} categories, which a model cannot read as numbers: add a one-hot or ordinal encoding step for ${one ? 'it' : 'each'} in Prepare, or drop ${one ? 'it' : 'them'}.`;
}

function gapsProblem(gaps: readonly { name: string; missing: number }[]): string {
  if (!gaps.length) return '';
  const values = (k: number) => `${k.toLocaleString('en')} missing value${k === 1 ? '' : 's'}`;
  if (gaps.length === 1) return `Column "${gaps[0]!.name}" has ${values(gaps[0]!.missing)} in the training rows: add a "Fill missing values" step for it in Prepare, or drop it.`;
  const each = listWords(gaps.map((g) => `"${g.name}" (${g.missing.toLocaleString('en')})`));
  return `Columns ${each} have missing values in the training rows: add a "Fill missing values" step for them in Prepare, or drop them.`;
}

/** The features and classes, read from the (prepared) training rows. */
export function layoutOf(train: Frame, target: string, task: Task): LayoutOutcome {
  const n = train.table.rowCount;
  const targetColumn = train.table.columns.find((c) => c.name === target);
  if (!targetColumn) return { ok: false, problem: `The target "${target}" is not among the prepared columns: did a step drop or rename it?` };
  // Gaps are counted only in columns that could be features; Prepare's page sorts its columns by the same rule (readiness.ts).
  const missingIn = (c: Column) => (featureVerdict(c.kind, 0) === 'feature' ? countMissing(c.valid, n) : 0);
  const { features, categories, gaps, leftOut } = readinessOf(train.table.columns.map((c) => ({ name: c.name, kind: c.kind, missing: missingIn(c) })), target);
  // Every column that stops training is named at once: a learner fixing them one refusal at a time would train as many times.
  if (categories.length || gaps.length) return { ok: false, problem: [categoriesProblem(categories), gapsProblem(gaps)].filter((p) => p).join(' ') };
  const kindOf = new Map(train.table.columns.map((c) => [c.name, c.kind]));
  const notes = leftOut.map((name) => `Column "${name}" (${kindOf.get(name) === 'identifier' ? 'an identifier' : 'free text'}) is left out of the features.`);
  if (features.length === 0) return { ok: false, problem: 'No numeric feature is left after Prepare: the model would have nothing to learn from.' };
  if (task === 'regression') {
    if (targetColumn.kind !== 'numeric') return { ok: false, problem: `The target "${target}" is ${targetColumn.kind}, not numeric, so this cannot be a regression: set the task type in Plan.` };
    return { ok: true, layout: { features, classes: null, notes } };
  }
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    const label = classLabel(targetColumn, i);
    if (label !== null) seen.add(label);
  }
  if (seen.size === 0) return { ok: false, problem: `No training row has a value for the target "${target}": a classifier needs rows of at least two classes.` };
  if (seen.size < 2) return { ok: false, problem: `The target "${target}" has ${count(seen.size, 'class', 'classes')} in the training rows: a classifier needs at least two.` };
  if (seen.size > 1000) return { ok: false, problem: `The target "${target}" has ${seen.size} different values: is it really a class? For numbers, set the task type to regression in Plan.` };
  return { ok: true, layout: { features, classes: sortedClasses(seen, targetColumn), notes } };
}

/** Class labels in np.unique's order, as LabelEncoder: numbers by value (2, 9, 10, not "10", "2", "9"), labels as strings. */
export function sortedClasses(labels: Iterable<string>, target: Column): string[] {
  // False before true, however the file spelled them ('No' and 'Yes', or 'yes' and 'NO'): the positive class is true's.
  if (target.kind === 'boolean') {
    const seen = new Set(labels);
    return [booleanWord(target, 0), booleanWord(target, 1)].filter((w) => seen.has(w));
  }
  const numeric = target.kind === 'numeric' || target.kind === 'datetime';
  return numeric ? [...labels].sort((a, b) => Number(a) - Number(b)) : [...labels].sort();
}

/** A row's target as a class label (numbers as their text), or null when it has none. */
export function classLabel(column: Column, row: number): string | null {
  if (column.kind === 'numeric' || column.kind === 'datetime') return isValid(column.valid, row) ? String(column.values[row]) : null;
  return labelAt(column, row);
}

/**
 * A frame's rows as matrices in the layout. Rows whose target is missing or a class training
 * never saw cannot be scored, so they are left out and counted (`skipped` all of them,
 * `unseenClass` those with an unseen class); a missing feature value (rare: a step can leave one
 * outside training) becomes 0 and is counted, as are the rows kept that the recipe flagged.
 */
export function toMatrices(frame: Frame, layout: Layout, target: string): { matrices: ScoredMatrices; skipped: number; unseenClass: number; filled: number; flagged: number } {
  const n = frame.table.rowCount;
  const byName = new Map(frame.table.columns.map((c) => [c.name, c]));
  const columns = layout.features.map((f) => byName.get(f));
  const targetColumn = byName.get(target);
  const classIndex = layout.classes ? new Map(layout.classes.map((c, i) => [c, i])) : null;
  const y = new Float32Array(n);
  const exact = new Float64Array(n);
  const keep: number[] = [];
  let unseenClass = 0;
  for (let i = 0; i < n; i++) {
    if (!targetColumn) break;
    if (classIndex) {
      const label = classLabel(targetColumn, i);
      if (label === null) continue;
      const k = classIndex.get(label);
      if (k === undefined) {
        unseenClass++;
        continue;
      }
      exact[keep.length] = k;
    } else {
      if (!isValid(targetColumn.valid, i)) continue;
      exact[keep.length] = targetColumn.values[i]!;
    }
    y[keep.length] = exact[keep.length]!;
    keep.push(i);
  }
  const d = layout.features.length;
  const x = new Float32Array(keep.length * d);
  let filled = 0;
  columns.forEach((c, j) => {
    if (!c) {
      filled += keep.length;
      return;
    }
    const values = c.values;
    for (let r = 0; r < keep.length; r++) {
      const i = keep[r]!;
      if (isValid(c.valid, i)) x[r * d + j] = values[i]!;
      else filled++;
    }
  });
  const rowIds = Uint32Array.from(keep, (i) => frame.rowIds[i]!);
  let flagged = 0;
  for (const i of keep) flagged += frame.flagged[i]!;
  return { matrices: { rows: keep.length, rowIds, x, y: y.slice(0, keep.length), yTrue: exact.slice(0, keep.length) }, skipped: n - keep.length, unseenClass, filled, flagged };
}

/** Rows of each held-out part left out because their class never occurred in training. */
export interface UnseenClassRows {
  validation: number;
  test: number;
}

/** One sentence per part that lost rows to a class training never had, e.g. "3 validation rows have a class…". */
export function unseenClassNotes(counts: UnseenClassRows): string[] {
  return (['validation', 'test'] as const).flatMap((part) => unseenClassNote(counts, part) ?? []);
}

/** The sentence for one part; null when it lost no rows. */
export function unseenClassNote(counts: UnseenClassRows, part: keyof UnseenClassRows): string | null {
  const k = counts[part];
  if (k === 0) return null;
  const one = k === 1;
  return `${k.toLocaleString('en')} ${part} ${one ? 'row has' : 'rows have'} a class the training rows never had, so ${one ? 'it is' : 'they are'} left out of the ${part} figures.`;
}

/** Rows of each part left out because their target is missing. */
export interface UnlabelledRows {
  train: number;
  validation: number;
  test: number;
}

/** The sentence for one part's rows with no target; null when it has none. Example: '2 test rows have no target value, so they are left out of the test figures.' */
export function unlabelledNote(counts: UnlabelledRows, part: keyof UnlabelledRows): string | null {
  const k = counts[part];
  if (k === 0) return null;
  const [have, they] = k === 1 ? ['row has', 'it is'] : ['rows have', 'they are'];
  const where = part === 'train' ? 'left out of training' : `left out of the ${part} figures`;
  return `${k.toLocaleString('en')} ${part === 'train' ? 'training' : part} ${have} no target value, so ${they} ${where}.`;
}

/** One sentence per part with rows that have no target. */
export function unlabelledNotes(counts: UnlabelledRows): string[] {
  return (['train', 'validation', 'test'] as const).flatMap((part) => unlabelledNote(counts, part) ?? []);
}

/** Held-out rows each part scores though the recipe flagged them, and their feature values read as 0 for being missing. */
export interface FlaggedRows {
  validation: { rows: number; filled: number };
  test: { rows: number; filled: number };
}

/** "3 test rows were flagged by the recipe: …" (`where` after "recipe", e.g. " over the folds"). */
export function flaggedRowsSentence(rows: number, kind: string, where = ''): string {
  const one = rows === 1;
  return `${rows.toLocaleString('en')} ${kind} ${one ? 'row was' : 'rows were'} flagged by the recipe${where}: a step would have removed ${one ? 'it' : 'them'} from the training rows (duplicates, outliers, a filter, missing values) or met a value the training rows never had. ${one ? 'It is' : 'They are'} scored as the recipe left ${one ? 'it' : 'them'}.`;
}

/** One sentence per part whose scored rows the recipe flagged (as flaggedNote). */
export function flaggedNotes(counts: FlaggedRows): string[] {
  return (['validation', 'test'] as const).flatMap((part) => flaggedNote(counts, part) ?? []);
}

/**
 * What Evaluate says beside one part's figures about its flagged rows; null when none. Rows a
 * step removes from training (duplicates, outliers, a filter, missing values) or whose value
 * training never saw are kept in the other parts, flagged, never dropped silently.
 */
export function flaggedNote(counts: FlaggedRows, part: keyof FlaggedRows): string | null {
  const { rows, filled } = counts[part];
  if (rows === 0 && filled === 0) return null;
  const flagged = rows === 0 ? '' : flaggedRowsSentence(rows, part);
  const zeros = filled === 0 ? '' : `${filled.toLocaleString('en')} missing feature ${filled === 1 ? 'value was' : 'values were'} read as 0.`;
  return [flagged, zeros].filter(Boolean).join(' ');
}
