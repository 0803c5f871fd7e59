/**
 * The typed protocol between the page and the import worker (called through comlink).
 * Only metadata and progress cross back: the parsed columns are written to IndexedDB by the
 * worker itself, so big buffers never travel to the page.
 */
import type { Inspection, InspectResult } from '../data/inspect';
import type { Dialect, TextEncoding } from '../data/dialect';
import type { DatasetRecipe } from '../storage/rows';

export interface ImportJob {
  /** increasing per page; a newer job cancels older ones */
  jobId: number;
  projectId: string;
  datasetName: string;
  file: File;
  /** the inspection, as the user adjusted it in the preview (column names, kinds, dialect) */
  inspection: Inspection;
  skipRagged: boolean;
  recipe: DatasetRecipe;
}

export type ImportPhase = 'reading' | 'saving';

export interface ImportProgress {
  jobId: number;
  phase: ImportPhase;
  bytesRead: number;
  totalBytes: number;
  rows: number;
  /** while saving: chunks written of total */
  chunksWritten: number;
  totalChunks: number;
}

export type ImportOutcome =
  | { ok: true; datasetId: string; rowCount: number; columnCount: number; notes: string[] }
  | { ok: false; reason: 'cancelled' | 'ragged' | 'malformed' | 'empty' | 'storage'; problem: string };

export interface ImportWorkerApi {
  inspect(file: File, overrides: { encoding?: TextEncoding; dialect?: Partial<Dialect> }): Promise<InspectResult>;
  /** xxhash64 of the file's bytes, hex */
  hash(file: File): Promise<string>;
  importFile(job: ImportJob, onProgress: (progress: ImportProgress) => void): Promise<ImportOutcome>;
  /** Cancel a job and every older one. */
  cancel(jobId: number): void;
}
