/**
 * The run shown live on the Train page, and how a run this page did not start is followed from
 * storage: a run stored as training (running, heartbeat fresh) is shown live, with its curves as
 * the worker stores them, until it ends, is thrown away or goes quiet. Pure: the page's state
 * applies what `followRuns` decides each time the runs change and each second.
 */
import type { RunRow } from '../storage/rows';
import type { TrainResult } from '../workers/train-protocol';
import { THROWN_AWAY } from './ending-message';
import { normalizeTrainSpec, type BackendName } from './model-spec';
import { displayStatus, trainingRun } from './runs-table';
import type { EpochRecord } from './train-loop';

export interface LiveRun {
  runId: string;
  name: string;
  backend: BackendName | null;
  backendNote: string;
  epochs: number;
  history: EpochRecord[];
  startedAt: number;
  /** 'stopping' after Stop or Cancel until the worker answers */
  phase: 'preparing' | 'training' | 'stopping';
  /**
   * Followed from storage, not from the worker's messages: a run this page did not start (the
   * learner left Train mid-run and came back). Its curves update as the worker stores them.
   */
  attached: boolean;
}

/** A run stored as training, shown as the live one. */
export function attachedRun(row: RunRow): LiveRun {
  const spec = normalizeTrainSpec(row.spec);
  const history = row.history as EpochRecord[];
  return { runId: row.id, name: row.name, backend: row.backend as BackendName, backendNote: row.backendNote, epochs: spec.model === 'baseline' ? 0 : spec.epochs, history, startedAt: row.createdAt, phase: 'training', attached: true };
}

/**
 * What the stored runs make of the live run: `live` is the run to show (the same one, another
 * followed from storage, or none); `history`, the followed run's longer curves to show; `result`
 * or `error`, how a followed run ended. A run this page started is followed by its own call and
 * left as it is, as are the runs in `notAttached` (started here, or let go).
 */
export function followRuns(live: LiveRun | null, rows: readonly RunRow[], now: number, notAttached: readonly string[]): { live: LiveRun | null; history?: EpochRecord[]; result?: TrainResult; error?: string } {
  if (live?.attached) {
    const row = rows.find((r) => r.id === live.runId);
    if (!row) return { live: null, result: { ok: true, runId: live.runId, status: 'stopped', message: THROWN_AWAY } };
    if (row.status === 'failed') return { live: null, error: `Training failed: ${row.message ?? 'no reason was given.'}` };
    if (row.status !== 'running') return { live: null, result: { ok: true, runId: row.id, status: row.status, message: row.message } };
    // Cut off (its tab closed): the runs table says interrupted.
    if (displayStatus(row, now) !== 'running') return { live: null };
    return row.history.length > live.history.length ? { live, history: row.history as EpochRecord[] } : { live };
  }
  if (live) return { live };
  const running = trainingRun(rows.filter((r) => !notAttached.includes(r.id)), now);
  return { live: running ? attachedRun(running) : null };
}
