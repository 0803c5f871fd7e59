/**
 * The New run form and the sweep's value lists as the learner left them: stored per project, so
 * leaving Train or reloading loses nothing, and read back leniently, so a draft that no longer
 * reads (a cleared field, a choice since removed, an older shape) never breaks the page.
 */
import { normalizeTrainSpec, type TrainSpec } from './model-spec';
import { MAX_TRIALS, SWEEP_KEYS, type SweepKey } from './sweep';

/** The sweep panel's fields: e.g. { mode: 'grid', trials: 8, texts: { learningRate: '0.01, 0.001', … } } */
export interface SweepForm {
  mode: 'grid' | 'random';
  /** random search: how many trials */
  trials: number;
  /** each setting's values as typed, parsed when the sweep starts */
  texts: Record<SweepKey, string>;
}

export interface TrainDraft {
  spec: TrainSpec;
  sweep: SweepForm;
}

export function emptySweepForm(): SweepForm {
  return { mode: 'grid', trials: 8, texts: Object.fromEntries(SWEEP_KEYS.map((k) => [k, ''])) as Record<SweepKey, string> };
}

const isRecord = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);

/**
 * A stored draft (as JSON) read over `base`, the settings the form would start from without it
 * (the latest run's, or the defaults): null when it is no draft at all.
 */
export function readTrainDraft(raw: unknown, base: TrainSpec): TrainDraft | null {
  if (!isRecord(raw) || !isRecord(raw.spec)) return null;
  return { spec: readSpec(raw.spec, base), sweep: readSweep(raw.sweep) };
}

/** Each field as the learner left it where it still reads; one that does not takes the base's value, not a default. */
function readSpec(raw: Record<string, unknown>, base: TrainSpec): TrainSpec {
  const read = normalizeTrainSpec(raw);
  const spec: Record<string, unknown> = { ...read };
  // A field that reads comes back unchanged; a changed one was filled in by the lenient read.
  for (const key of Object.keys(read) as (keyof TrainSpec)[]) {
    if (JSON.stringify(read[key]) !== JSON.stringify(raw[key])) spec[key] = structuredClone(base[key]);
  }
  return spec as TrainSpec;
}

function readSweep(raw: unknown): SweepForm {
  const sweep = emptySweepForm();
  if (!isRecord(raw)) return sweep;
  if (raw.mode === 'grid' || raw.mode === 'random') sweep.mode = raw.mode;
  if (typeof raw.trials === 'number' && Number.isInteger(raw.trials) && raw.trials >= 1 && raw.trials <= MAX_TRIALS) sweep.trials = raw.trials;
  const texts = isRecord(raw.texts) ? raw.texts : {};
  for (const key of SWEEP_KEYS) if (typeof texts[key] === 'string') sweep.texts[key] = texts[key];
  return sweep;
}
