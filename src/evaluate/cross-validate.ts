/**
 * k-fold cross-validation without leakage: for every fold the whole recipe — every pipeline step
 * and the augmentation — is fitted again on that fold's training rows only, the model is trained
 * from scratch, and the held-out fold is scored. The test part never takes part. The model is a
 * callback, so this file stays free of TF.js and is tested with a model of a few lines.
 */
import { augment } from '../prepare/augment';
import type { Frame } from '../prepare/frame';
import { prepareParts, type FittedPipeline } from '../prepare/pipeline';
import type { Recipe } from '../prepare/recipe';
import type { FitContext } from '../prepare/step';
import { StepProblem } from '../prepare/step-problem';
import { classLabel } from '../train/training-data';
import { unseenClassFoldNote } from './fold-rows';
import { accuracy, averaged, balancedAccuracy, confusionMatrix } from './metrics/classification';
import { logLoss } from './metrics/probabilistic';
import { mae, r2, rmse } from './metrics/regression';

export interface FoldPredictions {
  /** dataset rows of the held-out fold, in order */
  rows: Uint32Array;
  /** the targets as the dataset holds them (class indices, or values); float32 in evaluations stored by earlier versions */
  yTrue: Float64Array | Float32Array;
  /** probabilities (rows × classes) or values */
  predictions: Float32Array;
  classes: string[] | null;
  /**
   * How many of `classes`, from the first, the fold's training rows had (all when absent); the
   * rest only held-out rows have, the model gave them probability 0, and their rows score as wrong.
   */
  trainedClasses?: number;
}

/**
 * Train on the fold's prepared training rows and predict its prepared held-out rows. `real`: the
 * training rows before augmentation (the same frame as `train` without it), for what must
 * describe the learner's own rows: the baseline, the missing-value check.
 */
export type FitAndPredict = (train: Frame, heldOut: Frame, fold: number, real: Frame) => Promise<FoldPredictions>;

/** Said after an augmentation's problem in a fold: Prepare checked it on the whole training part. */
export const FOLD_AUGMENT_HINT = 'Each fold trains on fewer rows than the training part Prepare checked: choose fewer folds, or another augmentation.';

export interface FoldResult {
  fold: number;
  trainRows: number;
  heldOutRows: number;
  scores: Record<string, number>;
}

export interface CvResult {
  k: number;
  folds: FoldResult[];
  mean: Record<string, number>;
  /** sample standard deviation over folds (ddof = 1), as pandas' std */
  std: Record<string, number>;
  /** the pipeline as fitted in each fold: evidence that it was refitted */
  pipelines: FittedPipeline[];
  /** out-of-fold predictions for every train and validation row that has a target */
  outOfFold: FoldPredictions[];
  /** per fold, a sentence on held-out rows scored as wrong because their class was never trained on */
  notes: string[];
}

/** The fold's scores: the main metrics of its task. */
export function foldScores(p: FoldPredictions): Record<string, number> {
  const yTrue = Array.from(p.yTrue);
  if (!p.classes) {
    const predicted = Array.from(p.predictions);
    return { rmse: rmse(yTrue, predicted), mae: mae(yTrue, predicted), r2: r2(yTrue, predicted) };
  }
  const k = p.classes.length;
  const proba = yTrue.map((_, i) => Array.from(p.predictions.subarray(i * k, (i + 1) * k)));
  const predicted = proba.map((row) => row.reduce((best, x, j) => (x > row[best]! ? j : best), 0));
  const cm = confusionMatrix(yTrue, predicted, k);
  return { accuracy: accuracy(cm), 'balanced-accuracy': balancedAccuracy(cm), 'f1-macro': averaged(cm, 'macro').f1, 'log-loss': logLoss(yTrue, proba) };
}

export function meanAndStd(values: readonly number[]): { mean: number; std: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const std = values.length > 1 ? Math.sqrt(values.reduce((s, x) => s + (x - mean) ** 2, 0) / (values.length - 1)) : 0;
  return { mean, std };
}

export interface CvInputs {
  frame: Frame;
  /** the run's split: part per dataset row; test rows (2) are left out */
  parts: Uint8Array;
  /** fold per dataset row, 0 … k − 1 (ignored for test rows); forward: blocks 0 … k in time order */
  folds: Uint8Array;
  k: number;
  /**
   * Folds in time order (assignFolds 'ordered'): fold f trains on the blocks before it only and
   * is scored on block f, as TimeSeriesSplit, so no model is scored on rows older than the rows
   * it learned from. Block 0 only trains.
   */
  forward?: boolean;
  recipe: Recipe;
  target: string;
  task: 'classification' | 'regression';
  /** how the dataset's file was written (its decimal comma): each fold's refit is told it, as training's fit was */
  context?: FitContext;
}

