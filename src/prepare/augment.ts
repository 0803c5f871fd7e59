/**
 * Augmentation of the training rows only (never validation or test): new rows appended after
 * the real ones, so `frame.table.rowCount - added` real rows come first. Seeded.
 */
import { allocValues, bitmapBytes, isValid, setValid, type Column } from '../shared/column';
import { codesOf } from './class-codes';
import { requireColumn, type Frame } from './frame';
import { moments, presentNumbers } from './stats';
import { beta, normal, randomInt, seeded, type Rng } from './random';
import { fitGaussian } from './augment-gaussian';
import { featureKind, fitCopula } from './augment-copula';
import { checkAugment, requireWithinCap, type AugmentMethod, type AugmentSpec } from './augment-spec';
import { largestRemainder } from './largest-remainder';
import { StepProblem } from './step-problem';
import { keepWhole } from './whole-number-features';
import { nearestTo } from './nearest-neighbours';
import { count } from '../data/words';

export { AUGMENT_LABELS, AUGMENT_METHODS, augmentSchema, checkAugment, countFor, MAX_GENERATED_PER_ROW, MAX_GENERATED_ROWS, type AugmentCheck, type AugmentMethod, type AugmentSpec } from './augment-spec';

export const AUGMENT_HELP: Record<AugmentMethod, string> = {
  none: 'Train on the real rows only.',
  oversample: 'Repeats rows of the smaller classes at random until every class has as many rows as the largest.',
  smote: 'Makes new rows of the smaller classes between a row and one of its nearest neighbours of the same class (SMOTE), until the classes are balanced.',
  noise: 'Adds copies of every row with a little Gaussian noise on each numeric feature, scaled to that feature’s spread.',
  mixup: 'Blends random pairs of rows and their targets (mixup), for regression.',
  synthetic: 'Draws new rows from a Gaussian fitted per class, keeping each class’s feature means and correlations: data to share when the real rows cannot be.',
  copula: 'Draws new rows per class through a Gaussian copula: each feature keeps its own range and shape (a 0/1 flag stays 0 or 1, a count a whole number), and the features keep their correlations.',
};

export interface ClassCount {
  label: string;
  count: number;
}

export interface Augmented {
  frame: Frame;
  added: number;
  /** per class, for classification */
  before: ClassCount[] | null;
  after: ClassCount[] | null;
  /** what the method could not do as asked, one sentence each (SMOTE: a class with fewer other rows than the neighbours asked for) */
  notes: string[];
}

interface Classes {
  of: Int32Array;
  labels: string[];
}

function classesOf(column: Column, n: number): Classes {
  const { codes, labels } = codesOf(column, n);
  return { of: codes, labels };
}

function countClasses(c: Classes, extra?: { base: Uint32Array; classOfNew?: Int32Array }): ClassCount[] {
  const counts = new Array<number>(c.labels.length).fill(0);
  for (const k of c.of) if (k >= 0) counts[k]!++;
  if (extra) for (let j = 0; j < extra.base.length; j++) counts[extra.classOfNew ? extra.classOfNew[j]! : c.of[extra.base[j]!]!]!++;
  return c.labels.map((label, k) => ({ label, count: counts[k]! }));
}

/** New rows: each copies its base row, except the generated numeric features. */
interface NewRows {
  base: Uint32Array;
  features: Map<string, Float64Array>;
  /** per new row, 1 where its generated feature is missing (a missing input) */
  missing?: Map<string, Uint8Array>;
}

function appendRows(frame: Frame, rows: NewRows): Frame {
  const n = frame.table.rowCount;
  const m = rows.base.length;
  const total = n + m;
  const columns = frame.table.columns.map((c): Column => {
    const values = allocValues(c.kind, total);
    values.set(c.values.subarray(0, n));
    const valid = new Uint8Array(bitmapBytes(total));
    valid.set(c.valid.subarray(0, bitmapBytes(n)));
    // The last byte of the old bitmap may hold stale bits past n; clear them.
    for (let i = n; i < Math.min(total, bitmapBytes(n) * 8); i++) valid[i >> 3]! &= ~(1 << (i & 7));
    const generated = keepWhole(c, n, rows.features.get(c.name));
    const missing = rows.missing?.get(c.name);
    for (let j = 0; j < m; j++) {
      const b = rows.base[j]!;
      if (generated) {
        if (missing?.[j]) continue;
        values[n + j] = generated[j]!;
        setValid(valid, n + j);
      } else if (isValid(c.valid, b)) {
        values[n + j] = c.values[b]!;
        setValid(valid, n + j);
      }
    }
    return { ...c, values, valid };
  });
  const rowIds = new Uint32Array(total);
  rowIds.set(frame.rowIds.subarray(0, n));
  const flagged = new Uint8Array(total);
  flagged.set(frame.flagged.subarray(0, n));
  for (let j = 0; j < m; j++) {
    rowIds[n + j] = frame.rowIds[rows.base[j]!]!; // a new row's id is its base row's: provenance
    flagged[n + j] = frame.flagged[rows.base[j]!]!;
  }
  return { ...frame, table: { rowCount: total, columns }, rowIds, flagged };
}

