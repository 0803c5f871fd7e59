/**
 * The one open database of the app and the transaction helper every write goes through.
 * The helper tracks pending writes, so tests and the shutdown path can await them.
 */
import { liveQuery, type Table, type TransactionMode } from 'dexie';
import { LooplabDB } from './schema';

let instance: LooplabDB | undefined;

/** The app's database, opened on first use. */
export function getDb(): LooplabDB {
  instance ??= new LooplabDB();
  return instance;
}

/**
 * Open the app's database now, so a failure (private window, a newer schema from a newer
 * Looplab, a full disk) is reported once at start-up instead of at the first click.
 * `onClosedElsewhere` runs when another tab upgrades the schema and this tab must reload.
 */
export async function openAppDb(onClosedElsewhere: () => void): Promise<LooplabDB> {
  const db = getDb();
  db.on('versionchange', () => {
    onClosedElsewhere();
    // Returning nothing lets Dexie close this connection, so the other tab's upgrade proceeds.
  });
  await db.open();
  return db;
}

const pending = new Set<Promise<unknown>>();

/** Run `work` in one read-write transaction over `tables`: all of it is written, or none. */
export function write<T>(db: LooplabDB, tables: readonly Table[], work: () => Promise<T>): Promise<T> {
  const mode: TransactionMode = 'rw';
  const p = db.transaction(mode, tables as Table[], work);
  pending.add(p);
  const settle = () => pending.delete(p);
  p.then(settle, settle);
  return p;
}

/** Resolves when every write started so far has committed or failed. */
export async function writesSettled(): Promise<void> {
  while (pending.size > 0) await Promise.allSettled([...pending]);
}

/** Subscribe to a query; `onValue` runs now and again whenever the rows it read change. */
export function watch<T>(query: () => Promise<T>, onValue: (value: T) => void, onError: (e: unknown) => void): () => void {
  const sub = liveQuery(query).subscribe({ next: onValue, error: onError });
  return () => sub.unsubscribe();
}

