/**
 * Whether runs were scored on the same validation rows, with the same true values. Runs trained
 * before and after a change to the split, or to the labels (a relabel in Prepare), are scored on
 * other rows or against other labels: a gap between their figures may come from the rows, not
 * the models, and the comparison says so beside their figures.
 */
import { count } from '../data/words';
import type { HoldoutEvaluation } from '../storage/rows';

/**
 * The true value of a scored row, as text: class indices of two runs' class lists then compare by
 * label, and a target stored as float32 (by earlier versions) equals the same value in float64.
 */
const truthAt = (e: HoldoutEvaluation, i: number) => (e.classes ? (e.classes[e.yTrue[i]!] ?? '') : String(Math.fround(e.yTrue[i]!)));

/** Each scored row's true value, by dataset row. */
function truthByRow(e: HoldoutEvaluation): Map<number, string> {
  const truth = new Map<number, string>();
  e.rows.forEach((row, i) => truth.set(row, truthAt(e, i)));
  return truth;
}

/** How a run's scored rows differ from the reference's: rows only one of them has, and shared rows whose true value differs. */
export interface RowsDiffer {
  rows: number;
  labels: number;
}

function differ(run: Map<number, string>, reference: Map<number, string>): RowsDiffer | null {
  let rows = 0;
  let labels = 0;
  for (const [row, value] of run) {
    const other = reference.get(row);
    if (other === undefined) rows++;
    else if (other !== value) labels++;
  }
  for (const row of reference.keys()) if (!run.has(row)) rows++;
  return rows === 0 && labels === 0 ? null : { rows, labels };
}

/** A hash of the rows scored and their true values, in order: runs scored alike hash alike. */
function fingerprint(e: HoldoutEvaluation): string {
  let h = 0x811c9dc5;
  const mix = (x: number) => (h = Math.imul(h ^ x, 0x01000193));
  for (let i = 0; i < e.rows.length; i++) {
    mix(e.rows[i]!);
    const truth = truthAt(e, i);
    for (let c = 0; c < truth.length; c++) mix(truth.charCodeAt(c));
  }
  return `${e.rows.length}:${h >>> 0}`;
}

/**
 * For each evaluation, how it differs from the rows most of them were scored on (ties: the
 * first's), or null when alike. Runs are grouped by a hash first, so each is compared row by
 * row with the reference once: linear in the runs, not quadratic.
 */
export function scoredRowsDiffer(evaluations: readonly HoldoutEvaluation[]): (RowsDiffer | null)[] {
  const prints = evaluations.map(fingerprint);
  const alike = prints.map((p) => prints.filter((q) => q === p).length);
  const at = alike.indexOf(Math.max(...alike));
  if (at < 0) return [];
  const reference = truthByRow(evaluations[at]!);
  return evaluations.map((e, i) => (prints[i] === prints[at] ? null : differ(truthByRow(e), reference)));
}

/** "Scored on 3 other validation rows, and 2 rows labelled otherwise, than most runs." `classification` false: "with another target value". */
export function differenceNote(d: RowsDiffer, classification: boolean): string {
  const relabelled = `${count(d.labels, 'row')} ${classification ? 'labelled otherwise' : 'with another target value'}`;
  const parts = [d.rows > 0 ? count(d.rows, 'other validation row') : null, d.labels > 0 ? relabelled : null].filter((p) => p !== null);
  return `Scored on ${parts.join(', and ')} than most runs.`;
}

/** The comparison's warning when some runs were scored on other rows or labels. */
export const MIXED_ROWS_NOTE =
  'Not every run was scored on the same validation rows and labels (the split or the labels changed between them): a gap between those runs can come from the rows, not the models. Train them again on the current recipe to compare like with like.';
