import type { ColumnKind } from '../shared/column';
import type { RowRun } from '../shared/row-runs';

/**
 * The shapes of stored rows. Storage knows nothing of the stages' types: a project's plan is
 * stored as plain JSON and each stage normalises what it reads (see plan/plan.ts).
 */

export interface MetaRow {
  key: string;
  value: unknown;
}

export interface ProjectRow {
  id: string;
  name: string;
  /** epoch ms */
  createdAt: number;
  /** epoch ms; indexed, for "recently changed first" */
  updatedAt: number;
  /** the project's default seed for splits, folds and training */
  seed: number;
  activeDatasetId: string | null;
  /** JSON written by plan/plan.ts; read back through normalizePlan */
  plan: unknown;
}

/** Rows of the tables later stages fill; only the keys storage itself relies on are typed. */
/** Where a dataset's rows came from: the file and how it was read. */
export interface DatasetSource {
  fileName: string;
  /** bytes */
  size: number;
  /** xxhash64 of the file's bytes, hex: notices the same file imported twice */
  hash: string;
  encoding: string;
  delimiter: string;
  quoteChar: string;
  hasHeader: boolean;
  decimalComma: boolean;
  /** lines before the header that were left out (comments); absent in datasets stored before it was kept */
  skipLines?: number;
  /** the lines ended with a separator closing the last field, which was ignored */
  trailingDelimiter?: boolean;
  /**
   * the order year-last dates were read in ('dmy': 01/02/2024 is 1 February), by column: date
   * columns (`assumed` when every day was 12 or less), and label columns whose values proved one
   */
  dateOrders?: Record<string, { order: 'ymd' | 'dmy' | 'mdy'; assumed?: boolean }>;
}

/** One column's metadata; its values live in the chunks table. */
export interface ColumnMeta {
  name: string;
  kind: ColumnKind;
  missing: number;
  /** distinct dictionary entries, for dictionary-coded kinds (the strings are in chunk -1) */
  dictionarySize?: number;
  /** for booleans: how the file wrote false and true (shared/column.ts Column.words) */
  words?: readonly [string, string];
}

/** How a dataset was made: imported, or derived from its parent (lineage). */
export type DatasetRecipe =
  | { kind: 'import' }
  | { kind: 'sample'; sampleId: string }
  | { kind: 'append'; otherFile: string }
  | { kind: 'join'; otherFile: string; key: string; how: 'inner' | 'left' }
  | { kind: 'retype'; column: string; from: ColumnKind; to: ColumnKind };

export interface DatasetRow {
  id: string;
  projectId: string;
  /** the dataset this one was derived from, or null for an import */
  parentId: string | null;
  name: string;
  /** 'ready' once every chunk is committed; written in the same transaction as the chunks */
  status: 'importing' | 'ready';
  createdAt: number;
  source: DatasetSource;
  recipe: DatasetRecipe;
  rowCount: number;
  columns: ColumnMeta[];
  /** what the import changed or could not read, in sentences for the user */
  notes: string[];
  /** which rows these are, by where each was first stored (shared/row-runs.ts); absent in datasets stored before they were kept */
  rowRuns?: RowRun[];
}

/** Rows per chunk (65,536): the chunk grid imports build columns on, in shared/. */
export { CHUNK_ROWS } from '../shared/chunked-column';

/**
 * Up to CHUNK_ROWS values of one column. `chunk` -1 holds the column's dictionary instead.
 * `column` is the column's position, so renaming a column never rewrites its chunks.
 */
export interface ChunkRow {
  datasetId: string;
  column: number;
  chunk: number;
  /** the typed array's bytes (Float64Array, Uint32Array or Uint8Array by kind) */
  values?: ArrayBuffer;
  /** validity bitmap bytes for these rows */
  valid?: ArrayBuffer;
  dictionary?: string[];
}
export interface ProfileRow {
  datasetId: string;
  /** the profile format's version: an older one is recomputed, never misread */
  version: number;
  /** written by data/profile.ts */
  profile: unknown;
}
/** One saved state of a project's Prepare recipe. */
export interface RecipeVersion {
  version: number;
  /** epoch ms */
  savedAt: number;
  /** JSON written by prepare/recipe.ts; read back through normalizeRecipe */
  recipe: unknown;
}

