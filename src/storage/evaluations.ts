/** The evaluations table: a run's stored predictions per held-out part. */
import { write } from './database';
import type { EvaluationRow } from './rows';
import type { LooplabDB } from './schema';

export async function evaluationsOf(db: LooplabDB, runId: string): Promise<EvaluationRow[]> {
  return db.evaluations.where('runId').equals(runId).toArray();
}

/** Replace a run's holdout evaluations with these, in one transaction. */
export async function saveHoldout(db: LooplabDB, runId: string, rows: EvaluationRow[]): Promise<void> {
  await write(db, [db.evaluations], async () => {
    await db.evaluations.where('runId').equals(runId).filter((e) => e.kind === 'holdout').delete();
    await db.evaluations.bulkAdd(rows);
  });
}
