/**
 * The Evaluate stage's state: the project's runs that have stored predictions, the chosen run
 * and part, and its report. Construct it during a component's initialisation.
 */
import { describeError, UserFacingError } from '../shared/errors';
import { getDb, watch } from '../storage/database';
import { evaluationKeys } from '../storage/evaluations';
import { listRuns } from '../storage/runs';
import type { RunRow } from '../storage/rows';
import type { MetricKey } from '../plan/metrics';
import { callEvaluateWorker } from '../workers/evaluate-client';
import type { RunReport } from '../workers/evaluate-protocol';
import { metricThatMatters, type Comparison } from './compare';
import { baselineNote } from './checks';
import { normalizeTrainSpec } from '../train/model-spec';
import { callTrainWorker } from '../workers/train-client';
import { callPrepareWorker } from '../workers/prepare-client';
import type { EditableRows } from '../workers/prepare-protocol';
import { getRecipe, saveRecipe } from '../storage/recipes';
import { getProject, PROJECT_GONE } from '../storage/projects';
import { activeDataset, getDataset } from '../storage/datasets';
import { madeOn } from '../prepare/steps/edit-cells';
import { DATASET_GONE, notHeldNote, relabelled as recipeWithRelabel, RELABELLED_NOTE } from './relabel';
import type { CvOutcome, ImportanceOutcome } from '../workers/train-protocol';
import { workerCallback } from '../workers/worker-handle';
import { HEARTBEAT_STALE_MS } from '../shared/heartbeat';
import { trainingRun } from '../train/runs-table';
import type { Layout } from '../train/training-data';
import { flaggedNote, unlabelledNote, unseenClassNote } from '../train/training-data';
import type { ClassificationReport, RegressionReport } from './holdout';
import { progressText, type JobProgress } from '../shared/job-progress';

export class EvaluateState {
  runs = $state.raw<RunRow[]>([]);
  runId = $state<string | null>(null);
  part = $state<'validation' | 'test'>('validation');
  /** the last figures the evaluate worker answered, with the run and part they are of */
  #answered = $state.raw<{ runId: string; part: 'validation' | 'test'; report: RunReport } | null>(null);
  /**
   * The chosen run's and part's figures; null until the worker answers for them. Another run's
   * or part's, kept meanwhile, showed the validation figures under the test part's heading.
   */
  readonly loaded: RunReport | null = $derived(this.#answered && this.#answered.runId === this.runId && this.#answered.part === this.part ? this.#answered.report : null);
  /** The worker's figures for a run and part: shown while those stay chosen. */
  answered(runId: string, part: 'validation' | 'test', report: RunReport): void {
    this.#answered = { runId, part, report };
  }
  comparison = $state.raw<Comparison | null>(null);
  error = $state<string | null>(null);
  /** the worker is computing the chosen run's and part's figures, none shown yet */
  readonly computing = $derived(this.runId !== null && this.loaded === null && this.error === null);
  readonly report: ClassificationReport | RegressionReport | null = $derived(this.loaded?.part?.report ?? null);
  readonly cv = $derived(this.loaded?.cv ?? null);
  /**
   * The runs' ids and names, as one string: the comparison is redone when a run comes, goes or
   * is renamed, not each time the runs are read again (every few seconds while one trains).
   */
  readonly #runIds = $derived(this.runs.map((r) => `${r.id}\t${r.name}`).join('\n'));
  #criterion: MetricKey | null;

  /** the cross-validation in progress, and the run it is of */
  cvProgress = $state<{ runId: string; done: number; total: number } | null>(null);
  cvProblem = $state<string | null>(null);
  /** the project's run still training (started on Train): the train worker does one job at a time */
  training = $state.raw<RunRow | null>(null);

  /** The run chosen in the Run list, among the project's runs. */
  get #chosenRun(): RunRow | undefined {
    return this.runs.find((r) => r.id === this.runId);
  }

  /** Why cross-validation or feature importance cannot start now, or null. */
  get jobWait(): string | null {
    if (this.training) return `“${this.training.name}” is training: cross-validation and feature importance can start when it ends (or stop it on the Train page).`;
    if (this.cvProgress) return 'A cross-validation is running: feature importance can start when it ends.';
    if (this.importanceProgress) return 'Feature importance is being measured: cross-validation can start when it ends.';
    return null;
  }

