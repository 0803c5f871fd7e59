/**
 * The Train stage's New run form as the learner left it, one draft per project, kept in the meta
 * table under `trainDraft:<project id>` (meta holds any key, so no schema version was needed).
 * The draft is plain JSON; train/train-draft.ts reads it back. deleteProject deletes it.
 */
import { write } from './database';
import type { LooplabDB } from './schema';

export const trainDraftKey = (projectId: string): string => `trainDraft:${projectId}`;

/** The project's stored draft, or null when it has none. */
export async function getTrainDraft(db: LooplabDB, projectId: string): Promise<unknown> {
  return (await db.meta.get(trainDraftKey(projectId)))?.value ?? null;
}

/** Store the project's draft; a draft saved after its project was deleted (another tab) is dropped, never left behind. */
export async function saveTrainDraft(db: LooplabDB, projectId: string, draft: unknown): Promise<void> {
  await write(db, [db.projects, db.meta], async () => {
    if (!(await db.projects.get(projectId))) return;
    await db.meta.put({ key: trainDraftKey(projectId), value: draft });
  });
}
