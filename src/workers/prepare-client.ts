/** The page's handle on the prepare worker (see worker-handle.ts). */
import type { PrepareWorkerApi } from './prepare-protocol';
import { workerHandle } from './worker-handle';

const handle = workerHandle<PrepareWorkerApi>(() => new Worker(new URL('./prepare.worker.ts', import.meta.url), { type: 'module', name: 'looplab-prepare' }), 'prepares data');

export const callPrepareWorker = handle.call;
export const cancelPrepareWorker = handle.cancel;
