/** The page's handle on the import worker (see worker-handle.ts). */
import type { ImportWorkerApi } from './import-protocol';
import { workerHandle } from './worker-handle';

export { WorkerCancelled, workerCallback } from './worker-handle';

const handle = workerHandle<ImportWorkerApi>(() => new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'looplab-import' }), 'reads files');

export const callImportWorker = handle.call;
export const cancelImportWorker = handle.cancel;
