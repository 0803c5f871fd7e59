/**
 * Whether the features are near the unit scale that gradient steps assume (the rule is Prepare's,
 * prepare/readiness.ts scaleDistance, which says it before training). A linear model or an MLP
 * starts from weights sized for values of about ±1: a weight in pounds or a year makes the first
 * predictions huge and the loss jump, and a feature of spread 0.05 needs a slope twenty times
 * larger, which Adam's steps do not reach in a few epochs. A learner who skipped scaling sees
 * only a poor score, so the run says why.
 */
import { listWords } from '../data/words';
import { onlyZeroOne, SCALE_RANGE, scaleDistance, scaleWords, type Moments } from '../prepare/readiness';
import type { Matrices } from './training-data';

const NAMED = 3;

/** Each feature's mean and population standard deviation over the rows of row-major `x`, in two passes: a date's 1.7e12 ms would leave the one-pass formula no digits. */
export function featureMoments(m: Pick<Matrices, 'rows' | 'x'>, features: number): Moments[] {
  const end = m.rows * features;
  return Array.from({ length: features }, (_, j) => {
    let sum = 0;
    for (let k = j; k < end; k += features) sum += m.x[k]!;
    const mean = sum / m.rows;
    let squares = 0;
    for (let k = j; k < end; k += features) squares += (m.x[k]! - mean) ** 2;
    const spread = Math.sqrt(squares / m.rows);
    // Prepare's rule (readiness.ts preparedColumns): only a small spread asks whether the column is an indicator.
    const indicator = spread < SCALE_RANGE.low && onlyZeroOne(m.x.subarray(0, end), j, features);
    return { mean, spread, ...(indicator ? { indicator } : {}) };
  });
}

/**
 * A sentence naming the features (up to three, farthest first) far from unit scale over the
 * training rows, and what to do; null when none is, or for the baseline, which takes no
 * gradient steps. Constant features are not a scale problem. `dates`: the features that are
 * dates, which no scaling step takes: Prepare replaces them with numbers (date-features.ts).
 */
export function scaleNote(m: Pick<Matrices, 'rows' | 'x'>, features: readonly string[], model: string, dates: readonly string[] = []): string | null {
  if (model === 'baseline' || m.rows < 2) return null;
  const moments = featureMoments(m, features.length);
  const far = features
    .map((name, j) => ({ name, ...moments[j]! }))
    .filter((f) => scaleDistance(f) > 0)
    .sort((a, b) => scaleDistance(b) - scaleDistance(a));
  if (far.length === 0) return null;
  const named = far.slice(0, NAMED).map((f) => `"${f.name}" (${scaleWords(f)})`);
  const more = far.length > NAMED ? ` and ${far.length - NAMED} more` : '';
  const farDates = far.filter((f) => dates.includes(f.name)).map((f) => `"${f.name}"`);
  const scalable = far.length - farDates.length;
  const them = scalable === 1 ? 'it' : 'them';
  const scaling = scalable > 0 ? `a "Scale numbers" step for ${farDates.length ? 'the others' : them} in Prepare usually trains faster and scores better` : '';
  const dated = farDates.length ? `Prepare can replace ${listWords(farDates)}, ${farDates.length === 1 ? 'a date' : 'dates'}, with ${farDates.length === 1 ? 'its' : 'their'} day count, month and weekday` : '';
  return (
    `Some features are far from the scale gradient steps work best at (values of about ±1): ${named.join(', ')}${more}. ` +
    `The model learns slowly and unevenly from such features; ${[dated, scaling].filter(Boolean).join('; ')}.`
  );
}
