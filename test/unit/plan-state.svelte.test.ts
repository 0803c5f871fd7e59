import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { onFailedSave, type FailedSave } from '../../src/shared/flush-registry';
import { emptyPlan, normalizePlan } from '../../src/plan/plan';
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

// Two PlanStates on one project are two tabs; their watch of the stored plan is an effect, so
// tests call sync() where the watch would.
describe('two tabs editing the same plan', () => {
  async function twoTabs() {
    const project = await createProject(db, 'P', emptyPlan());
    const tabA = new PlanState(project.id, normalizePlan(project.plan), db);
    const tabB = new PlanState(project.id, normalizePlan(project.plan), db);
    const stored = async () => normalizePlan((await getProject(db, project.id))!.plan);
    return { tabA, tabB, stored };
  }

  test('different fields: the later save keeps the other tab’s edit, shows it, and says so', async () => {
    const { tabA, tabB, stored } = await twoTabs();
    tabA.plan.problem = 'Predict churn';
    await tabA.retry();
    tabB.plan.notes = 'data from CRM';
    await tabB.retry();
    expect(await stored()).toMatchObject({ problem: 'Predict churn', notes: 'data from CRM' });
    expect(tabB.plan).toMatchObject({ problem: 'Predict churn', notes: 'data from CRM' });
    expect(tabB.saveState).toBe('saved');
    expect(tabB.notice).toBe('This plan was also changed in another tab; both sets of changes are kept.');
    expect(tabA.notice).toBeNull();
    // Tab A's next save merges tab B's notes in the same way.
    tabA.plan.risks = 'r';
    await tabA.retry();
    expect(await stored()).toMatchObject({ problem: 'Predict churn', notes: 'data from CRM', risks: 'r' });
    expect(tabA.plan.notes).toBe('data from CRM');
  });

  test('the same field: this tab’s text is kept, the other tab’s other fields too, and the field is named', async () => {
    const { tabA, tabB, stored } = await twoTabs();
    tabA.plan.problem = 'from A';
    tabA.plan.feasibility['enough-data'].status = 'yes';
    await tabA.retry();
    tabB.plan.problem = 'from B';
    tabB.plan.feasibility['enough-data'].note = '150 rows';
    await tabB.retry();
    expect(await stored()).toMatchObject({ problem: 'from B', feasibility: { 'enough-data': { status: 'yes', note: '150 rows' } } });
    expect(tabB.notice).toBe(
      'This plan was also changed in another tab; both sets of changes are kept. “Problem statement” was changed in both; this tab’s text was kept.',
    );
  });

  test('an idle tab shows the other tab’s save without writing anything', async () => {
    const { tabA, tabB } = await twoTabs();
    tabA.plan.problem = 'Predict churn';
    await tabA.retry();
    const updatedAt = (await db.projects.toArray())[0]!.updatedAt;
    await tabB.sync();
    expect(tabB.plan.problem).toBe('Predict churn');
    expect(tabB.saveState).toBe('saved');
    expect(tabB.notice).toBe('This plan was changed in another tab; it is shown as it is now.');
    await tabB.flush();
    expect((await db.projects.toArray())[0]!.updatedAt).toBe(updatedAt);
  });

  test('a tab with unsaved edits takes the other tab’s save in and still writes its own', async () => {
    const { tabA, tabB, stored } = await twoTabs();
    tabB.plan.risks = 'unsaved in B';
    tabA.plan.problem = 'from A';
    await tabA.retry();
    await tabB.sync();
    expect(tabB.plan).toMatchObject({ problem: 'from A', risks: 'unsaved in B' });
    await tabB.retry();
    expect(await stored()).toMatchObject({ problem: 'from A', risks: 'unsaved in B' });
  });

  test('the field the learner is in is never rewritten under them: the other tab’s changes wait until they leave it', async () => {
    const { tabA, tabB } = await twoTabs();
    await tabB.editing('problem');
    tabA.plan.problem = 'from A';
    tabA.plan.risks = 'risk from A';
    await tabA.retry();
    expect(tabB.waitingFor).toBeNull();
    await tabB.sync();
    expect(tabB.plan.problem).toBe('');
    expect(tabB.plan.risks).toBe('');
    // The page says what waits, naming the field by its label.
    expect(tabB.waitingFor).toBe('Problem statement');
    // Moving to a field the change does not touch leaves the problem field: all of it shows.
    await tabB.editing('notes');
    expect(tabB.plan).toMatchObject({ problem: 'from A', risks: 'risk from A' });
    expect(tabB.waitingFor).toBeNull();
  });

  test('typing in that field makes it this tab’s: its save keeps the typing and takes the rest', async () => {
    const { tabA, tabB, stored } = await twoTabs();
    await tabB.editing('problem');
    tabA.plan.problem = 'from A';
    tabA.plan.risks = 'risk from A';
    await tabA.retry();
    tabB.plan.problem = 'typed in B';
    await tabB.retry();
    expect(await stored()).toMatchObject({ problem: 'typed in B', risks: 'risk from A' });
    expect(tabB.plan).toMatchObject({ problem: 'typed in B', risks: 'risk from A' });
    expect(tabB.notice).toMatch(/“Problem statement” was changed in both; this tab’s text was kept\.$/);
    expect(tabB.waitingFor).toBeNull();
  });

  test('a save whose merge would rewrite the focused field waits for the learner to leave it, then writes both', async () => {
    const { tabA, tabB, stored } = await twoTabs();
    await tabB.editing('problem');
    tabA.plan.problem = 'from A';
    await tabA.retry();
    tabB.plan.notes = 'notes from B';
    await tabB.retry();
    expect(tabB.saveState).toBe('pending');
    expect(tabB.plan.problem).toBe('');
    expect((await stored()).notes).toBe('');
    await tabB.editing(null);
    await tabB.flush();
    expect(tabB.saveState).toBe('saved');
    expect(await stored()).toMatchObject({ problem: 'from A', notes: 'notes from B' });
    expect(tabB.plan.problem).toBe('from A');
  });

  test('a plan stored in an older shape is no conflict by itself', async () => {
    const project = await createProject(db, 'P', { problem: 'old' });
    const tab = new PlanState(project.id, normalizePlan(project.plan), db);
    tab.plan.notes = 'n';
    await tab.retry();
    expect(tab.notice).toBeNull();
    expect((await getProject(db, project.id))!.plan).toMatchObject({ problem: 'old', notes: 'n' });
  });
});