/** Rows of each class, and how many more each needs to match the largest. */
function deficits(c: Classes): { members: number[][]; need: number[] } {
  const members: number[][] = c.labels.map(() => []);
  c.of.forEach((k, i) => k >= 0 && members[k]!.push(i));
  const max = Math.max(0, ...members.map((m) => m.length));
  return { members, need: members.map((m) => max - m.length) };
}

function oversample(c: Classes, rng: Rng): NewRows {
  const { members, need } = deficits(c);
  const base: number[] = [];
  members.forEach((rows, k) => {
    for (let j = 0; j < need[k]!; j++) base.push(rows[randomInt(rng, rows.length)]!);
  });
  return { base: Uint32Array.from(base), features: new Map() };
}

interface Features {
  names: string[];
  columns: Column[];
  mean: number[];
  std: number[];
}

function numericFeatures(frame: Frame, target: string, includeTarget: boolean): Features {
  const columns = frame.table.columns.filter((c) => c.kind === 'numeric' && (includeTarget || c.name !== target));
  const n = frame.table.rowCount;
  const stats = columns.map((c) => moments(presentNumbers(c, n)));
  return { names: columns.map((c) => c.name), columns, mean: stats.map((s) => s.mean), std: stats.map((s) => s.std) };
}

/** A feature's value scaled by the training mean and std; a missing value sits at the mean (0). */
function scaledRows(f: Features, rows: readonly number[]): Float64Array {
  const d = f.columns.length;
  const out = new Float64Array(rows.length * d);
  rows.forEach((row, r) => {
    f.columns.forEach((c, j) => {
      const s = f.std[j]! > 0 ? f.std[j]! : 1;
      out[r * d + j] = isValid(c.valid, row) ? (c.values[row]! - f.mean[j]!) / s : 0;
    });
  });
  return out;
}

/** SMOTE keeps neighbour search quadratic in a class's size, so a huge class is searched over a sample. */
const SMOTE_MAX_CLASS_ROWS = 5000;

