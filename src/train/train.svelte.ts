/**
 * The Train stage's state: the settings being edited, the runs (live from storage), the run in
 * progress with its curves, and the backend environment. Training happens in the train worker;
 * this class only sends requests and shows what comes back. A run that is still training when
 * the page opens (the learner left Train mid-run) is found in storage and shown live, with Stop
 * and Cancel, which name the run.
 * The New run form and the sweep's lists are kept per project as the learner leaves them (a draft,
 * autosaved a moment after the last change and flushed when the view closes or the tab hides), so
 * leaving Train or reloading loses nothing; without a draft the form starts from the latest run.
 * Construct it during a component's initialisation (it sets up effects).
 */
import { debounce } from '../shared/debounce';
import { describeError } from '../shared/errors';
import { onFlush, reportFailedSave } from '../shared/flush-registry';
import { newId } from '../shared/ids';
import { getDb, watch } from '../storage/database';
import { runOwners } from '../shared/run-locks';
import { deleteRun, listRuns, sweepInterruptedRuns, updateRun } from '../storage/runs';
import type { RunRow } from '../storage/rows';
import type { LooplabDB } from '../storage/schema';
import { getTrainDraft, saveTrainDraft } from '../storage/train-drafts';
import { callTrainWorker, killTrainWorker } from '../workers/train-client';
import type { BackendMeasurement, MeasureOutcome, TrainEvent, TrainResult } from '../workers/train-protocol';
import { WorkerCancelled, workerCallback } from '../workers/worker-handle';
import type { BackendChoice, BackendEnvironment } from './backend-choice';
import { checkTrainForm, normalizeTrainSpec, type TrainSpec } from './model-spec';
import { nextNumbered } from './numbered-name';
import { trainingRun } from './runs-table';
import { THROWN_AWAY } from './ending-message';
import { followRuns, type LiveRun } from './follow-run';
import { sweepTrials, type SweepPlan } from './sweep';
import { emptySweepForm, readTrainDraft, type SweepForm } from './train-draft';
import { flaggedNotes, unlabelledNotes, unseenClassNotes, type Layout } from './training-data';

/** How long editing must pause before the form's draft is saved (ms). */
export const DRAFT_SAVE_DELAY_MS = 400;

export class TrainState {
  runs = $state.raw<RunRow[]>([]);
  spec = $state<TrainSpec>(normalizeTrainSpec({}));
  /** the sweep panel's mode, trial count and value lists, kept with the form's draft */
  sweepForm = $state<SweepForm>(emptySweepForm());
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
  /** false until the form has been filled from storage: until then it is disabled, so nothing typed is replaced by what is read */
  formReady = $state(false);
  /** resolves once the stored runs have been read (and a run still training found) and the form filled */
  readonly loaded: Promise<void>;

  readonly #projectId: string;
  readonly #db: LooplabDB;
  /** runs never to attach: started from this page (their own call follows them), or let go */
  readonly #notAttached: string[] = [];
  readonly #draftSaver = debounce(() => this.keepDraft(), DRAFT_SAVE_DELAY_MS);
  /** the draft's JSON as last read or written; null until the stored one has been read, so nothing is written over it before */
  #keptDraft: string | null = null;
  #closed = false;

