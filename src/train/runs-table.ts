/**
 * The runs table's logic: what each run shows (its key settings and figures at the best epoch),
 * sorting, filtering, and the settings that differ between runs being compared.
 */
import { HEARTBEAT_STALE_MS } from '../shared/heartbeat';
import type { RunRow, RunStatus } from '../storage/rows';
import { isCutShort } from './cut-short';
import { normalizeTrainSpec, type TrainSpec } from './model-spec';
import type { EpochRecord } from './train-loop';

export interface RunLine {
  id: string;
  name: string;
  status: RunStatus;
  model: string;
  backend: string;
  epochs: number;
  /** Stop ended the last epoch part-way: its training figures are over fewer rows */
  lastCutShort: boolean;
  /** validation loss and metric at the kept (best) epoch; null before the first epoch */
  valLoss: number | null;
  valMetric: number | null;
  metricName: 'accuracy' | 'RMSE';
  baselineMetric: number | null;
  learningRate: number;
  batchSize: number;
  /** the Prepare recipe version it was trained with (Prepare's History lists them); 0: before any was saved */
  recipeVersion: number;
  createdAt: number;
  starred: boolean;
  tags: string[];
  notes: string;
}

/** Running with a heartbeat gone quiet: cut off, whatever the row still says. */
export function displayStatus(run: RunRow, now: number): RunStatus {
  return run.status === 'running' && now - run.heartbeatAt > HEARTBEAT_STALE_MS ? 'interrupted' : run.status;
}

/** The run still training, if any: stored as running with a fresh heartbeat (the newest first, as listRuns sorts). */
export function trainingRun(runs: readonly RunRow[], now: number): RunRow | undefined {
  return runs.find((r) => displayStatus(r, now) === 'running');
}

export function modelLabel(spec: TrainSpec, task: RunRow['task']): string {
  if (spec.model === 'baseline') return task === 'regression' ? 'Baseline (mean)' : 'Baseline (class prior)';
  if (spec.model === 'linear') return task === 'regression' ? 'Linear regression' : 'Logistic regression';
  return `MLP ${spec.layers.map((l) => l.units).join('→')}`;
}

export function runLine(run: RunRow, now: number): RunLine {
  const spec = normalizeTrainSpec(run.spec);
  const history = run.history as EpochRecord[];
  const kept = history[run.bestEpoch - 1] ?? history.at(-1);
  const baseline = run.baseline as { validation?: { loss: number; metric: number } } | null;
  const isBaseline = spec.model === 'baseline';
  return {
    id: run.id,
    name: run.name,
    status: displayStatus(run, now),
    model: modelLabel(spec, run.task),
    backend: run.backend,
    epochs: history.length,
    lastCutShort: history.length > 0 && isCutShort(history.at(-1)!),
    valLoss: isBaseline ? (baseline?.validation?.loss ?? null) : (kept?.valLoss ?? null),
    valMetric: isBaseline ? (baseline?.validation?.metric ?? null) : (kept?.valMetric ?? null),
    metricName: run.task === 'regression' ? 'RMSE' : 'accuracy',
    baselineMetric: baseline?.validation?.metric ?? null,
    learningRate: spec.learningRate,
    batchSize: spec.batchSize,
    recipeVersion: run.recipeVersion,
    createdAt: run.createdAt,
    starred: run.starred,
    tags: run.tags,
    notes: run.notes,
  };
}

/** The epochs cell, e.g. "12", or "12 (last cut short)": in words, so the mark does not rest on colour or a symbol. */
export function epochsText(line: RunLine): string {
  return line.lastCutShort ? `${line.epochs} (last cut short)` : String(line.epochs);
}

export type SortKey = 'name' | 'status' | 'model' | 'recipeVersion' | 'valMetric' | 'valLoss' | 'epochs' | 'createdAt' | 'learningRate';

/** Sorted copy; missing figures always last; ties newest first. */
export function sortLines(lines: readonly RunLine[], key: SortKey, ascending: boolean): RunLine[] {
  const sign = ascending ? 1 : -1;
  return [...lines].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    if (x === null || y === null) return x === y ? b.createdAt - a.createdAt : x === null ? 1 : -1;
    const c = typeof x === 'string' ? x.localeCompare(y as string) : (x as number) - (y as number);
    return c !== 0 ? sign * c : b.createdAt - a.createdAt;
  });
}

/** Lines whose name, model, status, backend, tags or notes contain every word of the filter. */
export function filterLines(lines: readonly RunLine[], filter: string, starredOnly = false): RunLine[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  return lines.filter((l) => {
    if (starredOnly && !l.starred) return false;
    const text = [l.name, l.model, l.status, l.backend, ...l.tags, l.notes].join(' ').toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

/** What a run was trained with beyond its spec: the recipe version and the features it read (absent: not known). */
export interface RunInputs {
  spec: TrainSpec;
  recipeVersion?: number;
  features?: readonly string[];
}

const FEATURES_SHOWN = 6;

/** Features as a settings cell: all of them when few, else how many and the first ones. */
function featuresText(features: readonly string[] | undefined): string {
  if (!features) return '—';
  if (features.length <= FEATURES_SHOWN) return features.join(', ');
  return `${features.length}: ${features.slice(0, FEATURES_SHOWN - 1).join(', ')} and ${features.length - FEATURES_SHOWN + 1} more`;
}

/**
 * The settings that differ between the runs, or every setting with `all` (one run shown alone):
 * [setting, value per run]. The recipe version and the features count as settings: two runs of
 * the same spec on differently prepared data are not the same experiment.
 */
export function settingsDiff(runs: readonly RunInputs[], all = false): [string, string[]][] {
  const flat = runs.map(({ spec: s, recipeVersion, features }) => ({
    model: s.model,
    layers: s.model === 'mlp' ? s.layers.map((l) => `${l.units}${l.activation === 'relu' ? '' : ` ${l.activation}`}${l.dropout ? ` drop ${l.dropout}` : ''}${l.batchNorm ? ' bn' : ''}`).join(' → ') : '—',
    optimizer: s.optimizer,
    'learning rate': String(s.learningRate),
    'batch size': String(s.batchSize),
    epochs: String(s.epochs),
    patience: String(s.patience),
    L2: String(s.l2),
    'class weights': s.classWeights ? 'yes' : 'no',
    seed: String(s.seed),
    backend: s.backend,
    'recipe version': recipeVersion === undefined ? '—' : String(recipeVersion),
    features: features?.join('\u0000') ?? '—',
  }));
  const keys = Object.keys(flat[0] ?? {}) as (keyof (typeof flat)[number])[];
  // Compared whole; shown short.
  const shown = (k: (typeof keys)[number], i: number) => (k === 'features' ? featuresText(runs[i]!.features) : flat[i]![k]);
  return keys.filter((k) => all || new Set(flat.map((f) => f[k])).size > 1).map((k) => [k, flat.map((_, i) => shown(k, i))]);
}

/** Runs compared at once: more curves on one chart stop being readable. */
export const MAX_COMPARED = 4;

/**
 * The runs picked for comparison after ticking or unticking `id`; ids not in `runIds` (deleted
 * runs) are dropped first. A run past the fourth is refused, the list returned as it was: the
 * table disables those boxes and says why, rather than silently dropping the oldest pick.
 */
export function toggleCompared(compared: readonly string[], id: string, runIds: readonly string[]): string[] {
  const kept = compared.filter((c) => runIds.includes(c));
  if (kept.includes(id)) return kept.filter((c) => c !== id);
  return kept.length < MAX_COMPARED ? [...kept, id] : kept;
}