/** A project's Prepare recipe: the current version, and earlier ones that runs may name. */
export interface RecipeRow {
  id: string;
  projectId: string;
  /** the dataset the recipe was built on */
  datasetId: string | null;
  version: number;
  updatedAt: number;
  recipe: unknown;
  /** earlier versions, newest last, at most RECIPE_HISTORY of them */
  history: RecipeVersion[];
}
export interface SplitRow {
  id: string;
  datasetId: string;
  [field: string]: unknown;
}
/** Where a run is: training, ended one way or another, or cut off (the tab closed mid-run). */
export type RunStatus = 'running' | 'completed' | 'early-stopped' | 'stopped' | 'diverged' | 'failed' | 'interrupted';

/** One training run, written as it goes. Stage-specific parts are plain JSON the train stage reads back. */
export interface RunRow {
  id: string;
  projectId: string;
  /** indexed */
  status: RunStatus;
  name: string;
  createdAt: number;
  updatedAt: number;
  /** written every few seconds while running; a stale one means the run was cut off */
  heartbeatAt: number;
  datasetId: string;
  recipeVersion: number;
  /** the recipe as trained (prepare/recipe.ts Recipe), so cross-validation and importance split and refit exactly as training did, however far the recipe has moved on; absent in runs stored before it was kept */
  recipe?: unknown;
  target: string;
  task: 'classification' | 'regression';
  /** the model and its settings (train/model-spec.ts) */
  spec: unknown;
  backend: string;
  /** why this backend, and any fallback on the way */
  backendNote: string;
  /** per-epoch figures (train/train-loop.ts EpochRecord) */
  history: unknown[];
  bestEpoch: number;
  /** features, classes and notes (train/training-data.ts Layout) */
  layout: unknown;
  /** the fitted pipeline (prepare/pipeline.ts FittedPipeline), applied unchanged at prediction */
  pipeline: unknown;
  /** the baseline's loss and metric on the same parts */
  baseline: unknown;
  rows: { train: number; validation: number; test: number };
  /** held-out rows left out of the figures, their class absent from training (train/training-data.ts); absent in runs stored before it was kept */
  unseenClassRows?: { validation: number; test: number };
  /** held-out rows scored though the recipe flagged them, and missing feature values read as 0 (train/training-data.ts); absent in runs stored before it was kept */
  flaggedRows?: { validation: { rows: number; filled: number }; test: { rows: number; filled: number } };
  /** rows of each part left out for a missing target: not trained on, not scored (train/training-data.ts); absent in runs stored before it was kept */
  unlabelledRows?: { train: number; validation: number; test: number };
  seconds: number;
  message: string | null;
  tags: string[];
  notes: string;
  starred: boolean;
  versions: { app: string; tfjs: string };
}

/** A run's model: TF.js topology, weight specs and weight bytes, with what reading it back needs. */
export interface ArtifactRow {
  runId: string;
  kind: string;
  [field: string]: unknown;
}
export type EvaluationRow = HoldoutEvaluation | CvEvaluation;

/** A run's predictions on one held-out part, from which every metric of the Evaluate page is computed. */
export interface HoldoutEvaluation {
  id: string;
  runId: string;
  kind: 'holdout';
  part: 'train' | 'validation' | 'test';
  /** the dataset rows predicted, in order */
  rows: Uint32Array;
  /** class index (classification) or value (regression) per row, as the dataset holds it (float32 in rows stored by earlier versions) */
  yTrue: Float64Array | Float32Array;
  /** classification: row-major probabilities, rows × classes; regression: one prediction per row */
  predictions: Float32Array;
  /** the baseline's predictions in the same layout, to show beside the model's */
  baseline: Float32Array;
  classes: string[] | null;
  createdAt: number;
}

/** A run's k-fold cross-validation: per-fold scores, mean and std, and the out-of-fold predictions. */
export interface CvEvaluation {
  id: string;
  runId: string;
  kind: 'cv';
  k: number;
  folds: { fold: number; trainRows: number; heldOutRows: number; scores: Record<string, number> }[];
  mean: Record<string, number>;
  std: Record<string, number>;
  outOfFold: { rows: Uint32Array; yTrue: Float64Array | Float32Array; predictions: Float32Array; classes: string[] | null }[];
  seconds: number;
  /** what the recipe, the split or a fold's rows changed about these scores, one note a line (joined with '\n'); null when nothing did */
  note: string | null;
  createdAt: number;
}
export interface BatchRow {
  id: string;
  projectId: string;
  [field: string]: unknown;
}
