/**
 * A stand-in for the Train worker, for state tests in Node (no Worker there): it chooses the CPU,
 * refuses every run ('not here'), measures nothing and finds no job to stop or cancel, unless a
 * test says otherwise (`trainWorker.train.mockImplementationOnce(…)`). In a test file:
 *
 *   vi.mock('../../../src/workers/train-client', async () => (await import('../../helpers/train-worker-stub')).stubbedTrainClient());
 */
import { vi } from 'vitest';

export const trainWorker = {
  environment: vi.fn(async () => ({ env: { webgpu: null }, choice: { backend: 'cpu', order: [], reason: 'test' } })),
  stop: vi.fn(async (_id: string) => false),
  cancel: vi.fn(async (_id: string) => false),
  train: vi.fn(async (_request: { name: string; spec: unknown }) => ({ ok: false, problem: 'not here' })),
  measure: vi.fn(async () => ({ ok: true, measurements: [] })),
};

/** The train-client module, its calls made on `trainWorker`. */
export function stubbedTrainClient() {
  return {
    callTrainWorker: vi.fn(async (fn: (api: unknown) => unknown) => fn(trainWorker)),
    killTrainWorker: vi.fn(),
  };
}
