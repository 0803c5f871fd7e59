/** The runs table and the model artifacts of each run. */
import { write } from './database';
import { mustGetProject } from './projects';
import type { ArtifactRow, RunRow, RunStatus } from './rows';
import type { LooplabDB } from './schema';

import { HEARTBEAT_STALE_MS } from '../shared/heartbeat';
import { ownerGone, type RunOwners } from '../shared/run-locks';

export { HEARTBEAT_STALE_MS };

export async function listRuns(db: LooplabDB, projectId: string): Promise<RunRow[]> {
  const rows = await db.runs.where('projectId').equals(projectId).toArray();
  return rows.sort((a, b) => b.createdAt - a.createdAt);
}

export function getRun(db: LooplabDB, id: string): Promise<RunRow | undefined> {
  return db.runs.get(id);
}

/** Store a run; refused when its project is gone (deleted while the run's data was being prepared), so no run is orphaned. */
export async function putRun(db: LooplabDB, row: RunRow): Promise<void> {
  await write(db, [db.runs, db.projects], async () => {
    await mustGetProject(db, row.projectId);
    await db.runs.put(row);
  });
}

export async function updateRun(db: LooplabDB, id: string, changes: Partial<Omit<RunRow, 'id' | 'projectId'>>): Promise<void> {
  await write(db, [db.runs], () => db.runs.update(id, { ...changes, updatedAt: Date.now() }));
}

/**
 * The run's final state and its model, in one transaction: a run never ends without its weights.
 * A run deleted meanwhile (with its project, perhaps) stays deleted: no orphan weights.
 */
export async function finishRun(db: LooplabDB, id: string, changes: Partial<RunRow> & { status: RunStatus }, artifact: ArtifactRow | null): Promise<void> {
  await write(db, [db.runs, db.artifacts], async () => {
    if (!(await db.runs.get(id))) return;
    if (artifact) await db.artifacts.put(artifact);
    await db.runs.update(id, { ...changes, updatedAt: Date.now() });
  });
}

export async function deleteRun(db: LooplabDB, id: string): Promise<void> {
  await write(db, [db.runs, db.artifacts, db.evaluations], async () => {
    await db.artifacts.where('[runId+kind]').between([id, ''], [id, '\uffff']).delete();
    await db.evaluations.where('runId').equals(id).delete();
    await db.runs.delete(id);
  });
}

export function getArtifact(db: LooplabDB, runId: string, kind: string): Promise<ArtifactRow | undefined> {
  return db.artifacts.get([runId, kind]);
}

/**
 * Mark runs left 'running' by a tab that is gone as interrupted; returns how many. Gone: the run
 * locks show no one holds its lock (run-locks.ts), or, where there are no locks, its heartbeat is
 * stale. A held lock outranks a quiet heartbeat: a long transaction elsewhere (copying a big
 * project) can delay heartbeats of a run that is still training.
 */
export async function sweepInterruptedRuns(db: LooplabDB, now = Date.now(), owners: RunOwners | null = null): Promise<number> {
  return write(db, [db.runs], async () => {
    const stale = await db.runs
      .where('status')
      .equals('running')
      .filter((r) => (owners ? ownerGone(owners, r.id, r.createdAt) : now - r.heartbeatAt > HEARTBEAT_STALE_MS))
      .toArray();
    for (const r of stale) {
      await db.runs.update(r.id, { status: 'interrupted', message: 'The run was cut off (the tab was closed or reloaded) before it ended.', updatedAt: now });
    }
    return stale.length;
  });
}