export async function crossValidate(inputs: CvInputs, fitAndPredict: FitAndPredict, onFold?: (done: number) => void, cancelled?: () => boolean): Promise<CvResult> {
  const { frame, parts, folds, k, recipe, forward = false } = inputs;
  const results: FoldResult[] = [];
  const pipelines: FittedPipeline[] = [];
  const outOfFold: FoldPredictions[] = [];
  const notes: string[] = [];
  for (let fold = forward ? 1 : 0; fold < (forward ? k + 1 : k); fold++) {
    if (cancelled?.()) throw new CvCancelled();
    // This fold's split: held-out fold as "validation", the other folds (forward: the earlier
    // blocks) as "train"; test, and forward the later blocks, stay out.
    const foldParts = new Uint8Array(parts.length);
    let heldOut = 0;
    for (let i = 0; i < parts.length; i++) {
      const f = folds[i]!;
      foldParts[i] = parts[i] === 2 ? 2 : f === fold ? 1 : forward && f > fold ? 2 : 0;
      heldOut += +(foldParts[i] === 1);
    }
    // A fold with nothing to score would count as a score of 0 in the mean.
    if (heldOut === 0) throw new StepProblem(`Fold ${results.length + 1} holds no rows to score: choose fewer folds.`);
    const prepared = prepareParts(recipe.steps, frame, foldParts, { context: inputs.context });
    if (!prepared.ok) throw new StepProblem(`Fold ${results.length + 1}: ${prepared.problem}`);
    const real = prepared.frames.train;
    let train = real;
    if (recipe.augment.method !== 'none') {
      try {
        train = augment(recipe.augment, real, inputs.target, inputs.task).frame;
      } catch (e) {
        if (!(e instanceof StepProblem)) throw e;
        throw new StepProblem(`Fold ${results.length + 1} (its training rows): ${e.message} ${FOLD_AUGMENT_HINT}`);
      }
    }
    const predictions = await fitAndPredict(train, prepared.frames.validation, results.length, real);
    // Scores of no rows are NaN (or a ratio of 0/0 read as 0) and would spoil every mean.
    if (predictions.rows.length === 0) throw new StepProblem(noRowToScore(results.length + 1, prepared.frames.validation, inputs.target));
    const unseen = unseenClassRows(predictions);
    if (unseen.rows > 0) notes.push(unseenClassFoldNote(results.length + 1, unseen.rows, unseen.labels));
    results.push({ fold: results.length + 1, trainRows: train.table.rowCount, heldOutRows: predictions.rows.length, scores: foldScores(predictions) });
    pipelines.push(prepared.fitted);
    const { rows, yTrue, predictions: p, classes } = predictions;
    outOfFold.push({ rows, yTrue, predictions: p, classes });
    onFold?.(results.length);
  }
  const keys = Object.keys(results[0]?.scores ?? {});
  const stats = Object.fromEntries(keys.map((key) => [key, meanAndStd(results.map((r) => r.scores[key]!))]));
  return {
    k,
    folds: results,
    mean: Object.fromEntries(keys.map((key) => [key, stats[key]!.mean])),
    std: Object.fromEntries(keys.map((key) => [key, stats[key]!.std])),
    pipelines,
    outOfFold,
    notes,
  };
}

/** Why a fold has no held-out row to score; its held-out rows all lack a target (a recipe step can blank one). */
function noRowToScore(fold: number, heldOut: Frame, target: string): string {
  const n = heldOut.table.rowCount;
  const column = heldOut.table.columns.find((c) => c.name === target);
  let missing = 0;
  for (let i = 0; i < n; i++) missing += +(!column || classLabel(column, i) === null);
  const rows = missing === n ? (n === 1 ? 'its held-out row has' : `its ${n.toLocaleString('en')} held-out rows have`) : `${missing.toLocaleString('en')} of its ${n.toLocaleString('en')} held-out rows have`;
  return `Fold ${fold} has no held-out row to score: ${rows} no target value. Choose fewer folds, or fill in their target in Prepare.`;
}

/** The held-out rows of classes the fold's training rows never had, and those classes. */
function unseenClassRows(p: FoldPredictions): { rows: number; labels: string[] } {
  if (!p.classes || p.trainedClasses === undefined) return { rows: 0, labels: [] };
  const trained = p.trainedClasses;
  let rows = 0;
  for (const y of p.yTrue) if (y >= trained) rows++;
  return { rows, labels: p.classes.slice(trained) };
}

export class CvCancelled extends Error {
  constructor() {
    super('Cross-validation was cancelled.');
  }
}
