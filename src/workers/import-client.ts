/**
 * The page's handle on the import worker: one worker, started on first use. A worker that
 * fails to start (or dies) rejects every call with a sentence the page can show, instead of
 * leaving the page waiting forever.
 */
import * as Comlink from 'comlink';
import { UserFacingError } from '../shared/errors';
import type { ImportWorkerApi } from './import-protocol';

interface Handle {
  remote: Comlink.Remote<ImportWorkerApi>;
  failed: Promise<never>;
}

let handle: Handle | undefined;

function start(): Handle {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'looplab-import' });
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      handle = undefined; // the next call starts a fresh worker
      reject(new UserFacingError(`The background worker that reads files stopped${event.message ? ` (${event.message})` : ''}. Try again; if it keeps failing, reload the page.`));
    });
  });
  failed.catch(() => undefined); // only calls in flight care
  return { remote: Comlink.wrap<ImportWorkerApi>(worker), failed };
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
