/** A database for one test: a name no other test uses, opened. The test closes it (afterEach). */
import { LooplabDB } from '../../src/storage/schema';
import { freshName } from '../storage/legacy';

export async function freshDatabase(): Promise<LooplabDB> {
  const db = new LooplabDB(freshName());
  await db.open();
  return db;
}
