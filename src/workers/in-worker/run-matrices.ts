/**
 * A run's (or a cross-validation fold's) prepared rows as the matrices a model trains on, and the
 * baseline beside it. Augmentation appends generated rows after the real ones; the model trains
 * on all of them, but what describes the learner's data is read from the real rows only: the
 * layout's missing-value check (else a gap copied ten times by noise counts eleven times) and the
 * baseline (else oversampling makes its class shares 0.5/0.5 and almost any model "beats" it).
 */
import type { FoldPredictions } from '../../evaluate/cross-validate';
import type { Frame } from '../../prepare/frame';
import { fitBaseline, scoreBaseline, type Baseline } from '../../train/baseline';
import { predictBaseline } from '../../train/predict';
import { classCountOf, layoutOf, toMatrices, type Layout, type Matrices, type FlaggedRows, type ScoredMatrices, type Task, type UnlabelledRows, type UnseenClassRows } from '../../train/training-data';

export interface TrainingFrames {
  /** the training rows as the model sees them: prepared, then augmented */
  train: Frame;
  /** the same rows before augmentation (the same frame when nothing was added) */
  real: Frame;
}

export interface RunMatrices {
  layout: Layout;
  train: Matrices;
  /** the real training rows: what the baseline is fitted on */
  real: Matrices;
  validation: ScoredMatrices;
  test: ScoredMatrices;
  /** validation and test rows left out because their class never occurred in training */
  unseenClass: UnseenClassRows;
  /** rows of each part left out because their target is missing: not trained on, not scored */
  unlabelled: UnlabelledRows;
  /** validation and test rows scored though the recipe flagged them */
  flagged: FlaggedRows;
}

const NO_ROWS: ScoredMatrices = { rows: 0, rowIds: new Uint32Array(0), x: new Float32Array(0), y: new Float32Array(0), yTrue: new Float64Array(0) };

/**
 * The layout, read from the real training rows, and every part as matrices in it; or why the
 * rows cannot be trained on. `test` null: a fold, which holds out one part only.
 */
export function runMatrices(frames: TrainingFrames, validation: Frame, test: Frame | null, target: string, task: Task): { ok: true; data: RunMatrices } | { ok: false; problem: string } {
  const layout = layoutOf(frames.real, target, task);
  if (!layout.ok) return layout;
  const of = (f: Frame) => toMatrices(f, layout.layout, target);
  const trained = of(frames.train);
  const train = trained.matrices;
  const realOut = frames.real === frames.train ? trained : of(frames.real);
  const real = realOut.matrices;
  const held = of(validation);
  const tested = test ? of(test) : null;
  const unlabelled = (m: ReturnType<typeof of> | null) => (m ? m.skipped - m.unseenClass : 0);
  return {
    ok: true,
    data: {
      layout: layout.layout,
      train,
      real,
      validation: held.matrices,
      test: tested?.matrices ?? NO_ROWS,
      unseenClass: { validation: held.unseenClass, test: tested?.unseenClass ?? 0 },
      unlabelled: { train: unlabelled(realOut), validation: unlabelled(held), test: unlabelled(tested) },
      flagged: { validation: { rows: held.flagged, filled: held.filled }, test: { rows: tested?.flagged ?? 0, filled: tested?.filled ?? 0 } },
    },
  };
}

/** The run's baseline, fitted on the real training rows, with its loss and metric there and on validation (as a run stores it). */
export function runBaseline(data: Pick<RunMatrices, 'layout' | 'real' | 'validation'>): { model: Baseline; train: { loss: number; metric: number }; validation: { loss: number; metric: number } } {
  const model = fitBaseline(data.real, classCountOf(data.layout));
  return { model, train: scoreBaseline(model, data.real), validation: scoreBaseline(model, data.validation) };
}

/** A baseline fold's predictions for its held-out rows (`validation`), fitted on the fold's real training rows. */
export function foldBaseline(data: Pick<RunMatrices, 'layout' | 'real' | 'validation'>): FoldPredictions {
  const held = data.validation;
  const model = fitBaseline(data.real, classCountOf(data.layout));
  return { rows: held.rowIds ?? new Uint32Array(0), yTrue: held.yTrue, predictions: predictBaseline(model, held.rows), classes: data.layout.classes };
}
