import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { HEARTBEAT_STALE_MS } from '../../../src/shared/heartbeat';
import { createProject } from '../../../src/storage/projects';
import type { LooplabDB } from '../../../src/storage/schema';
import { TrainState } from '../../../src/train/train.svelte';
import { normalizeTrainSpec } from '../../../src/train/model-spec';
import { freshDatabase } from '../../helpers/fresh-db';
import { runRow } from '../../helpers/rows';
import { trainWorker } from '../../helpers/train-worker-stub';

// The worker is not there in Node: a stand-in that knows one job, 'r1'.
vi.mock('../../../src/workers/train-client', async () => (await import('../../helpers/train-worker-stub')).stubbedTrainClient());
trainWorker.stop.mockImplementation(async (id: string) => id === 'r1');
trainWorker.cancel.mockImplementation(async (id: string) => id === 'r1');

let db: LooplabDB;
beforeEach(async () => {
  db = await freshDatabase();
  vi.clearAllMocks();
});
afterEach(() => db.close());

const history = [{ epoch: 1, loss: 0.9, valLoss: 0.8, metric: 0.5, valMetric: 0.6, seconds: 0.1, samplesPerSec: 1000 }];

/** A project whose run 'r1' is stored as training, its heartbeat `age` ms old. */
async function projectTraining(age: number): Promise<string> {
  const project = await createProject(db, 'P', {});
  const spec = normalizeTrainSpec({ epochs: 40 });
  await db.runs.put(runRow({ id: 'r1', projectId: project.id, name: 'Run 1', status: 'running', createdAt: 2, heartbeatAt: Date.now() - age, spec, backend: 'wasm', backendNote: 'WASM was chosen by hand.', history }));
  await db.runs.put(runRow({ id: 'r0', projectId: project.id, name: 'Run 0', createdAt: 1 }));
  return project.id;
}

describe('the Train page finds a run that is still training when it opens', () => {
  test('a stored run with a fresh heartbeat is shown live, Train is busy, and Stop and Cancel name the run', async () => {
    const projectId = await projectTraining(1000);
    const state = new TrainState(projectId, 1, db);
    await state.loaded;
    expect(state.busy).toBe(true);
    expect(state.live).toMatchObject({ runId: 'r1', attached: true, phase: 'training', epochs: 40, backend: 'wasm', history });
    expect(state.busyReason).toBe('“Run 1” is training: one run at a time. Stop it, or wait for it to end.');
    state.stop();
    await vi.waitFor(() => expect(trainWorker.stop).toHaveBeenCalledWith('r1'));
    expect(state.live?.phase).toBe('stopping');
    state.cancel();
    await vi.waitFor(() => expect(trainWorker.cancel).toHaveBeenCalledWith('r1'));
  });

  test('when the run ends in storage the page shows how it ended and is free again', async () => {
    const projectId = await projectTraining(1000);
    const state = new TrainState(projectId, 1, db);
    await state.loaded;
    await db.runs.update('r1', { status: 'stopped', message: null });
    await vi.waitFor(() => expect(state.live).toBeNull());
    expect(state.busy).toBe(false);
    expect(state.lastResult).toEqual({ ok: true, runId: 'r1', status: 'stopped', message: null });
  });

  test('a run whose heartbeat went quiet (its tab was closed) is not shown as training', async () => {
    const projectId = await projectTraining(HEARTBEAT_STALE_MS + 1000);
    const state = new TrainState(projectId, 1, db);
    await state.loaded;
    expect(state.busy).toBe(false);
    expect(state.live).toBeNull();
  });

  test('a run this tab’s worker does not know (another tab trains it) is let go with a sentence saying where it is', async () => {
    const project = await createProject(db, 'P', {});
    await db.runs.put(runRow({ id: 'elsewhere', projectId: project.id, name: 'Run 9', status: 'running', heartbeatAt: Date.now() }));
    const state = new TrainState(project.id, 1, db);
    await state.loaded;
    expect(state.live?.runId).toBe('elsewhere');
    state.stop();
    await vi.waitFor(() => expect(state.live).toBeNull());
    expect(state.error).toBe('“Run 9” is not training in this tab: stop it in the tab or window that started it. (A run cut off by a reload shows as interrupted within 15 seconds.)');
    // It is not picked up again at the next change to the runs.
    await db.runs.update('elsewhere', { heartbeatAt: Date.now() });
    await new Promise((r) => setTimeout(r, 50));
    expect(state.live).toBeNull();
  });
});

