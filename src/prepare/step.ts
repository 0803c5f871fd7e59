/**
 * The step contract. A step's spec is plain JSON (params in); `fit` learns every parameter it
 * needs from the training rows only and returns it as plain JSON (learned state out);
 * `transform` is pure and applies that learned state unchanged to any rows. Leakage is then
 * impossible by construction: nothing but `fit` ever sees the training rows' statistics.
 */
import type * as v from 'valibot';
import type { Frame } from './frame';

/**
 * 'train': the training rows while the pipeline is fitted; row-removing steps remove rows.
 * 'apply': any other rows (validation, test, new files); no row is ever dropped, it is
 * imputed or clipped and flagged instead.
 */
export type RowMode = 'train' | 'apply';

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
  /** learn from the training rows; throws StepProblem when the step cannot apply */
  fit(params: P, train: Frame): L;
  transform(params: P, learned: L, frame: Frame, mode: RowMode): Frame;
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
