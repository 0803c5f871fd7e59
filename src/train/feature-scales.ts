/**
 * Whether the features are near the unit scale that gradient steps assume. A linear model or an
 * MLP starts from weights sized for features of spread about 1: a weight in pounds (spread ~850)
 * makes the first predictions huge and the loss jump, and a feature of spread 0.005 barely moves
 * its weight. A learner who skipped scaling sees only a poor score, so the run says why.
 */
import { formatStat } from '../shared/format';
import type { Matrices } from './training-data';

/** Spreads (standard deviations) outside this range are far enough from 1 to slow training. */
export const SCALE_RANGE = { low: 0.01, high: 10 } as const;

const NAMED = 3;

/** Each feature's population standard deviation over the rows of row-major `x`, in two passes: a date's 1.7e12 ms would leave the one-pass formula no digits. */
export function featureSpreads(m: Pick<Matrices, 'rows' | 'x'>, features: number): Float64Array {
  const spreads = new Float64Array(features);
  const end = m.rows * features;
  for (let j = 0; j < features; j++) {
    let sum = 0;
    for (let k = j; k < end; k += features) sum += m.x[k]!;
    const mean = sum / m.rows;
    let squares = 0;
    for (let k = j; k < end; k += features) squares += (m.x[k]! - mean) ** 2;
    spreads[j] = Math.sqrt(squares / m.rows);
  }
  return spreads;
}

/**
 * A sentence naming the features (up to three, farthest from 1 first) whose spread over the
 * training rows is outside SCALE_RANGE, and what to do; null when none is, or for the baseline,
 * which takes no gradient steps. Constant features (spread 0) are not a scale problem.
 */
export function scaleNote(m: Pick<Matrices, 'rows' | 'x'>, features: readonly string[], model: string): string | null {
  if (model === 'baseline' || m.rows < 2) return null;
  const spreads = featureSpreads(m, features.length);
  const far = features
    .map((name, j) => ({ name, spread: spreads[j]! }))
    .filter((f) => f.spread > SCALE_RANGE.high || (f.spread > 0 && f.spread < SCALE_RANGE.low))
    .sort((a, b) => Math.abs(Math.log(b.spread)) - Math.abs(Math.log(a.spread)));
  if (far.length === 0) return null;
  const named = far.slice(0, NAMED).map((f) => `"${f.name}" ${formatStat(f.spread)}`);
  const more = far.length > NAMED ? ` and ${far.length - NAMED} more` : '';
  const them = far.length === 1 ? 'it' : 'them';
  return (
    `Some features are far from the scale gradient steps work best at (a spread, the standard deviation, of about 1): ${named.join(', ')}${more}. ` +
    `The model learns slowly and unevenly from such features; a "Scale numbers" step for ${them} in Prepare usually trains faster and scores better.`
  );
}