describe('the New run form is checked before a run starts', () => {
  test('a cleared units cell is refused naming the layer; nothing is sent to the worker', async () => {
    const project = await createProject(db, 'P', {});
    const state = new TrainState(project.id, 1, db);
    await state.loaded;
    state.spec.model = 'mlp';
    state.spec.layers = [{ units: 256, activation: 'relu', dropout: 0, batchNorm: false }, { units: null as unknown as number, activation: 'relu', dropout: 0, batchNorm: false }];
    state.spec.learningRate = null as unknown as number;
    await state.train('Run 1');
    expect(state.error).toBe('Units of layer 2: enter a whole number from 1 to 4,096. Learning rate: enter a number above 0, up to 10.');
    expect(state.live).toBeNull();
    expect(trainWorker.train).not.toHaveBeenCalled();
    await state.sweep({ mode: 'grid', trials: 0, seed: 1, axes: [{ key: 'epochs', values: [1, 2] }] });
    expect(state.error).toMatch(/^Units of layer 2/);
    expect(trainWorker.train).not.toHaveBeenCalled();
  });
});

describe('how a run ended', () => {
  test('held-out rows left out for a class training never had, and rows the recipe flagged, are told in plain words beside the result, from the stored run', async () => {
    const project = await createProject(db, 'P', {});
    const state = new TrainState(project.id, 1, db);
    await state.loaded;
    // The worker stores the run (with its counts) before it answers, as runTraining does.
    trainWorker.train.mockImplementationOnce((async () => {
      await db.runs.put(runRow({ id: 'x', projectId: project.id, unseenClassRows: { validation: 3, test: 1 }, flaggedRows: { validation: { rows: 0, filled: 0 }, test: { rows: 2, filled: 0 } } }));
      return { ok: true, runId: 'x', status: 'completed', message: null };
    }) as never);
    await state.train('Run 1');
    expect(state.lastResult).toMatchObject({ ok: true, status: 'completed' });
    await vi.waitFor(() =>
      expect(state.resultNotes).toEqual([
        '3 validation rows have a class the training rows never had, so they are left out of the validation figures.',
        '1 test row has a class the training rows never had, so it is left out of the test figures.',
        '2 test rows were flagged by the recipe: a step would have removed them from the training rows (duplicates, outliers, a filter, missing values) or met a value the training rows never had. They are scored as the recipe left them.',
      ]),
    );
    trainWorker.train.mockImplementationOnce((async () => {
      await db.runs.put(runRow({ id: 'y', projectId: project.id, unseenClassRows: { validation: 0, test: 0 } }));
      return { ok: true, runId: 'y', status: 'completed', message: null };
    }) as never);
    await state.train('Run 2');
    await vi.waitFor(() => expect(state.runs.some((r) => r.id === 'y')).toBe(true));
    expect(state.resultNotes).toEqual([]);
    // What the layout says comes first: the target, what was left out, then the scales (train/feature-scales.ts).
    const layout = { features: ['w'], classes: null, notes: ['Column "id" (an identifier) is left out of the features.'], targetNotes: ['Prepare’s step 1 (Scale numbers): …'], scaleNote: 'Some features are far from …' };
    trainWorker.train.mockImplementationOnce((async () => {
      await db.runs.put(runRow({ id: 'z', projectId: project.id, layout }));
      return { ok: true, runId: 'z', status: 'completed', message: null };
    }) as never);
    await state.train('Run 3');
    await vi.waitFor(() => expect(state.resultNotes).toEqual([...layout.targetNotes, ...layout.notes, layout.scaleNote]));
  });
});
