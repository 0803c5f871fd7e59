/**
 * The Evaluate stage's state: the project's runs that have stored predictions, the chosen run
 * and part, and its report. Construct it during a component's initialisation.
 */
import { describeError } from '../shared/errors';
import { getDb, watch } from '../storage/database';
import { evaluationsOf } from '../storage/evaluations';
import { listRuns } from '../storage/runs';
import type { EvaluationRow, RunRow } from '../storage/rows';
import { holdoutReport, type ClassificationReport, type RegressionReport } from './holdout';

export class EvaluateState {
  runs = $state.raw<RunRow[]>([]);
  runId = $state<string | null>(null);
  part = $state<'validation' | 'test'>('validation');
  evaluations = $state.raw<EvaluationRow[]>([]);
  error = $state<string | null>(null);
  readonly report: ClassificationReport | RegressionReport | null = $derived.by(() => {
    const e = this.evaluations.find((x) => x.part === this.part) ?? null;
    return e ? holdoutReport(e) : null;
  });

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
