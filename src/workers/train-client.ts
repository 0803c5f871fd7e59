/** The page's handle on the train worker (see worker-handle.ts). */
import type { TrainWorkerApi } from './train-protocol';
import { workerHandle } from './worker-handle';

const handle = workerHandle<TrainWorkerApi>(() => new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module', name: 'looplab-train' }), 'trains models');

export const callTrainWorker = handle.call;
/** Terminates the worker: for a run that does not answer Stop or Cancel. */
export const killTrainWorker = handle.cancel;
