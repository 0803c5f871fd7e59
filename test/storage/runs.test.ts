import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { deleteRun, finishRun, getArtifact, getRun, HEARTBEAT_STALE_MS, listRuns, putRun, sweepInterruptedRuns } from '../../src/storage/runs';
import { LooplabDB } from '../../src/storage/schema';
import { runRow } from '../helpers/rows';
import { freshName } from './legacy';

let db: LooplabDB;
beforeEach(async () => {
  db = new LooplabDB(freshName());
  await db.open();
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
});
