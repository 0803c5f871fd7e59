/**
 * The step contract. A step's spec is plain JSON (params in); `fit` learns every parameter it
 * needs from the training rows only and returns it as plain JSON (learned state out);
 * `transform` is pure and applies that learned state unchanged to any rows. Leakage is then
 * impossible by construction: nothing but `fit` ever sees the training rows' statistics.
 */
import type * as v from 'valibot';
import type { RowRun } from '../shared/row-runs';
import type { LearnedLine, ShowValue } from './learned-lines';
import { columnwiseView, type ColumnwiseStep } from './columnwise';
import type { Frame } from './frame';
import { materialize, viewOf, type FrameView } from './frame-view';

/**
 * 'train': the training rows while the pipeline is fitted; row-removing steps remove rows.
 * 'apply': any other rows (validation, test, new files); no row is ever dropped, it is
 * imputed or clipped and flagged instead.
 */
export type RowMode = 'train' | 'apply';

/**
 * What a step's fit is told beyond the rows: how the dataset's file was written, and which rows
 * it holds. A step that relies on it records it in its learned state, so a fitted pipeline
 * applies without it. Example: { decimalComma: true } for a file that wrote 1.234,5.
 */
export interface FitContext {
  decimalComma: boolean;
  /** the dataset's row runs (shared/row-runs.ts): a label edit applies only to the row it was made on; absent, every edit applies */
  rowRuns?: readonly RowRun[];
}

export interface StepDef<P = unknown, L = unknown> {
  kind: string;
  /** the step's name in lists and menus */
  title: string;
  /** one line for learners: what it does and when to use it */
  explain: string;
  /** whether it removes training rows (duplicates, outliers, missing, filter) */
  removesRows: boolean;
  params: v.GenericSchema<unknown, P>;
  /** the columns whose before/after profiles the preview shows */
  columnsOf(params: P): string[];
  /** a one-line summary of this step with these params, for the pipeline list */
  describe(params: P): string;
  /** what the fit found that the learner should know (fewer bins than asked, say), for the step's preview; null: nothing */
  note?(params: P, learned: L): string | null;
  /**
   * What the fit learned, a line per column, for the step's preview; [] for a step that learns
   * nothing (the same rule for every row). Absent: not said.
   */
  learnedLines?(params: P, learned: L, show: ShowValue): LearnedLine[];
  /** learn from the training rows; throws StepProblem when the step cannot apply */
  fit(params: P, train: Frame, context?: FitContext): L;
  transform(params: P, learned: L, frame: Frame, mode: RowMode): Frame;
  /**
   * The same fit and transform over a FrameView, for the pipeline: rows read through row lists,
   * never copied. Steps without it are given a gathered Frame.
   */
  view?: ViewStep<P, L>;
  /** when it learns from and rewrites each of its columns on its own: the pipeline may run it column by column */
  columnwise?: ColumnwiseStep<P, L, unknown>;
}

export interface ViewStep<P, L> {
  fit(params: P, train: FrameView, context?: FitContext): L;
  transform(params: P, learned: L, view: FrameView, mode: RowMode): FrameView;
}

/** A step as stored in a recipe: no learned state. */
export interface StepSpec {
  /** stable across edits and reordering */
  id: string;
  kind: string;
  enabled: boolean;
  params: unknown;
}

/** Declare a step with its types inferred from the params schema. */
export function defineStep<P, L>(def: StepDef<P, L>): StepDef<P, L> {
  return def;
}

/**
 * Declare a step written over FrameViews. Its Frame fit and transform are the view ones over
 * the frame's view, so there is one implementation, and the conformance suite runs it.
 */
export function defineViewStep<P, L>(def: Omit<StepDef<P, L>, 'fit' | 'transform' | 'view'> & ViewStep<P, L>): StepDef<P, L> {
  const view: ViewStep<P, L> = { fit: def.fit, transform: def.transform };
  return {
    ...def,
    view,
    fit: (params, train, context) => view.fit(params, viewOf(train), context),
    transform: (params, learned, frame, mode) => materialize(view.transform(params, learned, viewOf(frame), mode)),
  };
}

/** Declare a columnwise step: its fit and transform are its columns' pieces, one after another. */
export function defineColumnwiseStep<P, L, Part>(def: Omit<StepDef<P, L>, 'fit' | 'transform' | 'view' | 'columnwise'> & { columnwise: ColumnwiseStep<P, L, Part> }): StepDef<P, L> {
  const { columnwise, ...rest } = def;
  return { ...defineViewStep<P, L>({ ...rest, ...columnwiseView(columnwise) }), columnwise: columnwise as ColumnwiseStep<P, L, unknown> };
}
