/**
 * The Train stage's state: the settings being edited, the runs (live from storage), the run in
 * progress with its curves, and the backend environment. Training happens in the train worker;
 * this class only sends requests and shows what comes back. A run that is still training when
 * the page opens (the learner left Train mid-run) is found in storage and shown live, with Stop
 * and Cancel, which name the run.
 * Construct it during a component's initialisation (it sets up effects).
 */
import { describeError } from '../shared/errors';
import { newId } from '../shared/ids';
import { getDb, watch } from '../storage/database';
import { runOwners } from '../shared/run-locks';
import { deleteRun, listRuns, sweepInterruptedRuns, updateRun } from '../storage/runs';
import type { RunRow } from '../storage/rows';
import type { LooplabDB } from '../storage/schema';
import { callTrainWorker, killTrainWorker } from '../workers/train-client';
import type { BackendMeasurement, MeasureOutcome, TrainEvent, TrainResult } from '../workers/train-protocol';
import { WorkerCancelled, workerCallback } from '../workers/worker-handle';
import type { BackendChoice, BackendEnvironment } from './backend-choice';
import { checkTrainForm, normalizeTrainSpec, type BackendName, type TrainSpec } from './model-spec';
import { displayStatus, trainingRun } from './runs-table';
import { sweepTrials, type SweepPlan } from './sweep';
import type { EpochRecord } from './train-loop';
import { unseenClassNotes } from './training-data';

export interface LiveRun {
  runId: string;
  name: string;
  backend: BackendName | null;
  backendNote: string;
  epochs: number;
  history: EpochRecord[];
  startedAt: number;
  /** 'stopping' after Stop or Cancel until the worker answers */
  phase: 'preparing' | 'training' | 'stopping';
  /**
   * Followed from storage, not from the worker's messages: a run this page did not start (the
   * learner left Train mid-run and came back). Its curves update as the worker stores them.
   */
  attached: boolean;
}