  constructor(projectId: string, seed: number, db: LooplabDB = getDb()) {
    this.#projectId = projectId;
    this.#db = db;
    this.spec = normalizeTrainSpec({ seed });
    let firstRows: (rows: RunRow[] | null) => void = () => undefined;
    const runsRead = new Promise<RunRow[] | null>((resolve) => (firstRows = resolve));
    // A draft that cannot be read is no reason to refuse the page: the form starts as if there were none.
    const storedDraft = getTrainDraft(db, projectId).catch(() => null);
    this.loaded = Promise.all([runsRead, storedDraft]).then(([rows, draft]) => this.#restoreForm(draft, rows?.[0]));
    // Watched from now, not from an effect, so a run still training is found as the page opens.
    const stopWatching = watch(
      () => listRuns(db, projectId),
      (rows) => {
        this.runs = rows;
        this.#follow(rows, Date.now());
        firstRows(rows);
      },
      (e) => {
        this.error = describeError(e);
        firstRows(null);
      },
    );
    const unregister = onFlush(
      () => this.keepDraft(),
      () => this.#draftSaver.pending,
    );
    $effect(() => {
      const draft = this.#draftJson();
      if (this.#keptDraft !== null && draft !== this.#keptDraft) this.#draftSaver.schedule();
    });
    $effect(() => () => {
      stopWatching();
      unregister();
      this.#closed = true;
      void this.keepDraft();
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

  /** The form and the sweep's lists as JSON: the draft as stored. Reading it reads every field, however deep. */
  #draftJson(): string {
    return JSON.stringify({ spec: this.spec, sweep: this.sweepForm });
  }

  /**
   * The form as the page opens: the stored draft where there is one, over the latest run's
   * settings (so "train again with a change" is one edit away), else the defaults.
   */
  #restoreForm(stored: unknown, latest: RunRow | undefined): void {
    const base = latest ? normalizeTrainSpec(latest.spec) : this.spec;
    const restored = readTrainDraft(stored, base) ?? { spec: base, sweep: emptySweepForm() };
    this.spec = restored.spec;
    this.sweepForm = restored.sweep;
    this.#keptDraft = this.#draftJson();
    this.formReady = true;
  }

  /**
   * Save the form's draft now if it changed since it was read or last saved (the autosave, the
   * view closing, the tab hiding). A failure is shown here, or handed to the shell once the page has closed.
   */
  async keepDraft(): Promise<void> {
    this.#draftSaver.cancel();
    if (this.#keptDraft === null) return;
    const draft = this.#draftJson();
    if (draft === this.#keptDraft) return;
    try {
      await saveTrainDraft(this.#db, this.#projectId, JSON.parse(draft));
      this.#keptDraft = draft;
    } catch (e) {
      const message = `Your New run settings in Train were not kept for next time. ${describeError(e)}`;
      if (this.#closed) reportFailedSave({ message, retry: () => this.keepDraft() });
      else this.error = message;
    }
  }

  /** The placeholder of the run name: one more than the highest "Run N" still stored. */
  get defaultRunName(): string {
    return nextNumbered('Run', this.runs.map((r) => r.name));
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

  /** Plain sentences about the last run's figures, e.g. validation rows left out for a class training never had, or rows the recipe flagged (from the stored run, so a run followed from storage has them too). */
  get resultNotes(): string[] {
    const result = this.lastResult;
    const row = result?.ok ? this.runs.find((r) => r.id === result.runId) : undefined;
    const layout = row?.layout as Layout | undefined;
    return [
      // What Prepare's steps did to the target (target-note.ts); what reading the features and classes
      // found: a column left out, a binary plan with more classes; features far from unit scale.
      ...(layout?.targetNotes ?? []),
      ...(layout?.notes ?? []),
      ...(layout?.scaleNote ? [layout.scaleNote] : []),
      ...(row?.unlabelledRows ? unlabelledNotes(row.unlabelledRows) : []),
      ...(row?.unseenClassRows ? unseenClassNotes(row.unseenClassRows) : []),
      ...(row?.flaggedRows ? flaggedNotes(row.flaggedRows) : []),
    ];
  }

  /** A run is training, or the form is still being read (a moment as the page opens): its fields and Train are disabled. */
  get busy(): boolean {
    return this.live !== null || !this.formReady;
  }

  /** Why Train is disabled, or null when it is not. */
  get busyReason(): string | null {
    return this.live ? `“${this.live.name}” is training: one run at a time. Stop it, or wait for it to end.` : null;
  }

  /** A run this page did not start but that storage says is training is shown live and followed (follow-run.ts). */
  #follow(rows: RunRow[], now: number): void {
    const followed = followRuns(this.live, rows, now, this.#notAttached);
    if (followed.live !== this.live) this.live = followed.live;
    if (followed.history && this.live) this.live.history = followed.history;
    if (followed.result) this.lastResult = followed.result;
    if (followed.error) this.error = followed.error;
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
        this.lastResult = { ok: true, runId, status: 'stopped', message: THROWN_AWAY };
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
    const tag = nextNumbered('sweep', this.runs.flatMap((r) => r.tags));
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
