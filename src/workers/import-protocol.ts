/**
 * The typed protocol between the page and the import worker (called through comlink).
 * Only metadata and progress cross back: the parsed columns are written to IndexedDB by the
 * worker itself, so big buffers never travel to the page.
 */
import type { Inspection, InspectResult } from '../data/inspect';
import type { DatasetProfile } from '../data/profile';
import type { ScatterResult } from '../data/scatter-sample';
import type { Dialect, TextEncoding } from '../data/dialect';
import type { DatasetRecipe } from '../storage/rows';
import type { ColumnKind } from '../shared/column';
import type { PartRange, PartResult, StreamOptions, StreamProgress } from '../data/csv-part';

export interface ImportJob {
  /** increasing per page: progress of an older job is ignored */
  jobId: number;
  projectId: string;
  datasetName: string;
  file: File;
  /** the inspection, as the user adjusted it in the preview (column names, kinds, dialect) */
  inspection: Inspection;
  skipRagged: boolean;
  recipe: DatasetRecipe;
  /** the file's hash when the preview already computed it */
  hash?: string;
  /** store the file read as UTF-8 even where bytes past its start are not UTF-8 (the learner said so); else the import stops and asks */
  keepNotUtf8?: boolean;
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
  | { ok: true; datasetId: string; rowCount: number; columnCount: number; notes: string[]; timings: ImportTimings }
  | { ok: false; reason: 'ragged' | 'malformed' | 'empty' | 'storage' | 'not-utf8'; problem: string };

/** The result of making a child dataset (a type change, an append, a join). */
export type DerivedOutcome = { ok: true; datasetId: string; notes: string[] } | { ok: false; problem: string };

/** Combine a stored dataset with a second file: append its rows, or join it on a key. */
export interface MergeRequest {
  parentId: string;
  file: File;
  how: 'append' | 'inner' | 'left';
  /** for joins: the key column in the dataset, and in the file */
  leftKey?: string;
  rightKey?: string;
  /** the file's encoding, when the learner chose it; else detected from its start */
  encoding?: TextEncoding;
  /** combine the file read as UTF-8 even where bytes past its start are not (the learner said so); else the preview stops and asks */
  keepNotUtf8?: boolean;
}

export type MergePreviewResult =
  | { ok: true; token: number; rowCount: number; columns: { name: string; kind: ColumnKind }[]; rows: string[][]; notes: string[] }
  | { ok: false; reason?: 'not-utf8'; problem: string };

export interface ImportWorkerApi {
  inspect(file: File, overrides: { encoding?: TextEncoding; dialect?: Partial<Dialect> }): Promise<InspectResult>;
  /** xxhash64 of the file's bytes, hex */
  hash(file: File): Promise<string>;
  importFile(job: ImportJob, onProgress: (progress: ImportProgress) => void): Promise<ImportOutcome>;
  /** Profile a stored dataset (warnings for `target`), store the profile, and return it. */
  profile(datasetId: string, target: string | null): Promise<DatasetProfile>;
  /**
   * Rows [start, start + count) of a stored dataset as display text ('' for missing), for the
   * scrolling table. The worker keeps the last dataset it opened, so scrolling reads no storage.
   */
  rows(datasetId: string, start: number, count: number): Promise<string[][]>;
  /** A sampled scatter of two columns of a stored dataset, coloured by a third. */
  scatter(datasetId: string, x: string, y: string, colour: string | null): Promise<ScatterResult>;
  /** Store a child of a dataset with one column read as another kind. */
  retype(datasetId: string, column: string, to: ColumnKind): Promise<DerivedOutcome>;
  /** Read a second file and combine it with a dataset; keep the result for applyMerge and return a preview. */
  previewMerge(request: MergeRequest): Promise<MergePreviewResult>;
  /** Store the previewed merge as a child dataset named `name`. */
  applyMerge(token: number, name: string): Promise<DerivedOutcome>;
  /** Forget the previewed merge (frees its memory). */
  discardMerge(): void;
  /** Load a stored dataset back into memory, and say how big it is and how long loading took. */
  open(datasetId: string): Promise<OpenedDataset>;
}

export interface OpenedDataset {
  rowCount: number;
  columnCount: number;
  /** bytes of the typed arrays and validity bitmaps (dictionaries not counted) */
  rawBytes: number;
  /** seconds from the first read to the assembled columns */
  seconds: number;
}

/** Where an import's time went, in seconds. */
export interface ImportTimings {
  /** hashing the file (duplicate check) */
  hash: number;
  /** reading, parsing and typing every cell */
  read: number;
  /** how many parts the file was read in, side by side */
  parts: number;
  /** writing the columns to IndexedDB */
  save: number;
}

/** A helper of the import worker, reading one part of a large file (see data/csv-parallel.ts). */
export interface CsvPartWorkerApi {
  /** The part's columns come back transferred, not copied. */
  read(file: File, options: StreamOptions, range: PartRange, onProgress: (progress: StreamProgress) => void): Promise<PartResult>;
}
