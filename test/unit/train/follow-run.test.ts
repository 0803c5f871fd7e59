/** Following from storage a run this page did not start: when it is shown live, and how it ends. */
import { describe, expect, test } from 'vitest';
import { HEARTBEAT_STALE_MS } from '../../../src/shared/heartbeat';
import type { RunRow } from '../../../src/storage/rows';
import { THROWN_AWAY } from '../../../src/train/ending-message';
import { attachedRun, followRuns, type LiveRun } from '../../../src/train/follow-run';
import { normalizeTrainSpec } from '../../../src/train/model-spec';
import { runRow } from '../../helpers/rows';

const NOW = 1_000_000;
const epoch = (n: number) => ({ epoch: n, loss: 1 / n, valLoss: null, metric: 0.5, valMetric: null, seconds: 0.1, samplesPerSec: 1000 });
const training = (id: string, overrides: Partial<RunRow> = {}) =>
  runRow({ id, projectId: 'p', name: `Run ${id}`, status: 'running', heartbeatAt: NOW - 1000, spec: normalizeTrainSpec({ epochs: 12 }), history: [epoch(1)], ...overrides });

describe('with no run shown', () => {
  test('the run stored as training is shown live, as followed from storage', () => {
    const followed = followRuns(null, [runRow({ id: 'done', projectId: 'p' }), training('r1')], NOW, []);
    expect(followed.live).toMatchObject({ runId: 'r1', name: 'Run r1', attached: true, phase: 'training', epochs: 12, history: [epoch(1)] });
    expect([followed.result, followed.error]).toEqual([undefined, undefined]);
  });

  test('none is shown for a run started here or let go, or one whose heartbeat went quiet', () => {
    expect(followRuns(null, [training('r1')], NOW, ['r1']).live).toBeNull();
    expect(followRuns(null, [training('r1', { heartbeatAt: NOW - HEARTBEAT_STALE_MS - 1 })], NOW, []).live).toBeNull();
  });
});

describe('a followed run', () => {
  const live = (): LiveRun => attachedRun(training('r1'));

  test('shows the longer curves the worker stored, and stays shown', () => {
    const shown = live();
    const longer = followRuns(shown, [training('r1', { history: [epoch(1), epoch(2)] })], NOW, []);
    expect(longer.live).toBe(shown);
    expect(longer.history).toEqual([epoch(1), epoch(2)]);
    expect(followRuns(shown, [training('r1')], NOW, [])).toEqual({ live: shown });
  });

  test('ends as stored: finished with its message, failed with its reason, deleted as thrown away, quiet as nothing', () => {
    expect(followRuns(live(), [training('r1', { status: 'completed', message: 'Trained all 12 epochs.' })], NOW, [])).toEqual({
      live: null,
      result: { ok: true, runId: 'r1', status: 'completed', message: 'Trained all 12 epochs.' },
    });
    expect(followRuns(live(), [training('r1', { status: 'failed', message: 'Out of memory.' })], NOW, [])).toEqual({ live: null, error: 'Training failed: Out of memory.' });
    expect(followRuns(live(), [training('r1', { status: 'failed', message: null })], NOW, []).error).toBe('Training failed: no reason was given.');
    expect(followRuns(live(), [], NOW, [])).toEqual({ live: null, result: { ok: true, runId: 'r1', status: 'stopped', message: THROWN_AWAY } });
    expect(followRuns(live(), [training('r1', { heartbeatAt: NOW - HEARTBEAT_STALE_MS - 1 })], NOW, [])).toEqual({ live: null });
  });
});

test('a run this page started is left to its own call, whatever storage says', () => {
  const own: LiveRun = { ...attachedRun(training('r1')), attached: false };
  expect(followRuns(own, [], NOW, ['r1'])).toEqual({ live: own });
  expect(followRuns(own, [training('r2')], NOW, ['r1'])).toEqual({ live: own });
});
