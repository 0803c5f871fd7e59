import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createProject } from '../../../src/storage/projects';
import { LooplabDB } from '../../../src/storage/schema';
import { saveTrainDraft } from '../../../src/storage/train-drafts';
import { normalizeTrainSpec } from '../../../src/train/model-spec';
import { emptySweepForm } from '../../../src/train/train-draft';
import { TrainState } from '../../../src/train/train.svelte';
import { freshDatabase } from '../../helpers/fresh-db';
import { runRow } from '../../helpers/rows';
import { trainWorker } from '../../helpers/train-worker-stub';

// The worker is not there in Node: a stand-in whose runs are refused unless a test says otherwise.
vi.mock('../../../src/workers/train-client', async () => (await import('../../helpers/train-worker-stub')).stubbedTrainClient());

let db: LooplabDB;
beforeEach(async () => {
  db = await freshDatabase();
  vi.clearAllMocks();
});
afterEach(() => db.close());

/** A project whose latest stored run trained 30 epochs without L2, as in the auditor's report. */
async function projectWithRun(): Promise<string> {
  const project = await createProject(db, 'P', {});
  await db.runs.put(runRow({ id: 'r1', projectId: project.id, name: 'Run 1', spec: normalizeTrainSpec({ epochs: 30, l2: 0, seed: 3 }) }));
  return project.id;
}

async function opened(projectId: string, seed = 1, on: LooplabDB = db): Promise<TrainState> {
  const state = new TrainState(projectId, seed, on);
  await state.loaded;
  return state;
}

// Tests run Svelte's server build, where effects do not run: keepDraft() is called where the
// autosave (or the view closing) would call it.
describe('the New run form is kept as the learner left it, per project', () => {
  test('Epochs, L2 and the sweep lists survive leaving Train and coming back, and a reload; the draft wins over the latest run', async () => {
    const projectId = await projectWithRun();
    const first = await opened(projectId);
    expect(first.spec.epochs).toBe(30);
    first.spec.epochs = 123;
    first.spec.l2 = 0.005;
    first.sweepForm.mode = 'random';
    first.sweepForm.texts.learningRate = '0.01, 0.001';
    await first.keepDraft();

    const back = await opened(projectId);
    expect(back.spec).toEqual({ ...normalizeTrainSpec({ epochs: 123, l2: 0.005, seed: 3 }) });
    expect(back.sweepForm).toEqual({ ...emptySweepForm(), mode: 'random', texts: { ...emptySweepForm().texts, learningRate: '0.01, 0.001' } });

    // A reload: another connection to the same database.
    const reloaded = new LooplabDB(db.name);
    try {
      expect((await opened(projectId, 1, reloaded)).spec.epochs).toBe(123);
    } finally {
      reloaded.close();
    }
  });

  test('a draft belongs to its project: another project’s form starts from its own runs or the defaults', async () => {
    const projectId = await projectWithRun();
    const other = await createProject(db, 'Q', {});
    const first = await opened(projectId);
    first.spec.epochs = 123;
    await first.keepDraft();
    expect((await opened(other.id, 5)).spec).toEqual(normalizeTrainSpec({ seed: 5 }));
    expect((await opened(projectId)).spec.epochs).toBe(123);
  });

  test('after a run starts the form keeps its values, also when the run lands in storage, and they are kept for next time', async () => {
    const projectId = await projectWithRun();
    const state = await opened(projectId);
    state.spec.epochs = 77;
    // The worker stores the run, with the settings it trained, before it answers.
    trainWorker.train.mockImplementationOnce((async (request: { name: string; spec: unknown }) => {
      await db.runs.put(runRow({ id: 'r2', projectId, name: request.name, createdAt: 5, spec: request.spec }));
      return { ok: true, runId: 'r2', status: 'completed', message: null };
    }) as never);
    await state.train('Run 2');
    await vi.waitFor(() => expect(state.runs).toHaveLength(2));
    expect(state.spec.epochs).toBe(77);
    state.spec.l2 = 0.01;
    await state.keepDraft();
    expect((await opened(projectId)).spec).toMatchObject({ epochs: 77, l2: 0.01 });
  });

  test('a stored draft that no longer reads does not break the page: what still reads is kept, the rest comes from the latest run', async () => {
    const projectId = await projectWithRun();
    await saveTrainDraft(db, projectId, { spec: { epochs: 'lots', model: 'forest', l2: 0.002, layers: 'three' }, sweep: 'grid' });
    const state = await opened(projectId);
    expect(state.error).toBeNull();
    expect(state.spec).toEqual(normalizeTrainSpec({ epochs: 30, l2: 0.002, seed: 3 }));
    expect(state.sweepForm).toEqual(emptySweepForm());

    await saveTrainDraft(db, projectId, 'not a draft at all');
    const again = await opened(projectId);
    expect(again.error).toBeNull();
    expect(again.spec).toEqual(normalizeTrainSpec({ epochs: 30, l2: 0, seed: 3 }));
  });

  test('until the form has been filled from storage it is disabled, so nothing typed is replaced by what is read', async () => {
    const projectId = await projectWithRun();
    const state = new TrainState(projectId, 1, db);
    expect(state.busy).toBe(true);
    expect(state.busyReason).toBeNull();
    await state.loaded;
    expect(state.busy).toBe(false);
  });

  test('a form left as it was read writes nothing', async () => {
    const projectId = await projectWithRun();
    const state = await opened(projectId);
    const put = vi.spyOn(db.meta, 'put');
    await state.keepDraft();
    expect(put).not.toHaveBeenCalled();
  });
});

describe('default names never repeat one still there', () => {
  test('with Run 1 and Run 2 stored and Run 1 deleted, the placeholder is Run 3, not Run 2', async () => {
    const projectId = await projectWithRun();
    await db.runs.put(runRow({ id: 'r2', projectId, name: 'Run 2', createdAt: 2 }));
    const state = await opened(projectId);
    expect(state.defaultRunName).toBe('Run 3');
    await state.remove('r1');
    await vi.waitFor(() => expect(state.runs).toHaveLength(1));
    expect(state.defaultRunName).toBe('Run 3');
  });

  test('a sweep is named one more than the highest sweep still stored', async () => {
    const projectId = await projectWithRun();
    await db.runs.put(runRow({ id: 's', projectId, name: 'sweep 2 · trial 1', tags: ['sweep 2'], createdAt: 2 }));
    const state = await opened(projectId);
    await state.sweep({ mode: 'grid', trials: 0, seed: 1, axes: [{ key: 'epochs', values: [1, 2] }] });
    expect(trainWorker.train.mock.calls[0]![0].name).toBe('sweep 3 · trial 1');
  });
});
