import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { saveHoldout } from '../../src/storage/evaluations';
import { createProject, deleteProject } from '../../src/storage/projects';
import { deleteRun, finishRun, getArtifact, getRun, HEARTBEAT_STALE_MS, listRuns, putRun, sweepInterruptedRuns } from '../../src/storage/runs';
import { LooplabDB } from '../../src/storage/schema';
import { evaluationRow, runRow } from '../helpers/rows';
import { freshName } from './legacy';

let db: LooplabDB;
beforeEach(async () => {
  db = new LooplabDB(freshName());
  await db.open();
  // Runs belong to projects: these two stand for any.
  for (const id of ['p', 'q']) await db.projects.put({ ...(await createProject(db, id, {})), id });
});
afterEach(() => db.close());

describe('runs', () => {
  test('listed newest first, per project', async () => {
    await putRun(db, runRow({ id: 'a', projectId: 'p', createdAt: 1 }));
    await putRun(db, runRow({ id: 'b', projectId: 'p', createdAt: 2 }));
    await putRun(db, runRow({ id: 'c', projectId: 'q', createdAt: 3 }));
    expect((await listRuns(db, 'p')).map((r) => r.id)).toEqual(['b', 'a']);
  });

  test('a run ends with its model in one transaction; deleting it deletes the model', async () => {
    await putRun(db, runRow({ id: 'r', projectId: 'p', status: 'running' }));
    await finishRun(db, 'r', { status: 'completed', bestEpoch: 3 }, { runId: 'r', kind: 'model', weightData: new ArrayBuffer(8) });
    expect(await getRun(db, 'r')).toMatchObject({ status: 'completed', bestEpoch: 3 });
    expect((await getArtifact(db, 'r', 'model'))!.weightData).toBeInstanceOf(ArrayBuffer);
    await deleteRun(db, 'r');
    expect(await getRun(db, 'r')).toBeUndefined();
    expect(await getArtifact(db, 'r', 'model')).toBeUndefined();
  });

  test('a running run whose heartbeat went stale is marked interrupted; a live one is left alone', async () => {
    const now = 1_000_000;
    await putRun(db, runRow({ id: 'dead', projectId: 'p', status: 'running', heartbeatAt: now - HEARTBEAT_STALE_MS - 1 }));
    await putRun(db, runRow({ id: 'alive', projectId: 'p', status: 'running', heartbeatAt: now - 1000 }));
    await putRun(db, runRow({ id: 'done', projectId: 'p', status: 'completed', heartbeatAt: 0 }));
    expect(await sweepInterruptedRuns(db, now)).toBe(1);
    expect((await getRun(db, 'dead'))!.status).toBe('interrupted');
    expect((await getRun(db, 'dead'))!.message).toMatch(/cut off/);
    expect((await getRun(db, 'alive'))!.status).toBe('running');
    expect((await getRun(db, 'done'))!.status).toBe('completed');
  });

  test('with run locks, a running run nobody holds the lock of is interrupted at once; one stored after the locks were asked is left alone', async () => {
    const now = 1_000_000;
    await putRun(db, runRow({ id: 'orphan', projectId: 'p', status: 'running', heartbeatAt: now - 1000, createdAt: now - 5000 }));
    await putRun(db, runRow({ id: 'owned', projectId: 'p', status: 'running', heartbeatAt: now - 1000, createdAt: now - 5000 }));
    await putRun(db, runRow({ id: 'new', projectId: 'p', status: 'running', heartbeatAt: now, createdAt: now }));
    // Held, with a heartbeat gone quiet (a long transaction delayed it): still training.
    await putRun(db, runRow({ id: 'slow', projectId: 'p', status: 'running', heartbeatAt: now - HEARTBEAT_STALE_MS - 1, createdAt: now - 60_000 }));
    expect(await sweepInterruptedRuns(db, now, { held: new Set(['owned', 'slow']), askedAt: now - 10 })).toBe(1);
    expect((await getRun(db, 'slow'))!.status).toBe('running');
    expect((await getRun(db, 'orphan'))!.status).toBe('interrupted');
    expect((await getRun(db, 'owned'))!.status).toBe('running');
    expect((await getRun(db, 'new'))!.status).toBe('running');
  });

  test('a run whose project is gone is not stored', async () => {
    await expect(putRun(db, runRow({ id: 'r', projectId: 'gone' }))).rejects.toThrow(/no longer exists/);
    expect(await getRun(db, 'r')).toBeUndefined();
  });

  test('a run whose project was deleted while it trained leaves no weights or predictions behind', async () => {
    const project = await createProject(db, 'Gone', {});
    await putRun(db, runRow({ id: 'r', projectId: project.id, status: 'running' }));
    await deleteProject(db, project.id);
    // The worker does not know, and ends the run as usual.
    await saveHoldout(db, 'r', [evaluationRow({ id: 'e', runId: 'r' })]);
    await finishRun(db, 'r', { status: 'completed' }, { runId: 'r', kind: 'model', weightData: new ArrayBuffer(8) });
    expect(await db.artifacts.count()).toBe(0);
    expect(await db.evaluations.count()).toBe(0);
    expect(await getRun(db, 'r')).toBeUndefined();
  });
});
