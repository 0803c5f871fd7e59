/** The page's handle on the evaluate worker (see worker-handle.ts). */
import type { EvaluateWorkerApi } from './evaluate-protocol';
import { workerHandle } from './worker-handle';

const handle = workerHandle<EvaluateWorkerApi>(() => new Worker(new URL('./evaluate.worker.ts', import.meta.url), { type: 'module', name: 'looplab-evaluate' }), 'computes evaluations');

export const callEvaluateWorker = handle.call;
