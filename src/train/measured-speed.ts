/**
 * A backend's speed as "Measure backends" reports it: the rows per second of one short training's
 * TIMED_EPOCH, or why there is none, in words. Pure, for the train worker's measurement.
 */
import type { TrainOutcome } from './train-loop';

/** The epoch that is timed: the first includes compiling shaders and warming caches. */
export const TIMED_EPOCH = 2;

export type MeasuredSpeed = { samplesPerSec: number } | { samplesPerSec: null; problem: string };

export function measuredSpeed(outcome: TrainOutcome): MeasuredSpeed {
  const timed = outcome.history.find((r) => r.epoch === TIMED_EPOCH);
  if (timed) return { samplesPerSec: timed.samplesPerSec };
  // A diverged run's message says what blew up and what to try; the first epoch's speed is not passed off as the measurement.
  if (outcome.ending === 'diverged' && outcome.message) {
    return { samplesPerSec: null, problem: `${outcome.message} The speed is timed on epoch ${TIMED_EPOCH}, which training never reached.` };
  }
  return { samplesPerSec: null, problem: `Training ended before epoch ${TIMED_EPOCH}, the one that is timed.` };
}
