/** The page's handle on the import worker (see worker-handle.ts). */
import type { ImportWorkerApi } from './import-protocol';
import { WorkerCancelled, workerHandle } from './worker-handle';

export { WorkerCancelled, workerCallback } from './worker-handle';

const handle = workerHandle<ImportWorkerApi>(() => new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'looplab-import' }), 'reads files');

export const callImportWorker = handle.call;
export const cancelImportWorker = handle.cancel;

/** How often reading work is asked again after a cancel before it is given up quietly. */
const TRIES_THROUGH_CANCELS = 3;

/**
 * Call the worker for work that only reads (a profile, a page of rows, a scatter, a file's
 * columns). Cancelling an import or a merge stops the whole worker, and with it this work, which
 * had nothing to do with it: it is asked again of the fresh worker. Rejects with WorkerCancelled
 * only when cancels keep interrupting it.
 */
export async function callImportWorkerThroughCancels<T>(fn: Parameters<typeof callImportWorker>[0]): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await callImportWorker<T>(fn);
    } catch (e) {
      if (!(e instanceof WorkerCancelled) || tries >= TRIES_THROUGH_CANCELS) throw e;
    }
  }
}
