/**
 * Hyper-parameter sweeps: the trials of a grid (every combination) or a random search (seeded
 * draws from the same value lists). Each trial is a complete spec, trained as a run of its own.
 */
import seedrandom from 'seedrandom';
import { limitWords, NUMBER_LIMITS, withinLimit, type TrainSpec } from './model-spec';

export const SWEEP_KEYS = ['learningRate', 'batchSize', 'l2', 'units', 'dropout', 'epochs'] as const;
export type SweepKey = (typeof SWEEP_KEYS)[number];

export const SWEEP_LABELS: Record<SweepKey, string> = {
  learningRate: 'learning rate',
  batchSize: 'batch size',
  l2: 'L2',
  units: 'units per hidden layer',
  dropout: 'dropout',
  epochs: 'epochs',
};

export interface SweepAxis {
  key: SweepKey;
  values: number[];
}

export interface SweepPlan {
  mode: 'grid' | 'random';
  axes: SweepAxis[];
  /** random search: how many trials */
  trials: number;
  seed: number;
}

/** Most trials one sweep may start: beyond this, a grid is a mistake more often than a plan. */
export const MAX_TRIALS = 100;

/** 'Values of learning rate: 50 is not a number above 0, up to 10.': the sweep's field, the entry as written, the form's limits. */
const outsideLimits = (key: SweepKey, entry: string) => `Values of ${SWEEP_LABELS[key]}: ${entry} is not ${limitWords(NUMBER_LIMITS[key])}.`;

/** "0.1, 0.01" → [0.1, 0.01]; each value held to the form's limits (a trial the form refuses would stop the sweep), a problem naming the bad entry. */
export function parseValues(text: string, key: SweepKey): { ok: true; values: number[] } | { ok: false; problem: string } {
  const parts = text.split(/[,;\s]+/).filter(Boolean);
  const values: number[] = [];
  for (const p of parts) {
    const x = Number(p);
    if (!withinLimit(NUMBER_LIMITS[key], x)) return { ok: false, problem: outsideLimits(key, p) };
    if (!values.includes(x)) values.push(x);
  }
  return { ok: true, values };
}

function apply(base: TrainSpec, combo: readonly [SweepKey, number][]): TrainSpec {
  const spec: TrainSpec = structuredClone(base);
  for (const [key, value] of combo) {
    if (key === 'units') spec.layers = spec.layers.map((l) => ({ ...l, units: value }));
    else if (key === 'dropout') spec.layers = spec.layers.map((l) => ({ ...l, dropout: value }));
    else spec[key] = value;
  }
  return spec;
}

export type SweepTrials = { ok: true; trials: { spec: TrainSpec; settings: [SweepKey, number][] }[] } | { ok: false; problem: string };

export function sweepTrials(base: TrainSpec, plan: SweepPlan): SweepTrials {
  const axes = plan.axes.filter((a) => a.values.length > 0);
  if (axes.length === 0) return { ok: false, problem: 'Give at least one setting a list of values to try.' };
  for (const { key, values } of axes) {
    const bad = values.find((x) => !withinLimit(NUMBER_LIMITS[key], x));
    if (bad !== undefined) return { ok: false, problem: outsideLimits(key, String(bad)) };
  }
  if (base.model !== 'mlp' && axes.some((a) => a.key === 'units' || a.key === 'dropout')) {
    return { ok: false, problem: 'Units and dropout belong to hidden layers: sweep them with the neural network model.' };
  }
  const total = axes.reduce((n, a) => n * a.values.length, 1);
  let combos: [SweepKey, number][][];
  if (plan.mode === 'grid') {
    if (total > MAX_TRIALS) return { ok: false, problem: `This grid has ${total} combinations, more than ${MAX_TRIALS}: use fewer values, or a random search.` };
    combos = axes.reduce<[SweepKey, number][][]>((acc, axis) => acc.flatMap((c) => axis.values.map((v) => [...c, [axis.key, v] as [SweepKey, number]])), [[]]);
  } else {
    const n = Math.min(plan.trials, total, MAX_TRIALS);
    if (n < 1) return { ok: false, problem: 'A random search needs at least one trial.' };
    const rng = seedrandom.alea(`sweep-${plan.seed}`);
    const seen = new Set<string>();
    combos = [];
    // Distinct draws: a repeated combination would only repeat a run.
    while (combos.length < n) {
      const combo = axes.map((a) => [a.key, a.values[Math.floor(rng() * a.values.length)]!] as [SweepKey, number]);
      const id = JSON.stringify(combo);
      if (seen.has(id)) continue;
      seen.add(id);
      combos.push(combo);
    }
  }
  return { ok: true, trials: combos.map((settings) => ({ spec: apply(base, settings), settings })) };
}
