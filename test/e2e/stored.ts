/** Reading the app's database with IndexedDB itself, from a test: what was stored, not what is shown. */
import type { Page } from 'playwright-core';

/** Every row of one object store of the app's database. */
export function storedRows<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('looplab');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll();
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            resolve(request.result as T[]);
            open.result.close();
          };
        };
      }),
    store,
  );
}

/** Rows in an object store of the app's database. */
export function countRows(page: Page, store: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('looplab');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).count();
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            resolve(request.result);
            open.result.close();
          };
        };
      }),
    store,
  );
}

/** One stored column's values in row order, null where missing: read chunk by chunk. */
export function storedColumn(page: Page, datasetId: string, column: number, kind: 'numeric' | 'label'): Promise<(number | string | null)[]> {
  return page.evaluate(
    ({ datasetId, column, kind }) =>
      new Promise<(number | string | null)[]>((resolve, reject) => {
        const open = indexedDB.open('looplab');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const range = IDBKeyRange.bound([datasetId, column, -1], [datasetId, column, Infinity]);
          const request = open.result.transaction('chunks').objectStore('chunks').getAll(range);
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const rows = request.result as { chunk: number; values?: ArrayBuffer; valid?: ArrayBuffer; dictionary?: string[] }[];
            const dictionary = rows.find((r) => r.chunk === -1)?.dictionary ?? [];
            const out: (number | string | null)[] = [];
            for (const r of rows.filter((r) => r.chunk >= 0).sort((a, b) => a.chunk - b.chunk)) {
              const values = kind === 'numeric' ? new Float64Array(r.values!) : new Uint32Array(r.values!);
              const valid = new Uint8Array(r.valid!);
              values.forEach((v, i) => out.push((valid[i >> 3]! >> (i & 7)) & 1 ? (kind === 'numeric' ? v : dictionary[v]!) : null));
            }
            resolve(out);
            open.result.close();
          };
        };
      }),
    { datasetId, column, kind },
  );
}