/** A run stored as training, shown as the live one. */
function attachedRun(row: RunRow): LiveRun {
  const spec = normalizeTrainSpec(row.spec);
  const history = row.history as EpochRecord[];
  return { runId: row.id, name: row.name, backend: row.backend as BackendName, backendNote: row.backendNote, epochs: spec.model === 'baseline' ? 0 : spec.epochs, history, startedAt: row.createdAt, phase: 'training', attached: true };
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
  /** resolves once the stored runs have been read (and a run still training found) */
  readonly loaded: Promise<void>;

  readonly #projectId: string;
  readonly #db: LooplabDB;
  /** runs never to attach: started from this page (their own call follows them), or let go */
  readonly #notAttached: string[] = [];

  constructor(projectId: string, seed: number, db: LooplabDB = getDb()) {
    this.#projectId = projectId;
    this.#db = db;
    this.spec = normalizeTrainSpec({ seed });
    let first = true;
    let markLoaded: () => void = () => undefined;
    this.loaded = new Promise<void>((resolve) => (markLoaded = resolve));
    // Watched from now, not from an effect, so a run still training is found as the page opens.
    const stopWatching = watch(
      () => listRuns(db, projectId),
      (rows) => {
        this.runs = rows;
        // Start from the latest run's settings, so "train again with a change" is one edit away.
        if (first && rows[0]) this.spec = normalizeTrainSpec(rows[0].spec);
        first = false;
        this.#follow(rows, Date.now());
        markLoaded();
      },
      (e) => {
        this.error = describeError(e);
        markLoaded();
      },
    );
    $effect(() => () => {
      stopWatching();
      // A sweep left behind starts no more trials; the one in progress is found again, and can be stopped, when Train reopens.
      if (this.sweeping) this.sweeping.cancelled = true;
    });
    $effect(() => {
      const timer = setInterval(() => {
        this.now = Date.now();
        if (this.live?.attached) this.#follow(this.runs, this.now);
        if (trainingRun(this.runs, this.now)) void this.#sweepOrphans(db);
      }, 1000);
      return () => clearInterval(timer);
    });
    void callTrainWorker<{ env: BackendEnvironment; choice: BackendChoice }>((api) => api.environment())
      .then((env) => (this.env = env))
      .catch((e) => (this.error = describeError(e)));
  }

  #sweeping = false;

  /** A run stored as running whose tab has gone shows as interrupted within a second, not when its heartbeat goes stale. */
  async #sweepOrphans(db: LooplabDB): Promise<void> {
    if (this.#sweeping) return;
    this.#sweeping = true;
    try {
      const owners = await runOwners();
      if (owners) await sweepInterruptedRuns(db, Date.now(), owners);
    } catch {
      // The heartbeat still ends it.
    } finally {
      this.#sweeping = false;
    }
  }

  /** Plain sentences about the last run's figures, e.g. validation rows left out for a class training never had (from the stored run, so a run followed from storage has them too). */
  get resultNotes(): string[] {
    const result = this.lastResult;
    const row = result?.ok ? this.runs.find((r) => r.id === result.runId) : undefined;
    return row?.unseenClassRows ? unseenClassNotes(row.unseenClassRows) : [];
  }

  get busy(): boolean {
    return this.live !== null;
  }

  /** Why Train is disabled, or null when it is not. */
  get busyReason(): string | null {
    return this.live ? `“${this.live.name}” is training: one run at a time. Stop it, or wait for it to end.` : null;
  }

  /**
   * A run this page did not start but that storage says is training (running, heartbeat fresh) is
   * shown live, and followed in storage until it ends, is thrown away or goes quiet.
   */
  #follow(rows: RunRow[], now: number): void {
    const live = this.live;
    if (live?.attached) {
      const row = rows.find((r) => r.id === live.runId);
      if (!row) {
        this.live = null;
        this.lastResult = { ok: true, runId: live.runId, status: 'stopped', message: 'Cancelled: the run was thrown away.' };
      } else if (row.status === 'failed') {
        this.live = null;
        this.error = `Training failed: ${row.message ?? 'no reason was given.'}`;
      } else if (row.status !== 'running') {
        this.live = null;
        this.lastResult = { ok: true, runId: row.id, status: row.status, message: row.message };
      } else if (displayStatus(row, now) !== 'running') {
        // Cut off (its tab closed): the runs table says interrupted.
        this.live = null;
      } else if (row.history.length > live.history.length) {
        live.history = row.history as EpochRecord[];
      }
      return;
    }
    if (live) return;
    const running = trainingRun(rows.filter((r) => !this.#notAttached.includes(r.id)), now);
    if (running) this.live = attachedRun(running);
  }

  async train(name: string, spec: TrainSpec = $state.snapshot(this.spec), tags: string[] = []): Promise<void> {
    if (this.live) return;
    this.error = null;
    this.lastResult = null;
    const checked = checkTrainForm(spec);
    if (!checked.ok) {
      this.error = checked.problems.join(' ');
      return;
    }
    const runId = newId();
    this.#notAttached.push(runId);
    this.live = { runId, name, backend: null, backendNote: '', epochs: checked.spec.epochs, history: [], startedAt: Date.now(), phase: 'preparing', attached: false };
    const onEvent = workerCallback((event: TrainEvent) => {
      if (this.live?.runId !== runId) return;
      if (event.kind === 'started') {
        Object.assign(this.live, { backend: event.backend, backendNote: event.backendNote, epochs: event.epochs, phase: this.live.phase === 'stopping' ? 'stopping' : 'training', startedAt: Date.now() });
      } else {
        this.live.history.push(...event.records);
      }
    });
    const request = { runId, projectId: this.#projectId, name, spec: checked.spec, tags };
    try {
      const result = await callTrainWorker<TrainResult>((api) => api.train(request, onEvent));
      this.lastResult = result;
      if (!result.ok) this.error = result.problem;
    } catch (e) {
      if (e instanceof WorkerCancelled) {
        // The worker was terminated mid-run: the run it had started is thrown away, as asked.
        await deleteRun(this.#db, runId).catch(() => undefined);
        this.lastResult = { ok: true, runId, status: 'stopped', message: 'Cancelled: the run was thrown away.' };
      } else this.error = describeError(e);
    } finally {
      if (this.live?.runId === runId) this.live = null;
    }
  }

  /** Train every trial of a sweep, one after another, each a run tagged with the sweep's name. */
  async sweep(plan: SweepPlan): Promise<void> {
    if (this.live || this.sweeping) return;
    const base = checkTrainForm($state.snapshot(this.spec));
    if (!base.ok) {
      this.error = base.problems.join(' ');
      return;
    }
    const trials = sweepTrials(base.spec, plan);
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
    const live = this.live;
    if (!live) return;
    live.phase = 'stopping';
    void this.#send(live, 'stop');
  }

  /** Throw the run away. */
  cancel(): void {
    const live = this.live;
    if (!live) return;
    live.phase = 'stopping';
    void this.#send(live, 'cancel').then((found) => {
      if (!found) return;
      // A worker busy beyond reason is terminated, and the run it had started thrown away.
      setTimeout(() => {
        if (this.live !== live || live.phase !== 'stopping') return;
        killTrainWorker();
        if (live.attached) void deleteRun(this.#db, live.runId).catch(() => undefined);
      }, 10_000);
    });
  }

  /**
   * Stop or Cancel, addressed to the run. One this tab's worker does not hold (trained in another
   * tab, or cut off by a reload a moment ago) is let go, saying where it is; answers whether it was found.
   */
  async #send(live: LiveRun, request: 'stop' | 'cancel'): Promise<boolean> {
    let found: boolean;
    try {
      found = await callTrainWorker<boolean>((api) => api[request](live.runId));
    } catch (e) {
      this.error = describeError(e);
      return false;
    }
    if (!found && live.attached && this.live === live) {
      this.#notAttached.push(live.runId);
      this.live = null;
      this.error = `“${live.name}” is not training in this tab: stop it in the tab or window that started it. (A run cut off by a reload shows as interrupted within 15 seconds.)`;
    }
    return found;
  }

  async measure(): Promise<void> {
    this.error = null;
    const checked = checkTrainForm($state.snapshot(this.spec));
    if (!checked.ok) {
      this.error = checked.problems.join(' ');
      return;
    }
    this.measuring = true;
    try {
      const outcome = await callTrainWorker<MeasureOutcome>((api) => api.measure(this.#projectId, checked.spec));
      if (outcome.ok) this.measurements = outcome.measurements;
      else this.error = outcome.problem;
    } catch (e) {
      this.error = describeError(e);
    } finally {
      this.measuring = false;
    }
  }

  async update(runId: string, changes: Partial<Pick<RunRow, 'starred' | 'tags' | 'notes' | 'name'>>): Promise<void> {
    try {
      await updateRun(this.#db, runId, changes);
    } catch (e) {
      this.error = describeError(e);
    }
  }

  async remove(runId: string): Promise<void> {
    try {
      await deleteRun(this.#db, runId);
    } catch (e) {
      this.error = describeError(e);
    }
  }
}
