/**
 * A stand-in for the Prepare worker, for state tests in Node (no Worker there): every recipe it is
 * asked about fits, unless a test says otherwise (`vi.mocked(callPrepareWorker).mockImplementationOnce`).
 * In a test file:
 *
 *   vi.mock('../../../src/workers/prepare-client', async () => (await import('../../helpers/prepare-worker-stub')).fittingPrepareClient());
 */
import { vi } from 'vitest';
import type { Table } from '../../src/shared/column';
import { prepareReport } from '../../src/workers/in-worker/prepare-report';
import type { PrepareReport, PrepareRequest } from '../../src/workers/prepare-protocol';

/** The report of a recipe that fits: no step with a problem, no preview. */
export const fits = (): PrepareReport => ({ split: { ok: true, parts: [], notes: [] }, steps: [], preview: null, columns: [], augment: null, heldOut: null, reusedSteps: 0, seconds: 0 });

/** The prepare-client module, its calls answered with `fits()`. */
export function fittingPrepareClient() {
  return {
    callPrepareWorker: vi.fn(async () => fits()),
    cancelPrepareWorker: vi.fn(),
  };
}

/**
 * The prepare-client module, its reports the real ones, computed here over `data` (the request
 * copied, as a worker's would be):
 *
 *   vi.mock('../../../src/workers/prepare-client', async () => (await import('../../helpers/prepare-worker-stub')).reportingPrepareClient((await import('./tables')).smallTable()));
 */
export function reportingPrepareClient(data: Table) {
  return {
    callPrepareWorker: vi.fn(async (use: (api: { report: (r: PrepareRequest) => Promise<unknown> }) => Promise<unknown>) =>
      use({ report: async (request) => prepareReport(data, JSON.parse(JSON.stringify(request)) as PrepareRequest, () => undefined) }),
    ),
    cancelPrepareWorker: vi.fn(),
  };
}
