/** Messages between the Train page and the train worker. */
import type { Importance } from '../evaluate/importance';
import type { RunStatus } from '../storage/rows';
import type { BackendChoice, BackendEnvironment } from '../train/backend-choice';
import type { BackendName } from '../train/model-spec';
import type { EpochRecord } from '../train/train-loop';

export interface TrainRequest {
  /** the run's id, chosen by the page so Stop and Cancel can name the run before it is stored */
  runId: string;
  projectId: string;
  name: string;
  /** the model and settings (train/model-spec.ts), as JSON */
  spec: unknown;
  /** e.g. the sweep the run belongs to */
  tags?: string[];
}

export type TrainEvent =
  | { kind: 'started'; runId: string; backend: BackendName; backendNote: string; rows: { train: number; validation: number; test: number }; epochs: number }
  /** the epochs finished since the last such event: at most about ten events a second, however fast the epochs */
  | { kind: 'epochs'; runId: string; records: EpochRecord[] };

export type TrainResult = { ok: true; runId: string; status: RunStatus; message: string | null } | { ok: false; problem: string };

export type MeasureOutcome = { ok: true; measurements: BackendMeasurement[] } | { ok: false; problem: string };

export interface BackendMeasurement {
  backend: BackendName;
  samplesPerSec: number | null;
  /** why it could not be measured */
  problem?: string;
}

export interface BenchmarkResult {
  backend: BackendName;
  rows: number;
  ours: { samplesPerSec: number; loss: number; seconds: number };
  modelFit: { samplesPerSec: number; loss: number; seconds: number };
  /** the fused training kernels against TF.js's unfused ops on this backend: largest relative difference per check */
  kernelErrors: Record<string, number>;
}

export type CvOutcome = { ok: true; seconds: number; mean: Record<string, number>; std: Record<string, number> } | { ok: false; problem: string };

export type ImportanceOutcome =
  /** `note`: why the rows are not the run's own (its recipe version is no longer kept), or null; `rows`: how many were shuffled */
  | { ok: true; part: 'validation' | 'test'; rows: number; metric: string; loss: string; baseline: number; importances: Importance[]; note: string | null }
  | { ok: false; problem: string };

/**
 * The worker runs one job at a time (training, cross-validation, importance, a measurement): one
 * asked for while another runs is refused with a sentence saying why. Stop and Cancel name their
 * job, so they reach it from any page, and a stale one reaches nothing.
 */
export interface TrainWorkerApi {
  /** What this browser offers, and the automatic choice with its reason. */
  environment(): Promise<{ env: BackendEnvironment; choice: BackendChoice }>;
  train(request: TrainRequest, onEvent: (event: TrainEvent) => void): Promise<TrainResult>;
  /** End the run `runId` after the current batch, keeping the model trained so far; false when it is not running in this worker. */
  stop(runId: string): boolean;
  /** End the job `jobId` (a run's id, or the run being cross-validated) and throw its work away; false when it is not running in this worker. */
  cancel(jobId: string): boolean;
  /** k-fold cross-validation of a stored run (the pipeline and model refitted per fold), stored with it; cancel(runId) stops it. */
  crossValidate(runId: string, k: number, onFold: (done: number, total: number) => void): Promise<CvOutcome>;
  /** Permutation importance of a stored run on its validation rows (its test rows when it has no validation part; the outcome names the part). */
  importance(runId: string, repeats: number, onFeature: (done: number, total: number) => void): Promise<ImportanceOutcome>;
  /** Train a few batches of the project's data on every available backend. */
  measure(projectId: string, spec: unknown): Promise<MeasureOutcome>;
  /** bench:train: the app's loop against model.fit on one backend, generated data, the same model. */
  benchmark(backend: BackendName, rows: number, spec: unknown): Promise<BenchmarkResult>;
}
