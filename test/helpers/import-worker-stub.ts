/**
 * A stand-in for the import worker, for state tests in Node (no Worker there): each call waits
 * until the test settles it, and cancelling rejects every call in flight with WorkerCancelled,
 * as terminating the real worker does. Only the handle is replaced; the import client built on
 * it (its retry through cancels) stays real. In a test file:
 *
 *   vi.mock('../../../src/workers/worker-handle', async (original) =>
 *     (await import('../../helpers/import-worker-stub')).stubbedWorkerHandle(await original()));
 */
import { expect, vi } from 'vitest';
import type * as WorkerHandleModule from '../../src/workers/worker-handle';

export interface Call {
  method: string;
  args: unknown[];
  resolve: (value: unknown) => void;
  reject: (e: unknown) => void;
}

/** Every call made since the last `forgetCalls`, and those not yet settled. */
export const worker = { calls: [] as Call[], inFlight: new Set<Call>() };

export function forgetCalls(): void {
  worker.calls.length = 0;
  worker.inFlight.clear();
}

/** The worker-handle module with its handle replaced by one whose calls wait on the test. */
export function stubbedWorkerHandle(actual: typeof WorkerHandleModule): typeof WorkerHandleModule {
  const api = new Proxy(
    {},
    {
      get:
        (_, method: string) =>
        (...args: unknown[]) =>
          new Promise((resolve, reject) => {
            const call: Call = { method, args, resolve: (v) => (worker.inFlight.delete(call), resolve(v)), reject: (e) => (worker.inFlight.delete(call), reject(e)) };
            worker.calls.push(call);
            worker.inFlight.add(call);
          }),
    },
  );
  return {
    ...actual,
    workerHandle: (() => ({
      call: (fn: (api: unknown) => Promise<unknown>) => fn(api),
      cancel: () => {
        for (const call of [...worker.inFlight]) call.reject(new actual.WorkerCancelled());
      },
    })) as unknown as typeof actual.workerHandle,
  };
}

/** The calls to `method` not yet settled, oldest first, once there are `count` of them. */
export async function waitingCalls(method: string, count = 1): Promise<Call[]> {
  let found: Call[] = [];
  await vi.waitFor(() => {
    found = [...worker.inFlight].filter((c) => c.method === method);
    expect(found.length).toBeGreaterThanOrEqual(count);
  });
  return found;
}
