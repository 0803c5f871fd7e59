/**
 * Which rows cross-validation scores, and the sentences that say what it left out or counted as
 * wrong. Rows without a target are left out before the folds are formed; a held-out row of a class
 * its fold's training rows never had is scored, as a wrong prediction.
 */
import type { Table } from '../shared/column';
import type { Frame } from '../prepare/frame';
import { classLabel, flaggedRowsSentence, sortedClasses, toMatrices, type Layout, type ScoredMatrices } from '../train/training-data';
import type { FoldPredictions } from './cross-validate';

/**
 * The split's parts with every training or validation row that has no target moved out of the
 * folds (to part 2, which cross-validation neither folds nor trains on), and how many moved.
 * `table`: the dataset as the split reads it (after the label edits).
 *
 * Why before the folds, not per fold: a row without a target can never be scored, so a fold dealt
 * such rows is scored on fewer rows than its share, and a fold dealt only such rows has no score at
 * all (RMSE NaN, accuracy 0), which spoiled the mean of every fold. Dealing only scorable rows keeps
 * every fold scored and the folds the same size, as scikit-learn's KFold is when given the rows
 * that have a target. No model learned from them before either: training drops a row without a
 * target (only the recipe's steps, a scaler's mean say, saw them in each fold's fit).
 */
export function leaveOutNoTarget(table: Table, target: string, parts: Uint8Array): { parts: Uint8Array; noTarget: number } {
  const out = parts.slice();
  const column = table.columns.find((c) => c.name === target);
  let noTarget = 0;
  if (!column) return { parts: out, noTarget };
  for (let i = 0; i < out.length; i++) {
    if (out[i] === 2 || classLabel(column, i) !== null) continue;
    out[i] = 2;
    noTarget++;
  }
  return { parts: out, noTarget };
}

/** The sentence for the rows leaveOutNoTarget moved out; null when none. */
export function noTargetNote(rows: number): string | null {
  if (rows === 0) return null;
  const one = rows === 1;
  return `${rows.toLocaleString('en')} training and validation ${one ? 'row has' : 'rows have'} no target value: ${one ? 'it was' : 'they were'} left out before the folds were formed, so every fold is scored on rows that have one.`;
}

/** A fold's held-out rows as matrices, with the classes they are numbered by. */
export interface HeldOut {
  /** every held-out row with a target, in order */
  matrices: ScoredMatrices;
  /** the layout's classes, then those only held-out rows have (sorted as the layout's); null for regression */
  classes: string[] | null;
  /** how many of `classes`, from the first, the model was trained on */
  trained: number;
  /** how many of the rows scored the recipe flagged */
  flagged: number;
}

/** The sentence for held-out rows the recipe flagged, over all folds; null when none. */
export function flaggedFoldsNote(rows: number): string | null {
  return rows === 0 ? null : flaggedRowsSentence(rows, 'held-out', ' over the folds');
}

/**
 * The held-out rows as matrices in the fold's layout, rows of a class the fold's training rows
 * never had kept (toMatrices alone leaves them out): the model cannot predict such a class, so
 * scikit-learn scores those rows as errors, and leaving them out made the fold's score optimistic.
 */
export function heldOutMatrices(heldOut: Frame, layout: Layout, target: string): HeldOut {
  const known = layout.classes;
  const column = heldOut.table.columns.find((c) => c.name === target);
  if (!known || !column) {
    const { matrices, flagged } = toMatrices(heldOut, layout, target);
    return { matrices, classes: known, trained: known?.length ?? 0, flagged };
  }
  const seen = new Set(known);
  const unseen = new Set<string>();
  for (let i = 0; i < heldOut.table.rowCount; i++) {
    const label = classLabel(column, i);
    if (label !== null && !seen.has(label)) unseen.add(label);
  }
  const classes = [...known, ...sortedClasses(unseen, column)];
  const { matrices, flagged } = toMatrices(heldOut, { ...layout, classes }, target);
  return { matrices, classes, trained: known.length, flagged };
}

/**
 * The fold's predictions from the model's output for `held`: probabilities rows × trained classes
 * (or values), widened with a probability of 0 for each class the model never saw.
 */
export function foldPredictionsOf(held: HeldOut, output: Float32Array): FoldPredictions {
  const { matrices, classes, trained } = held;
  const base = { rows: matrices.rowIds ?? new Uint32Array(0), yTrue: matrices.yTrue, classes };
  if (!classes || classes.length === trained) return { ...base, predictions: output };
  const k = classes.length;
  const predictions = new Float32Array(matrices.rows * k);
  for (let r = 0; r < matrices.rows; r++) predictions.set(output.subarray(r * trained, (r + 1) * trained), r * k);
  return { ...base, predictions, trainedClasses: trained };
}

/** The sentence for a fold whose held-out rows include classes its training rows never had. */
export function unseenClassFoldNote(fold: number, rows: number, labels: readonly string[]): string {
  const one = rows === 1;
  const named = labels.map((l) => `"${l}"`).join(', ');
  return `Fold ${fold}: ${rows.toLocaleString('en')} held-out ${one ? 'row has' : 'rows have'} ${labels.length === 1 ? 'a class' : 'classes'} (${named}) that the fold’s training rows never had. A model cannot predict a class it never saw, so ${one ? 'the row counts as a wrong prediction' : 'they count as wrong predictions'} (probability 0 for ${one ? 'its' : 'their'} class in the log loss).`;
}