/** `size` of `rows`, drawn without replacement (a partial Fisher–Yates shuffle of a copy). */
function sampleWithout(rows: readonly number[], size: number, rng: Rng): number[] {
  const out = rows.slice();
  for (let i = 0; i < size; i++) {
    const j = i + randomInt(rng, out.length - i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out.slice(0, size);
}

/** A class whose rows are too few for k neighbours each: SMOTE draws from all its other rows, and says so. */
function fewerNeighboursNote(label: string, rows: number, k: number): string {
  return `Class "${label}" has ${count(rows, 'training row')}, so SMOTE took each row’s ${count(rows - 1, 'other row')} as its neighbours, not ${k}.`;
}

function smote(frame: Frame, c: Classes, target: string, k: number, rng: Rng): NewRows & { notes: string[] } {
  const f = numericFeatures(frame, target, false);
  if (f.columns.length === 0) throw new StepProblem('SMOTE needs numeric features to interpolate; there are none at this point. Use random oversampling instead.');
  const d = f.columns.length;
  const { members, need } = deficits(c);
  const base: number[] = [];
  const values = f.names.map(() => [] as number[]);
  const missing = f.names.map(() => [] as number[]);
  const notes: string[] = [];
  members.forEach((all, cls) => {
    if (need[cls] === 0) return;
    if (all.length < 2) throw new StepProblem(`Class "${c.labels[cls]}" has ${count(all.length, 'training row')}: SMOTE needs at least 2 to interpolate between. Use random oversampling instead.`);
    if (all.length - 1 < k) notes.push(fewerNeighboursNote(c.labels[cls]!, all.length, k));
    // A huge class is worked on through a sample of it drawn without replacement (a row drawn
    // twice would be its own neighbour): base rows and their neighbours both come from it, so the
    // search costs at most 5,000² distances whatever the class's size or the rows asked for.
    const searched = all.length > SMOTE_MAX_CLASS_ROWS ? sampleWithout(all, SMOTE_MAX_CLASS_ROWS, rng) : all;
    const position = new Map(searched.map((row, p) => [row, p]));
    const scaled = scaledRows(f, searched);
    const neighboursOf = new Map<number, Int32Array>();
    for (let j = 0; j < need[cls]!; j++) {
      const ra = searched[randomInt(rng, searched.length)]!;
      let nb = neighboursOf.get(ra);
      if (!nb) neighboursOf.set(ra, (nb = nearestTo(scaledRows(f, [ra]), scaled, searched.length, d, k, position.get(ra)!)));
      const rb = searched[nb[randomInt(rng, nb.length)]!]!;
      // A gap of exactly 0 would copy the base row.
      let gap = rng();
      while (gap === 0) gap = rng();
      base.push(ra);
      f.columns.forEach((col, dim) => {
        const va = isValid(col.valid, ra);
        // A missing value stays missing; a value missing only in the neighbour keeps the base's.
        const x = va && isValid(col.valid, rb) ? col.values[ra]! + gap * (col.values[rb]! - col.values[ra]!) : col.values[ra]!;
        values[dim]!.push(x);
        missing[dim]!.push(va ? 0 : 1);
      });
    }
  });
  return {
    base: Uint32Array.from(base),
    features: new Map(f.names.map((name, dim) => [name, Float64Array.from(values[dim]!)])),
    missing: new Map(f.names.map((name, dim) => [name, Uint8Array.from(missing[dim]!)])),
    notes,
  };
}

function noise(frame: Frame, target: string, scale: number, copies: number, rng: Rng): NewRows {
  const f = numericFeatures(frame, target, false);
  // Without a number to add noise to, the copies would be plain duplicates, said to be noisy.
  if (f.columns.length === 0) throw new StepProblem('Gaussian noise needs numeric features to add noise to; there are none at this point. Use random oversampling to copy rows instead.');
  const n = frame.table.rowCount;
  const m = n * copies;
  const base = new Uint32Array(m);
  for (let j = 0; j < m; j++) base[j] = j % n;
  const features = new Map<string, Float64Array>();
  const missing = new Map<string, Uint8Array>();
  f.columns.forEach((col, d) => {
    const sd = Number.isFinite(f.std[d]!) ? f.std[d]! * scale : 0;
    const out = new Float64Array(m);
    const gone = new Uint8Array(m);
    for (let j = 0; j < m; j++) {
      const b = base[j]!;
      if (isValid(col.valid, b)) out[j] = col.values[b]! + sd * normal(rng);
      else gone[j] = 1;
    }
    features.set(col.name, out);
    missing.set(col.name, gone);
  });
  return { base, features, missing };
}

function mixup(frame: Frame, target: string, count: number, alpha: number, rng: Rng): NewRows {
  const f = numericFeatures(frame, target, true);
  const n = frame.table.rowCount;
  const base = new Uint32Array(count);
  const features = new Map(f.names.map((name) => [name, new Float64Array(count)]));
  const missing = new Map(f.names.map((name) => [name, new Uint8Array(count)]));
  for (let j = 0; j < count; j++) {
    const a = randomInt(rng, n);
    const b = randomInt(rng, n);
    const lambda = beta(rng, alpha, alpha);
    base[j] = lambda >= 0.5 ? a : b; // labels and other columns come from the heavier row
    f.columns.forEach((col) => {
      const [x, y] = [col.values[a]!, col.values[b]!];
      // Clamped to the pair: λx + (1 − λ)y can round an ulp past both (48.5 and 48.5 gave 48.50000000000001).
      if (isValid(col.valid, a) && isValid(col.valid, b)) features.get(col.name)![j] = Math.min(Math.max(x, y), Math.max(Math.min(x, y), lambda * x + (1 - lambda) * y));
      else missing.get(col.name)![j] = 1;
    });
  }
  return { base, features, missing };
}

/**
 * Synthetic rows are fitted on the rows complete in every numeric feature (and, for regression,
 * the target): at least 2 per class, or 2 in all. Says which is short, and why: too few rows, or
 * too many missing values. `label`: the class, or null for regression.
 */
function requireFitRows(label: string | null, rows: number, complete: number): void {
  if (complete >= 2) return;
  const few = complete === 0 ? 'none' : 'only 1';
  if (label === null) {
    if (rows < 2) throw new StepProblem(`Synthetic rows need at least 2 training rows; there ${rows === 1 ? 'is only 1' : 'are none'}.`);
    throw new StepProblem(`Synthetic rows need at least 2 training rows with a value in every numeric feature and in the target; there ${complete === 0 ? 'are none' : 'is only 1'}. Fill missing values first.`);
  }
  if (rows < 2) throw new StepProblem(`Class "${label}" has ${count(rows, 'training row')}: synthetic rows need at least 2 per class. Merge it into another class or drop its rows first, or use random oversampling.`);
  throw new StepProblem(`Class "${label}" has ${count(rows, 'training row')}, but ${few} with a value in every numeric feature: synthetic rows need at least 2 per class. Fill missing values first.`);
}

/** Synthetic rows per class (or in all, for regression, the target modelled too), by a Gaussian or a Gaussian copula. */
function synthetic(frame: Frame, c: Classes | null, target: string, count: number, rng: Rng, model: 'gaussian' | 'copula'): NewRows & { classOfNew?: Int32Array } {
  const f = numericFeatures(frame, target, c === null);
  const d = f.columns.length;
  if (d === 0) throw new StepProblem('Synthetic rows need numeric features; there are none at this point.');
  const n = frame.table.rowCount;
  if (c && c.of.every((k) => k < 0)) throw new StepProblem(`No training row has a value in the target "${target}", so there is no class to draw synthetic rows for.`);
  const groups: number[][] = c ? c.labels.map(() => []) : [[]];
  for (let i = 0; i < n; i++) {
    const k = c ? c.of[i]! : 0;
    if (k >= 0) groups[k]!.push(i);
  }
  const base = new Uint32Array(count);
  const classOfNew = new Int32Array(count);
  const features = new Map(f.names.map((name) => [name, new Float64Array(count)]));
  const kinds = model === 'copula' ? f.columns.map((col) => featureKind(col, n)) : null;
  const x = new Float64Array(d);
  const perGroup = largestRemainder(
    groups.map((rows) => rows.length),
    count,
  );
  let j = 0;
  groups.forEach((rows, k) => {
    const share = perGroup[k]!;
    if (share === 0) return;
    const fitted = kinds ? fitCopula(f.columns, kinds, rows) : fitGaussian(f.columns, rows);
    requireFitRows(c?.labels[k] ?? null, rows.length, fitted.used);
    for (let s = 0; s < share; s++, j++) {
      fitted.draw(rng, x);
      base[j] = rows[randomInt(rng, rows.length)]!; // label columns are drawn from the class's own rows
      classOfNew[j] = k;
      for (let a = 0; a < d; a++) features.get(f.names[a]!)![j] = x[a]!;
    }
  });
  return { base, features, classOfNew };
}

/** Training rows with a class (a row with no target belongs to none); all of them for regression. */
const labelledRows = (n: number, c: Classes | null) => (c ? c.of.reduce((sum, k) => sum + (k >= 0 ? 1 : 0), 0) : n);

/** How many rows a spec will generate, known before any is made. */
function plannedRows(spec: AugmentSpec, n: number, c: Classes | null): number {
  if (spec.method === 'oversample' || spec.method === 'smote') return deficits(c!).need.reduce((a, b) => a + b, 0);
  if (spec.method === 'noise') return n * spec.count;
  if (spec.method === 'mixup') return spec.count || n;
  // Synthetic rows (either model) are drawn per class, so only rows with a class are modelled, and counted.
  return spec.count || labelledRows(n, c);
}

/**
 * Augment the (already transformed) training rows. `task` decides what "class" means:
 * classification balances or models per class; regression mixes or models the target too.
 */
export function augment(spec: AugmentSpec, train: Frame, target: string, task: 'classification' | 'regression'): Augmented {
  // Checked here too, whatever the caller did: a null setting would make NaN rows.
  const checked = checkAugment(spec);
  if (!checked.ok) throw new StepProblem(checked.problems.join(' '));
  if (spec.method === 'none') return { frame: train, added: 0, before: null, after: null, notes: [] };
  const targetColumn = requireColumn(train, target);
  const n = train.table.rowCount;
  if (n === 0) throw new StepProblem('There are no training rows to augment.');
  const classification = task === 'classification';
  const needsClasses = spec.method === 'oversample' || spec.method === 'smote';
  if (needsClasses && !classification) throw new StepProblem('Oversampling and SMOTE balance classes, so they need a classification target. For regression, try mixup or noise.');
  if (spec.method === 'mixup' && classification) throw new StepProblem('Mixup blends targets, so it is for regression. For classes, try SMOTE.');
  if (!classification && targetColumn.kind !== 'numeric') throw new StepProblem(`The target "${target}" is not numeric, so this is not a regression.`);
  const rng = seeded(spec.seed);
  const c = classification ? classesOf(targetColumn, n) : null;
  requireWithinCap(spec.method, plannedRows(spec, n, c), n);
  let rows: NewRows & { classOfNew?: Int32Array; notes?: string[] };
  switch (spec.method) {
    case 'oversample':
      rows = oversample(c!, rng);
      break;
    case 'smote':
      rows = smote(train, c!, target, spec.k, rng);
      break;
    case 'noise':
      rows = noise(train, target, spec.scale, spec.count, rng);
      break;
    case 'mixup':
      rows = mixup(train, target, spec.count || n, spec.alpha, rng);
      break;
    default:
      rows = synthetic(train, c, target, plannedRows(spec, n, c), rng, spec.method === 'copula' ? 'copula' : 'gaussian');
  }
  return {
    frame: appendRows(train, rows),
    added: rows.base.length,
    before: c ? countClasses(c) : null,
    after: c ? countClasses(c, rows) : null,
    notes: rows.notes ?? [],
  };
}
