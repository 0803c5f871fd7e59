/** The evaluations table: a run's stored predictions per held-out part. */
import { write } from './database';
import type { CvEvaluation, EvaluationRow, HoldoutEvaluation } from './rows';
import type { LooplabDB } from './schema';

export async function evaluationsOf(db: LooplabDB, runId: string): Promise<EvaluationRow[]> {
  return db.evaluations.where('runId').equals(runId).toArray();
}

/** Replace a run's cross-validation with this one. */
export async function saveCv(db: LooplabDB, row: CvEvaluation): Promise<void> {
  await write(db, [db.evaluations, db.runs], async () => {
    // A run deleted meanwhile gets no orphan evaluation.
    if (!(await db.runs.get(row.runId))) return;
    await db.evaluations.where('runId').equals(row.runId).filter((e) => e.kind === 'cv').delete();
    await db.evaluations.add(row);
  });
}

/** Replace a run's holdout evaluations with these, in one transaction; a run deleted meanwhile gets none. */
export async function saveHoldout(db: LooplabDB, runId: string, rows: HoldoutEvaluation[]): Promise<void> {
  await write(db, [db.evaluations, db.runs], async () => {
    if (!(await db.runs.get(runId))) return;
    await db.evaluations.where('runId').equals(runId).filter((e) => e.kind === 'holdout').delete();
    await db.evaluations.bulkAdd(rows);
  });
}

/** Every evaluation of these runs. */
export async function evaluationsOfRuns(db: LooplabDB, runIds: readonly string[]): Promise<EvaluationRow[]> {
  return runIds.length ? db.evaluations.where('runId').anyOf([...runIds]).toArray() : [];
}

/** Just the ids of these runs' evaluations: a cheap signal that something changed. */
export async function evaluationKeys(db: LooplabDB, runIds: readonly string[]): Promise<string[]> {
  return runIds.length ? ((await db.evaluations.where('runId').anyOf([...runIds]).primaryKeys()) as string[]) : [];
}
