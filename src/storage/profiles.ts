/** The profiles table: one computed profile per dataset (derived data: recomputed when stale). */
import { write } from './database';
import type { ProfileRow } from './rows';
import type { LooplabDB } from './schema';

export function getProfile(db: LooplabDB, datasetId: string): Promise<ProfileRow | undefined> {
  return db.profiles.get(datasetId);
}

/** Store a profile, unless its dataset was deleted meanwhile (a profile never outlives its data). */
export async function saveProfile(db: LooplabDB, row: ProfileRow): Promise<void> {
  await write(db, [db.profiles, db.datasets], async () => {
    if (await db.datasets.get(row.datasetId)) await db.profiles.put(row);
  });
}
