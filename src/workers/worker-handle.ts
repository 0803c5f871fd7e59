/**
 * The page's handle on one kind of worker, started on first use. A worker that fails to start
 * (or dies) rejects every call with a sentence the page can show, instead of leaving the page
 * waiting forever. Cancelling terminates the worker: its work runs in synchronous tasks that no
 * message can interrupt, and terminating it aborts its open transaction, so nothing half-done
 * is stored. The next call starts a fresh worker.
 */
import * as Comlink from 'comlink';
import { UserFacingError } from '../shared/errors';

/** The rejection of every call in flight when the worker is cancelled. */
export class WorkerCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

interface Running<Api> {
  worker: Worker;
  remote: Comlink.Remote<Api>;
  /** rejects when the worker fails or is cancelled */
  failed: Promise<never>;
  stop: (reason: Error) => void;
}

export interface WorkerHandle<Api> {
  /** Call the worker; rejects if it fails or is cancelled while the call is in flight. */
  call<T>(fn: (api: Comlink.Remote<Api>) => Promise<T> | Promise<unknown>): Promise<T>;
  /** Stop whatever the worker is doing: calls in flight reject with WorkerCancelled. */
  cancel(): void;
}

/** `doing` completes "The background worker that … stopped", e.g. 'reads files'. */
export function workerHandle<Api>(create: () => Worker, doing: string): WorkerHandle<Api> {
  let running: Running<Api> | undefined;
  const start = (): Running<Api> => {
    const worker = create();
    let stop: (reason: Error) => void = () => undefined;
    const failed = new Promise<never>((_, reject) => {
      stop = (reason) => {
        running = undefined;
        reject(reason);
      };
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        stop(new UserFacingError(`The background worker that ${doing} stopped${event.message ? ` (${event.message})` : ''}. Try again; if it keeps failing, reload the page.`));
      });
    });
    failed.catch(() => undefined); // only calls in flight care
    return { worker, remote: Comlink.wrap<Api>(worker), failed, stop };
  };
  return {
    call<T>(fn: (api: Comlink.Remote<Api>) => Promise<T> | Promise<unknown>): Promise<T> {
      running ??= start();
      return Promise.race([fn(running.remote) as Promise<T>, running.failed]);
    },
    cancel() {
      if (!running) return;
      running.worker.terminate();
      running.stop(new WorkerCancelled());
    },
  };
}

/** A callback a worker can call, that can be closed: calls after close() are dropped. */
export type WorkerCallback<A extends unknown[]> = ((...args: A) => void) & { close(): void };

/**
 * Wrap a callback so a worker can call it (progress reports). Its calls travel on a port of
 * their own, so the last one can arrive after the answer to the call it reports on: close it
 * once that answer is in, or a finished job's "10 of 10" comes back and stays.
 */
export function workerCallback<A extends unknown[]>(fn: (...args: A) => void): WorkerCallback<A> {
  let open = true;
  const callback = Comlink.proxy((...args: A) => {
    if (open) fn(...args);
  });
  return Object.assign(callback, { close: () => void (open = false) });
}
