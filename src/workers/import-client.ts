/**
 * The page's handle on the import worker: one worker, started on first use. A worker that
 * fails to start (or dies) rejects every call with a sentence the page can show, instead of
 * leaving the page waiting forever. Cancelling terminates the worker: its parse runs in one
 * synchronous task that no message can interrupt, and terminating it aborts its open
 * transaction, so nothing half-done is stored.
 */
import * as Comlink from 'comlink';
import { UserFacingError } from '../shared/errors';
import type { ImportWorkerApi } from './import-protocol';

interface Handle {
  worker: Worker;
  remote: Comlink.Remote<ImportWorkerApi>;
  /** rejects when the worker fails or is cancelled */
  failed: Promise<never>;
  stop: (reason: Error) => void;
}

/** The rejection of every call in flight when the worker is cancelled. */
export class WorkerCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

let handle: Handle | undefined;

function start(): Handle {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'looplab-import' });
  let stop: (reason: Error) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => {
    stop = (reason) => {
      handle = undefined; // the next call starts a fresh worker
      reject(reason);
    };
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      stop(new UserFacingError(`The background worker that reads files stopped${event.message ? ` (${event.message})` : ''}. Try again; if it keeps failing, reload the page.`));
    });
  });
  failed.catch(() => undefined); // only calls in flight care
  return { worker, remote: Comlink.wrap<ImportWorkerApi>(worker), failed, stop };
}

/** Call the import worker; rejects if the worker fails while the call is in flight. */
export function callImportWorker<T>(call: (api: Comlink.Remote<ImportWorkerApi>) => Promise<T> | Promise<unknown>): Promise<T> {
  handle ??= start();
  return Promise.race([call(handle.remote) as Promise<T>, handle.failed]);
}

/** Wrap a callback so the worker can call it (progress reports). */
export function workerCallback<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
  return Comlink.proxy(fn);
}

/** Stop whatever the worker is doing: calls in flight reject with WorkerCancelled. */
export function cancelImportWorker(): void {
  if (!handle) return;
  handle.worker.terminate();
  handle.stop(new WorkerCancelled());
}
