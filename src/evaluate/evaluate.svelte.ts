/**
 * The Evaluate stage's state: the project's runs that have stored predictions, the chosen run
 * and part, and its report. Construct it during a component's initialisation.
 */
import { describeError } from '../shared/errors';
import { getDb, watch } from '../storage/database';
import { evaluationsOf } from '../storage/evaluations';
import { listRuns } from '../storage/runs';
import type { CvEvaluation, EvaluationRow, HoldoutEvaluation, RunRow } from '../storage/rows';
import { callTrainWorker } from '../workers/train-client';
import type { CvOutcome } from '../workers/train-protocol';
import { workerCallback } from '../workers/worker-handle';
import { holdoutReport, type ClassificationReport, type RegressionReport } from './holdout';

export class EvaluateState {
  runs = $state.raw<RunRow[]>([]);
  runId = $state<string | null>(null);
  part = $state<'validation' | 'test'>('validation');
  evaluations = $state.raw<EvaluationRow[]>([]);
  error = $state<string | null>(null);
  readonly holdout: HoldoutEvaluation[] = $derived(this.evaluations.filter((e): e is HoldoutEvaluation => e.kind === 'holdout'));
  readonly cv: CvEvaluation | null = $derived(this.evaluations.find((e): e is CvEvaluation => e.kind === 'cv') ?? null);
  readonly report: ClassificationReport | RegressionReport | null = $derived.by(() => {
    const e = this.holdout.find((x) => x.part === this.part) ?? null;
    return e ? holdoutReport(e) : null;
  });

  /** the cross-validation in progress */
  cvProgress = $state<{ done: number; total: number } | null>(null);
  cvProblem = $state<string | null>(null);

  async crossValidate(k: number): Promise<void> {
    const runId = this.runId;
    if (!runId || this.cvProgress) return;
    this.cvProblem = null;
    this.cvProgress = { done: 0, total: k };
    try {
      const onFold = workerCallback((done: number, total: number) => (this.cvProgress = { done, total }));
      const outcome = await callTrainWorker<CvOutcome>((api) => api.crossValidate(runId, k, onFold));
      if (!outcome.ok) this.cvProblem = outcome.problem;
    } catch (e) {
      this.cvProblem = describeError(e);
    } finally {
      this.cvProgress = null;
    }
  }

  cancelCrossValidation(): void {
    void callTrainWorker((api) => api.cancel());
  }

  constructor(projectId: string) {
    const db = getDb();
    const fail = (e: unknown) => (this.error = describeError(e));
    $effect(() =>
      watch(
        () => listRuns(db, projectId),
        (rows) => {
          this.runs = rows.filter((r) => r.status !== 'running' && r.status !== 'failed' && r.status !== 'interrupted');
          // The starred run, else the latest.
          if (!this.runId || !this.runs.some((r) => r.id === this.runId)) this.runId = (this.runs.find((r) => r.starred) ?? this.runs[0])?.id ?? null;
        },
        fail,
      ),
    );
    $effect(() => {
      const id = this.runId;
      if (!id) return;
      return watch(() => evaluationsOf(db, id), (rows) => (this.evaluations = rows), fail);
    });
  }
}
