/**
 * The pipeline: steps fitted in order on the training rows, each on the output of the steps
 * before it, then applied unchanged to any other rows. The fitted pipeline is plain JSON
 * (params and learned state per step), so it can be stored with a run and exported with a model.
 */
import type { Frame } from './frame';
import { materialize, takeViewRows, viewOf, type FrameView } from './frame-view';
import type { FittedPipeline } from './fitted';
import { applyViews, fitAndApplyViews, type FitOptions } from './run-steps';
import type { RowMode, StepSpec } from './step';

export { parseStep, type FittedPipeline, type FittedStep, type ParsedStep } from './fitted';
export type { FitOptions, ObservedStep } from './run-steps';

export type FitOutcome = { ok: true; fitted: FittedPipeline; train: Frame } | { ok: false; stepId: string; problem: string };

/**
 * Fit the enabled steps on the training rows. Stops at the first step that cannot apply and
 * says which and why; nothing is half-fitted. `onStep` reports progress (steps done, total).
 */
export function fitPipeline(specs: readonly StepSpec[], train: Frame, options: FitOptions = {}): FitOutcome {
  const fit = fitAndApplyViews(specs, viewOf(train), [], options);
  return fit.ok ? { ok: true, fitted: fit.fitted, train: materialize(fit.train) } : fit;
}

/** Apply a fitted pipeline to rows it was not fitted on: nothing is refitted, no row is dropped. */
export function applyPipeline(fitted: FittedPipeline, frame: Frame, mode: RowMode = 'apply'): Frame {
  return materialize(applyViews(fitted, viewOf(frame), mode));
}

export interface PartFrames {
  train: Frame;
  validation: Frame;
  test: Frame;
}

/** Each part's rows (positions in the frame), in row order: a counting sort into one array. */
function partRows(frame: Frame, parts: Uint8Array): [Uint32Array, Uint32Array, Uint32Array] {
  const n = frame.table.rowCount;
  const ids = frame.rowIds;
  const counts = new Int32Array(3);
  for (let i = 0; i < n; i++) counts[parts[ids[i]!]!]!++;
  const [a, b] = [counts[0]!, counts[0]! + counts[1]!];
  const at = Int32Array.of(0, a, b);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[at[parts[ids[i]!]!]!++] = i;
  return [order.subarray(0, a), order.subarray(a, b), order.subarray(b)];
}

function partViews(frame: Frame, parts: Uint8Array): { train: FrameView; validation: FrameView; test: FrameView } {
  const whole = viewOf(frame);
  const [train, validation, test] = partRows(frame, parts).map((rows) => takeViewRows(whole, rows));
  return { train: train!, validation: validation!, test: test! };
}

/** The dataset's rows split by part (0 train, 1 validation, 2 test), each in row order. */
export function framesOfParts(frame: Frame, parts: Uint8Array): PartFrames {
  const views = partViews(frame, parts);
  return { train: materialize(views.train), validation: materialize(views.validation), test: materialize(views.test) };
}

/** At most `most` of a view's rows, spread evenly through it (all of them when it has no more). */
function spread(view: FrameView, most: number): FrameView {
  const n = view.rowCount;
  if (n <= most) return view;
  return takeViewRows(view, Uint32Array.from({ length: most }, (_, j) => Math.floor((j * n) / most)));
}

export type TrainingFitOutcome = { ok: true; fitted: FittedPipeline; train: FrameView; samples: [FrameView, FrameView] } | { ok: false; stepId: string; problem: string };

/**
 * Fit on the training part, leaving its rows as a view: for a report that does not need them
 * gathered. The fitted steps are also applied to at most `most` rows of validation and of test,
 * spread evenly through each: what they look like once prepared, for much less than the time of
 * preparing them all. Applying goes row by row, so a sampled row's values are prepared exactly as
 * they would be among all the others; only whether dedupe flags it depends on the rows beside it.
 */
export function fitTrainingPart(specs: readonly StepSpec[], frame: Frame, parts: Uint8Array, most: number, options: FitOptions = {}): TrainingFitOutcome {
  const split = partViews(frame, parts);
  const fit = fitAndApplyViews(specs, split.train, [spread(split.validation, most), spread(split.test, most)], { otherNames: ['validation', 'test'], ...options });
  return fit.ok ? { ok: true, fitted: fit.fitted, train: fit.train, samples: fit.others as [FrameView, FrameView] } : fit;
}

export type PreparedOutcome = { ok: true; fitted: FittedPipeline; frames: PartFrames } | { ok: false; stepId: string; problem: string };

/**
 * The whole of Prepare for one split: fit on the training part only, then apply the fitted
 * pipeline unchanged to validation and test. This is the one path training and
 * cross-validation go through, which is what the leakage test pins down. The parts are row
 * lists over the frame, gathered once, after the last step; each step is applied to validation
 * and test as soon as it is fitted (run-steps.ts).
 */
export function prepareParts(specs: readonly StepSpec[], frame: Frame, parts: Uint8Array, options: FitOptions = {}): PreparedOutcome {
  const split = partViews(frame, parts);
  const fit = fitAndApplyViews(specs, split.train, [split.validation, split.test], { otherNames: ['validation', 'test'], ...options });
  if (!fit.ok) return fit;
  const train = materialize(fit.train);
  options.phase?.('gather training rows');
  const [validation, test] = fit.others.map(materialize) as [Frame, Frame];
  options.phase?.('gather validation and test rows');
  return { ok: true, fitted: fit.fitted, frames: { train, validation, test } };
}
