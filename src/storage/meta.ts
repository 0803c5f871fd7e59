/** The meta table: small settings and facts about the app, one row per key. */
import { write } from './database';
import type { LooplabDB } from './schema';

export async function getMeta<T>(db: LooplabDB, key: string): Promise<T | undefined> {
  const row = await db.meta.get(key);
  return row?.value as T | undefined;
}

export async function setMeta(db: LooplabDB, key: string, value: unknown): Promise<void> {
  await write(db, [db.meta], () => db.meta.put({ key, value }));
}
