/**
 * The Train stage's state: the settings being edited, the runs (live from storage), the run in
 * progress with its curves, and the backend environment. Training happens in the train worker;
 * this class only sends requests and shows what comes back.
 * Construct it during a component's initialisation (it sets up effects).
 */
import { describeError } from '../shared/errors';
import { getDb, watch } from '../storage/database';
import { deleteRun, listRuns, updateRun } from '../storage/runs';
import type { RunRow } from '../storage/rows';
import { callTrainWorker, killTrainWorker } from '../workers/train-client';
import type { BackendMeasurement, TrainEvent, TrainResult } from '../workers/train-protocol';
import { WorkerCancelled, workerCallback } from '../workers/worker-handle';
import type { BackendChoice, BackendEnvironment } from './backend-choice';
import { normalizeTrainSpec, type BackendName, type TrainSpec } from './model-spec';
import { sweepTrials, type SweepPlan } from './sweep';
import type { EpochRecord } from './train-loop';

export interface LiveRun {
  runId: string | null;
  backend: BackendName | null;
  backendNote: string;
  epochs: number;
  history: EpochRecord[];
  startedAt: number;
  /** 'stopping' after Stop or Cancel until the worker answers */
  phase: 'preparing' | 'training' | 'stopping';
}

export class TrainState {
  runs = $state.raw<RunRow[]>([]);
  spec = $state<TrainSpec>(normalizeTrainSpec({}));
  live = $state<LiveRun | null>(null);
  env = $state.raw<{ env: BackendEnvironment; choice: BackendChoice } | null>(null);
  measurements = $state.raw<BackendMeasurement[] | null>(null);
  measuring = $state(false);
  error = $state<string | null>(null);
  /** the last run's ending, in words */
  lastResult = $state.raw<TrainResult | null>(null);
  /** the sweep in progress */
  sweeping = $state<{ tag: string; done: number; total: number; cancelled: boolean } | null>(null);
  /** ticks every second so elapsed times and stale heartbeats update */
  now = $state(Date.now());

  readonly #projectId: string;

  constructor(projectId: string, seed: number) {
    this.#projectId = projectId;
    this.spec = normalizeTrainSpec({ seed });
    const db = getDb();
    let first = true;
    $effect(() =>
      watch(
        () => listRuns(db, projectId),
        (rows) => {
          this.runs = rows;
          // Start from the latest run's settings, so "train again with a change" is one edit away.
          if (first && rows[0]) this.spec = normalizeTrainSpec(rows[0].spec);
          first = false;
        },
        (e) => (this.error = describeError(e)),
      ),
    );
    $effect(() => {
      const timer = setInterval(() => (this.now = Date.now()), 1000);
      return () => clearInterval(timer);
    });
    void callTrainWorker<{ env: BackendEnvironment; choice: BackendChoice }>((api) => api.environment())
      .then((env) => (this.env = env))
      .catch((e) => (this.error = describeError(e)));
  }

  get busy(): boolean {
    return this.live !== null;
  }

  async train(name: string, spec: TrainSpec = $state.snapshot(this.spec), tags: string[] = []): Promise<void> {
    if (this.live) return;
    this.error = null;
    this.lastResult = null;
    this.live = { runId: null, backend: null, backendNote: '', epochs: this.spec.epochs, history: [], startedAt: Date.now(), phase: 'preparing' };
    const onEvent = workerCallback((event: TrainEvent) => {
      if (!this.live) return;
      if (event.kind === 'started') {
        Object.assign(this.live, { runId: event.runId, backend: event.backend, backendNote: event.backendNote, epochs: event.epochs, phase: this.live.phase === 'stopping' ? 'stopping' : 'training', startedAt: Date.now() });
      } else {
        this.live.history.push(...event.records);
      }
    });
    const request = { projectId: this.#projectId, name, spec, tags };
    try {
      const result = await callTrainWorker<TrainResult>((api) => api.train(request, onEvent));
      this.lastResult = result;
      if (!result.ok) this.error = result.problem;
    } catch (e) {
      if (e instanceof WorkerCancelled) {
        // The worker was terminated mid-run: the run it had started is thrown away, as asked.
        const runId = this.live?.runId;
        if (runId) await deleteRun(getDb(), runId).catch(() => undefined);
        this.lastResult = { ok: true, runId: runId ?? '', status: 'stopped', message: 'Cancelled: the run was thrown away.' };
      } else this.error = describeError(e);
    } finally {
      this.live = null;
    }
  }

  /** Train every trial of a sweep, one after another, each a run tagged with the sweep's name. */
  async sweep(plan: SweepPlan): Promise<void> {
    if (this.live || this.sweeping) return;
    const trials = sweepTrials($state.snapshot(this.spec), plan);
    if (!trials.ok) {
      this.error = trials.problem;
      return;
    }
    // One more than the highest sweep number so far, so a deleted sweep's number is never reused.
    const numbers = this.runs.flatMap((r) => r.tags.map((t) => (/^sweep (\d+)$/.exec(t) ? Number(t.slice(6)) : 0)));
    const tag = `sweep ${Math.max(0, ...numbers) + 1}`;
    this.sweeping = { tag, done: 0, total: trials.trials.length, cancelled: false };
    try {
      for (const [i, trial] of trials.trials.entries()) {
        if (this.sweeping.cancelled) break;
        await this.train(`${tag} · trial ${i + 1}`, trial.spec, [tag]);
        this.sweeping.done = i + 1;
        if (this.error) break;
      }
    } finally {
      this.sweeping = null;
    }
  }

  /** Stop the sweep: the trial in progress is cancelled, the finished ones are kept. */
  cancelSweep(): void {
    if (!this.sweeping) return;
    this.sweeping.cancelled = true;
    this.cancel();
  }

  /** Finish after the current batch and keep the model so far. */
  stop(): void {
    if (!this.live) return;
    this.live.phase = 'stopping';
    void callTrainWorker((api) => api.stop());
  }

  /** Throw the run away. */
  cancel(): void {
    if (!this.live) return;
    this.live.phase = 'stopping';
    void callTrainWorker((api) => api.cancel());
    // A worker busy beyond reason is terminated; its half-written run is swept as interrupted.
    setTimeout(() => {
      if (this.live?.phase === 'stopping') killTrainWorker();
    }, 10_000);
  }

  async measure(): Promise<void> {
    this.measuring = true;
    this.error = null;
    try {
      const spec = $state.snapshot(this.spec);
      this.measurements = await callTrainWorker<BackendMeasurement[]>((api) => api.measure(this.#projectId, spec));
    } catch (e) {
      this.error = describeError(e);
    } finally {
      this.measuring = false;
    }
  }

  async update(runId: string, changes: Partial<Pick<RunRow, 'starred' | 'tags' | 'notes' | 'name'>>): Promise<void> {
    try {
      await updateRun(getDb(), runId, changes);
    } catch (e) {
      this.error = describeError(e);
    }
  }

  async remove(runId: string): Promise<void> {
    try {
      await deleteRun(getDb(), runId);
    } catch (e) {
      this.error = describeError(e);
    }
  }
}
