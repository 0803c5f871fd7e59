import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createProject, deleteProject, duplicateProject } from '../../src/storage/projects';
import { LooplabDB } from '../../src/storage/schema';
import { getTrainDraft, saveTrainDraft } from '../../src/storage/train-drafts';
import { freshName } from './legacy';

let db: LooplabDB;
beforeEach(async () => {
  db = new LooplabDB(freshName());
  await db.open();
});
afterEach(() => db.close());

describe('the Train form drafts', () => {
  test('one draft per project, read back as written; none reads as null', async () => {
    const a = await createProject(db, 'A', {});
    const b = await createProject(db, 'B', {});
    await saveTrainDraft(db, a.id, { spec: { epochs: 123 } });
    expect(await getTrainDraft(db, a.id)).toEqual({ spec: { epochs: 123 } });
    expect(await getTrainDraft(db, b.id)).toBeNull();
  });

  test('deleting a project deletes its draft; a draft saved late, after its project went, is not written', async () => {
    const a = await createProject(db, 'A', {});
    await saveTrainDraft(db, a.id, { spec: { epochs: 123 } });
    await deleteProject(db, a.id);
    expect(await getTrainDraft(db, a.id)).toBeNull();
    await saveTrainDraft(db, a.id, { spec: { epochs: 124 } });
    expect(await getTrainDraft(db, a.id)).toBeNull();
    expect(await db.meta.count()).toBe(0);
  });

  test('a copy of the project gets its own copy of the draft; the source keeps its own', async () => {
    const a = await createProject(db, 'A', {});
    await saveTrainDraft(db, a.id, { spec: { epochs: 123 } });
    const copy = await duplicateProject(db, a.id);
    expect(await getTrainDraft(db, copy.id)).toEqual({ spec: { epochs: 123 } });
    await saveTrainDraft(db, copy.id, { spec: { epochs: 7 } });
    expect(await getTrainDraft(db, a.id)).toEqual({ spec: { epochs: 123 } });
  });
});
