/** Messages between the Prepare page and the prepare worker. */
import type { ColumnKind } from '../shared/column';
import type { ClassCount } from '../prepare/augment';
import type { StepPreview } from '../prepare/preview';
import type { Recipe } from '../prepare/recipe';
import type { PreparedColumn } from '../prepare/readiness';
import type { ColumnInfo } from '../prepare/run-steps';

export type TaskKind = 'classification' | 'regression';

export interface PrepareRequest {
  datasetId: string;
  recipe: Recipe;
  target: string | null;
  task: TaskKind | null;
  /** the step whose before/after the page shows */
  previewStepId: string | null;
  /** two numeric columns for the chart of real against generated rows */
  scatter: [string, string] | null;
}

export type StepState = 'fitted' | 'problem' | 'not-reached' | 'disabled';

export interface StepStatus {
  id: string;
  state: StepState;
  problem?: string;
  /** training rows and columns after this step */
  rowsAfter?: number;
  columnsAfter?: number;
  /** what its fit found that the learner should know (fewer bins than asked, say): shown beside it in the pipeline */
  note?: string;
  /** the columns this step receives, as its edit form offers them (a step that is off: those at its place); absent when the pipeline stopped before it */
  inputColumns?: ColumnInfo[];
}

export interface PartReport {
  part: 'train' | 'validation' | 'test';
  rows: number;
  /** per class, when the target is a classification target */
  classes: ClassCount[] | null;
}

export interface ScatterPoints {
  x: number[];
  y: number[];
}

export type AugmentReport =
  | {
      ok: true;
      added: number;
      before: ClassCount[] | null;
      after: ClassCount[] | null;
      scatter: { x: string; y: string; real: ScatterPoints; generated: ScatterPoints } | null;
      /** what the method could not do as asked (augment.ts Augmented.notes) */
      notes: string[];
    }
  | { ok: false; problem: string };

/** What preparing a held-out part's rows found: copies of training rows, and rows the recipe flagged. */
export interface HeldOutCheck {
  part: 'validation' | 'test';
  /** the part's rows */
  rows: number;
  /** of them, how many were compared (all, or a sample spread evenly through the part) */
  checked: number;
  /** of those checked, how many copy a training row in every prepared column */
  copies: number;
  /** of those checked, how many a row-removing step flagged (it would have dropped them from training) */
  flagged: number;
}

export interface PrepareReport {
  /** notes: what the split could not do quite as asked (rows it could not place in time, groups that miss the shares) */
  split: { ok: true; parts: PartReport[]; notes: string[] } | { ok: false; problem: string };
  steps: StepStatus[];
  preview: StepPreview | null;
  /** the columns after the whole pipeline, as the model will see them, with how many training rows miss each */
  columns: PreparedColumn[];
  /** numeric columns after the pipeline, for the augmentation chart's pickers */
  augment: AugmentReport | null;
  /** validation and test rows that copy a training row or that the recipe flags, and what to tell the learner of each (null: none); null when the pipeline did not fit */
  heldOut: { parts: HeldOutCheck[]; copiesWarning: string | null; flaggedNote: string | null } | null;
  /** enabled steps carried over from an earlier report's fit of the same rows, not fitted again */
  reusedSteps: number;
  seconds: number;
}

export interface PrepareProgress {
  phase: 'loading' | 'splitting' | 'fitting' | 'augmenting';
  done: number;
  total: number;
}

/** Dataset rows with the recipe's cell edits applied, for the labels table. */
export interface EditableRows {
  rowCount: number;
  columns: { name: string; kind: ColumnKind }[];
  /** [dataset row, cells as text] */
  rows: { row: number; cells: string[] }[];
  /** why the edits cannot apply (the rows are then shown as imported; the pipeline names the step) */
  problem?: string;
}

/** The recipe fitted on the training part and applied to validation and test: what training uses. */
export interface PreparedSummary {
  rows: { train: number; validation: number; test: number };
  /** rows added to the training part by augmentation */
  added: number;
  columns: { name: string; kind: ColumnKind }[];
  seconds: number;
  /** seconds per phase: 'split', each step's id (its fit and transform of the training part; the first also holds the partition), 'apply to validation and test' */
  timings: { phase: string; seconds: number }[];
}

export type PreparedResult = { ok: true; summary: PreparedSummary } | { ok: false; problem: string };

export interface PrepareWorkerApi {
  /** Split, fit on the training part, apply to validation and test, augment the training part. */
  prepare(request: Omit<PrepareRequest, 'previewStepId' | 'scatter'>, onProgress: (p: PrepareProgress) => void): Promise<PreparedResult>;
  /** Benchmarks' reference: seconds for one plain loop reading every value of the dataset's typed arrays once. */
  readEveryValue(datasetId: string): Promise<{ seconds: number; sum: number; freshWriteSeconds: number }>;
  report(request: PrepareRequest, onProgress: (p: PrepareProgress) => void): Promise<PrepareReport>;
  /** Benchmarks' cold start: the next report fits every step again. */
  forgetFits(): Promise<void>;
  /** The named rows of a stored dataset as imported (no step applied), for the rows Evaluate lists. */
  datasetRows(datasetId: string, rowIds: number[]): Promise<EditableRows>;
  /** rows [start, start + count) of the dataset, after the recipe's edit steps only; `where` filters first */
  rows(datasetId: string, recipe: Recipe, start: number, count: number): Promise<EditableRows>;
}
