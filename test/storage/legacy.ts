/**
 * Builds a database of an old schema by hand, with the raw IndexedDB API and no Looplab code,
 * so a migration test can open it with today's code. Dexie stores version n as IndexedDB
 * version n × 10; schema strings use Dexie's syntax ('id, projectId', '[a+b]', '++id', '&u').
 */

function keyPathOf(spec: string): string | string[] | null {
  const s = spec.replace(/^(\+\+|&|\*)/, '');
  if (s === '') return null;
  if (s.startsWith('[')) return s.slice(1, -1).split('+');
  return s;
}

export async function createLegacyDatabase(
  name: string,
  dexieVersion: number,
  schema: Record<string, string>,
  rows: Record<string, unknown[]>,
): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name, dexieVersion * 10);
    request.onupgradeneeded = () => {
      for (const [table, spec] of Object.entries(schema)) {
        const [primary, ...indexes] = spec.split(',').map((p) => p.trim());
        const store = request.result.createObjectStore(table, {
          keyPath: keyPathOf(primary!),
          autoIncrement: primary!.startsWith('++'),
        });
        for (const index of indexes) {
          const indexName = index.replace(/^(&|\*)/, '');
          store.createIndex(indexName, keyPathOf(index)!, { unique: index.startsWith('&'), multiEntry: index.startsWith('*') });
        }
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const tables = Object.keys(rows);
  if (tables.length > 0) {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(tables, 'readwrite');
      for (const table of tables) for (const row of rows[table]!) tx.objectStore(table).put(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }
  db.close();
}

let counter = 0;
/** A database name no other test uses. */
export function freshName(): string {
  counter += 1;
  return `looplab-test-${process.pid}-${counter}`;
}
