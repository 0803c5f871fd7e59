/** Seeded draws for augmentation. Randomness is an argument: the generator is passed in. */
import seedrandom from 'seedrandom';

export type Rng = () => number;

export function seeded(seed: number | string): Rng {
  return seedrandom.alea(String(seed));
}

export function randomInt(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

/** A standard normal draw (Box–Muller). */
export function normal(rng: Rng): number {
  let u = 0;
  while (u === 0) u = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/**
 * log Gamma(shape, 1): Marsaglia and Tsang for shape ≥ 1; below 1 through the boost
 * Gamma(shape + 1)·U^(1/shape), taken in log space, since U^(1/shape) underflows to 0 for a
 * small shape (at shape 0.001, for any U below 0.5).
 */
function logGamma(rng: Rng, shape: number): number {
  if (shape < 1) return logGamma(rng, shape + 1) + Math.log(rng() || Number.MIN_VALUE) / shape;
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return Math.log(d * v);
  }
}

/**
 * Beta(a, b), for mixup's mixing weights: always a finite number in [0, 1]. X/(X + Y) is
 * computed as 1/(1 + e^(log Y − log X)) from the two log-Gamma draws, so two draws too small
 * for a double give 0 or 1 (Beta's limit as a and b shrink), never 0/0.
 */
export function beta(rng: Rng, a: number, b: number): number {
  const logX = logGamma(rng, a);
  const t = logGamma(rng, b) - logX;
  // exp of the negative side only: it cannot overflow, and 1 + e is never 0.
  if (t > 0) {
    const e = Math.exp(-t);
    return e / (1 + e);
  }
  return 1 / (1 + Math.exp(t));
}
