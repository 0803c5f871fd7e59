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
export interface DatasetRow {
  id: string;
  projectId: string;
  parentId: string | null;
  [field: string]: unknown;
}
export interface ChunkRow {
  datasetId: string;
  column: string;
  chunk: number;
  [field: string]: unknown;
}
export interface ProfileRow {
  datasetId: string;
  [field: string]: unknown;
}
export interface RecipeRow {
  id: string;
  projectId: string;
  [field: string]: unknown;
}
export interface SplitRow {
  id: string;
  datasetId: string;
  [field: string]: unknown;
}
export interface RunRow {
  id: string;
  projectId: string;
  status: string;
  [field: string]: unknown;
}
export interface ArtifactRow {
  runId: string;
  kind: string;
  [field: string]: unknown;
}
export interface EvaluationRow {
  id: string;
  runId: string;
  [field: string]: unknown;
}
export interface BatchRow {
  id: string;
  projectId: string;
  [field: string]: unknown;
}