  async crossValidate(k: number): Promise<void> {
    const runId = this.runId;
    if (!runId || this.cvProgress) return;
    this.cvProblem = null;
    this.cvProgress = { runId, done: 0, total: k };
    const onFold = workerCallback((done: number, total: number) => (this.cvProgress = { runId, done, total }));
    try {
      const outcome = await callTrainWorker<CvOutcome>((api) => api.crossValidate(runId, k, onFold));
      if (!outcome.ok) this.cvProblem = outcome.problem;
    } catch (e) {
      this.cvProblem = describeError(e);
    } finally {
      onFold.close();
      this.cvProgress = null;
    }
  }

  /** Original values of dataset rows, for the rows-to-check tables. */
  async originalRows(rowIds: number[]): Promise<EditableRows | null> {
    const run = this.#chosenRun;
    if (!run || rowIds.length === 0) return null;
    try {
      return await callPrepareWorker<EditableRows>((api) => api.datasetRows(run.datasetId, rowIds));
    } catch (e) {
      this.error = describeError(e);
      return null;
    }
  }

  /** Relabel a row in Prepare: the recipe's edit step gets (or replaces) an edit of this cell, as a new recipe version. */
  async relabel(row: number, value: string): Promise<void> {
    const run = this.#chosenRun;
    if (!run) return;
    try {
      const db = getDb();
      const [stored, project, dataset, active] = await Promise.all([getRecipe(db, run.projectId), getProject(db, run.projectId), getDataset(db, run.datasetId), activeDataset(db, run.projectId)]);
      if (!project) throw new UserFacingError(PROJECT_GONE);
      if (!dataset) throw new UserFacingError(DATASET_GONE);
      const edit = { row, column: run.target, value, ...madeOn(dataset, row) };
      const { recipe, notice } = recipeWithRelabel(stored?.recipe, project.seed, run.task === 'classification', edit);
      await saveRecipe(db, run.projectId, stored?.datasetId ?? run.datasetId, recipe, stored?.version ?? 0);
      this.relabelled = [...this.relabelled, row];
      this.relabelNotice = [RELABELLED_NOTE, notice, active && notHeldNote(edit, dataset, active)].filter((n) => !!n).join(' ');
    } catch (e) {
      this.error = describeError(e);
    }
  }

  importance = $state.raw<Extract<ImportanceOutcome, { ok: true }> | null>(null);
  importanceProgress = $state<JobProgress | null>(null);
  importanceProblem = $state<string | null>(null);

  /** "Starting…", then "Feature 1 of 4…", while importance is measured; null when it is not. */
  get importanceStatus(): string | null {
    return this.importanceProgress ? progressText('Feature', this.importanceProgress) : null;
  }

  /** The part importance is (or was) measured on: the answer's, else the worker's rule, validation unless the run has none. */
  get importancePart(): 'validation' | 'test' {
    if (this.importance) return this.importance.part;
    const run = this.#chosenRun;
    return run && run.rows.validation === 0 && run.rows.test > 0 ? 'test' : 'validation';
  }

  /** Permutation importance of the chosen run on its validation rows, or test rows without them (5 repeats per feature). */
  async measureImportance(): Promise<void> {
    const runId = this.runId;
    if (!runId || this.importanceProgress) return;
    this.importanceProblem = null;
    // The worker says how many features once its backend and the model are ready: seconds, at first.
    this.importanceProgress = { done: 0, total: null };
    const onFeature = workerCallback((done: number, total: number) => (this.importanceProgress = { done, total }));
    try {
      const outcome = await callTrainWorker<ImportanceOutcome>((api) => api.importance(runId, 5, onFeature));
      if (outcome.ok) this.importance = outcome;
      else this.importanceProblem = outcome.problem;
    } catch (e) {
      this.importanceProblem = describeError(e);
    } finally {
      onFeature.close();
      this.importanceProgress = null;
    }
  }

