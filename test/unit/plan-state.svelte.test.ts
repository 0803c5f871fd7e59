import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { onFailedSave, type FailedSave } from '../../src/shared/flush-registry';
import { emptyPlan } from '../../src/plan/plan';
import { PlanState } from '../../src/plan/plan.svelte';
import { createProject, deleteProject, getProject, savePlan } from '../../src/storage/projects';
import { LooplabDB } from '../../src/storage/schema';
import { freshName } from '../storage/legacy';

let db: LooplabDB;
let reported: FailedSave[];
let stopListening: () => void;
beforeEach(async () => {
  db = new LooplabDB(freshName());
  await db.open();
  reported = [];
  stopListening = onFailedSave((f) => reported.push(f));
});
afterEach(() => {
  stopListening();
  db.close();
});

// Tests run Svelte's server build, where effects do not run: the edit's save is started by hand
// (retry), as the autosave would, and the view's closing calls leave().
describe('the Plan state, when its page closes', () => {
  test('a save that fails is reported to the shell, whose retry writes the whole plan', async () => {
    const project = await createProject(db, 'P', emptyPlan());
    const state = new PlanState(project.id, emptyPlan(), db);
    state.plan.problem = 'Predict churn';
    // The project is gone (another tab deleted it), so the save fails.
    await deleteProject(db, project.id);
    await state.retry();
    await state.leave();
    expect(reported).toHaveLength(1);
    expect(reported[0]!.message).toMatch(/^Your last changes in Plan were not saved\. .*no longer exists/);

    // Back again (restored from a file, say): the retry from the shell writes it.
    await db.projects.add(project);
    await reported[0]!.retry!();
    expect(reported).toHaveLength(1);
    expect((await getProject(db, project.id))!.plan).toMatchObject({ problem: 'Predict churn' });
  });

  test('a retry that fails again is reported again; a page closed with everything saved reports nothing', async () => {
    const project = await createProject(db, 'P', emptyPlan());
    const state = new PlanState(project.id, emptyPlan(), db);
    await state.leave();
    expect(reported).toEqual([]);
    state.plan.notes = 'n';
    await deleteProject(db, project.id);
    await state.retry();
    await state.leave();
    await reported[0]!.retry!();
    expect(reported).toHaveLength(2);
    expect(state.saveState).toBe('error');
  });

  test('the shell’s retry never writes older changes over a plan saved since (Plan opened again, or another tab)', async () => {
    const project = await createProject(db, 'P', emptyPlan());
    const state = new PlanState(project.id, emptyPlan(), db);
    state.plan.problem = 'older';
    // The write fails once (the disk, say) while the project is there.
    const update = vi.spyOn(db.projects, 'update').mockRejectedValueOnce(new Error('disk'));
    await state.retry();
    await state.leave();
    update.mockRestore();
    expect(reported).toHaveLength(1);
    // Plan opened again and edited; its own save lands.
    await savePlan(db, project.id, { ...emptyPlan(), problem: 'newer' });
    await reported[0]!.retry!();
    expect((await getProject(db, project.id))!.plan).toMatchObject({ problem: 'newer' });
    expect(reported).toHaveLength(2);
    expect(reported[1]!.message).toMatch(/changed since/);
    expect(reported[1]!.retry).toBeUndefined();
  });
});