  /** rows relabelled from this page, this visit */
  relabelled = $state<number[]>([]);
  /** what the last relabel did (the figures stay the run's; the edit step switched back on), or null before any */
  relabelNotice = $state<string | null>(null);

  cancelCrossValidation(): void {
    const runId = this.cvProgress?.runId;
    if (runId) void callTrainWorker((api) => api.cancel(runId));
  }

  /** The chosen part's rows left out of every figure (no target value, or a class training never had), in words; null when none. */
  get leftOutNote(): string | null {
    const run = this.#chosenRun;
    const notes = [run?.unlabelledRows ? unlabelledNote(run.unlabelledRows, this.part) : null, run?.unseenClassRows ? unseenClassNote(run.unseenClassRows, this.part) : null];
    const said = notes.filter((n) => n !== null);
    return said.length ? said.join(' ') : null;
  }

  /** What the run's recipe did to the target that is rarely meant (its figures are on the changed values), each naming its step. */
  get targetNotes(): string[] {
    return (this.#chosenRun?.layout as Layout | undefined)?.targetNotes ?? [];
  }

  /** Why the run's model may have learned slowly: features far from unit scale (train/feature-scales.ts); null when they were not. */
  get scaleNote(): string | null {
    return (this.#chosenRun?.layout as Layout | undefined)?.scaleNote ?? null;
  }

  /** Said above the metrics when the run does not beat the baseline on the metric that matters (checks.ts); null when it does, and for a baseline run, which is the baseline. */
  get baselineNote(): string | null {
    const run = this.#chosenRun;
    if (!this.report || !run || normalizeTrainSpec(run.spec).model === 'baseline') return null;
    return baselineNote(this.report.metrics, metricThatMatters(this.#criterion, run.task), run.task);
  }

  /** The chosen part's rows scored though the recipe flagged them, in words; null when none. */
  get flaggedNote(): string | null {
    const counts = this.#chosenRun?.flaggedRows;
    return counts ? flaggedNote(counts, this.part) : null;
  }

  constructor(projectId: string, firstCriterion: MetricKey | null) {
    this.#criterion = firstCriterion;
    const db = getDb();
    const fail = (e: unknown) => (this.error = describeError(e));
    $effect(() =>
      watch(
        () => listRuns(db, projectId),
        (rows) => {
          this.runs = rows.filter((r) => r.status !== 'running' && r.status !== 'failed' && r.status !== 'interrupted');
          this.training = trainingRun(rows, Date.now()) ?? null;
          // The starred run, else the latest.
          if (!this.runId || !this.runs.some((r) => r.id === this.runId)) this.runId = (this.runs.find((r) => r.starred) ?? this.runs[0])?.id ?? null;
        },
        fail,
      ),
    );
    // A training run whose heartbeat goes quiet (its tab reloaded) stops blocking once it is stale; each heartbeat stored restarts this.
    $effect(() => {
      const run = this.training;
      if (!run) return;
      const timer = setTimeout(() => {
        if (this.training === run) this.training = null;
      }, run.heartbeatAt + HEARTBEAT_STALE_MS + 100 - Date.now());
      return () => clearTimeout(timer);
    });
    // The chosen run's report, again whenever its stored evaluations change (a cross-validation ends).
    $effect(() => {
      const [id, part] = [this.runId, this.part];
      if (!id) return;
      this.importance = null;
      let current = true;
      const stop = watch(
        () => evaluationKeys(db, [id]),
        () =>
          void callEvaluateWorker<RunReport>((api) => api.report(id, part))
            .then((report) => current && this.answered(id, part, report))
            .catch(fail),
        fail,
      );
      return () => {
        current = false;
        stop();
      };
    });
    $effect(() => {
      const ids = this.#runIds ? this.#runIds.split('\n').map((line) => line.split('\t')[0]!) : [];
      let current = true;
      const stop = watch(
        () => evaluationKeys(db, ids),
        () =>
          void callEvaluateWorker<Comparison | null>((api) => api.compare(ids, this.#criterion))
            .then((c) => current && (this.comparison = c))
            .catch(fail),
        fail,
      );
      return () => {
        current = false;
        stop();
      };
    });
  }
}
