/**
 * Augmentation of the training rows only (never validation or test): new rows appended after
 * the real ones, so `frame.table.rowCount - added` real rows come first. Seeded.
 */
import { allocValues, bitmapBytes, isValid, setValid, type Column } from '../shared/column';
import { codesOf } from './class-codes';
import { requireColumn, type Frame } from './frame';
import { moments, presentNumbers } from './stats';
import { beta, normal, randomInt, seeded, type Rng } from './random';
import { checkAugment, requireWithinCap, type AugmentMethod, type AugmentSpec } from './augment-spec';
import { StepProblem } from './step-problem';

export { AUGMENT_METHODS, augmentSchema, checkAugment, MAX_GENERATED_PER_ROW, MAX_GENERATED_ROWS, type AugmentCheck, type AugmentMethod, type AugmentSpec } from './augment-spec';

export const AUGMENT_HELP: Record<AugmentMethod, string> = {
  none: 'Train on the real rows only.',
  oversample: 'Repeats rows of the smaller classes at random until every class has as many rows as the largest.',
  smote: 'Makes new rows of the smaller classes between a row and one of its nearest neighbours of the same class (SMOTE), until the classes are balanced.',
  noise: 'Adds copies of every row with a little Gaussian noise on each numeric feature, scaled to that feature’s spread.',
  mixup: 'Blends random pairs of rows and their targets (mixup), for regression.',
  synthetic: 'Draws new rows from a Gaussian fitted per class, keeping each class’s feature means and correlations: data to share when the real rows cannot be.',
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
    const generated = rows.features.get(c.name);
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

/** The k nearest other rows (indices into `rows`) by Euclidean distance over scaled features. */
export function nearestNeighbours(scaled: Float64Array, count: number, d: number, k: number): Int32Array[] {
  const out: Int32Array[] = [];
  const dist = new Float64Array(count);
  const order = new Int32Array(count);
  for (let a = 0; a < count; a++) {
    for (let b = 0; b < count; b++) {
      let s = 0;
      for (let j = 0; j < d; j++) {
        const diff = scaled[a * d + j]! - scaled[b * d + j]!;
        s += diff * diff;
      }
      dist[b] = b === a ? Infinity : s;
      order[b] = b;
    }
    // Ties broken by index, so the neighbours do not depend on the sort's whims.
    const sorted = Array.from(order).sort((x, y) => dist[x]! - dist[y]! || x - y);
    out.push(Int32Array.from(sorted.slice(0, Math.min(k, count - 1))));
  }
  return out;
}

/** SMOTE keeps neighbour search quadratic in a class's size, so a huge class is searched over a sample. */
const SMOTE_MAX_CLASS_ROWS = 5000;

function smote(frame: Frame, c: Classes, target: string, k: number, rng: Rng): NewRows {
  const f = numericFeatures(frame, target, false);
  if (f.columns.length === 0) throw new StepProblem('SMOTE needs numeric features to interpolate; there are none at this point. Use random oversampling instead.');
  const { members, need } = deficits(c);
  const base: number[] = [];
  const values = f.names.map(() => [] as number[]);
  const missing = f.names.map(() => [] as number[]);
  members.forEach((all, cls) => {
    if (need[cls] === 0) return;
    if (all.length < 2) throw new StepProblem(`Class "${c.labels[cls]}" has ${all.length} training row: SMOTE needs at least 2 to interpolate between. Use random oversampling instead.`);
    const rows = all.length > SMOTE_MAX_CLASS_ROWS ? Array.from({ length: SMOTE_MAX_CLASS_ROWS }, () => all[randomInt(rng, all.length)]!) : all;
    const neighbours = nearestNeighbours(scaledRows(f, rows), rows.length, f.columns.length, k);
    for (let j = 0; j < need[cls]!; j++) {
      const a = randomInt(rng, rows.length);
      const nb = neighbours[a]!;
      const b = nb[randomInt(rng, nb.length)]!;
      const gap = rng();
      const ra = rows[a]!;
      const rb = rows[b]!;
      base.push(ra);
      f.columns.forEach((col, d) => {
        const va = isValid(col.valid, ra);
        // A missing value stays missing; a value missing only in the neighbour keeps the base's.
        const x = va && isValid(col.valid, rb) ? col.values[ra]! + gap * (col.values[rb]! - col.values[ra]!) : col.values[ra]!;
        values[d]!.push(x);
        missing[d]!.push(va ? 0 : 1);
      });
    }
  });
  return {
    base: Uint32Array.from(base),
    features: new Map(f.names.map((name, d) => [name, Float64Array.from(values[d]!)])),
    missing: new Map(f.names.map((name, d) => [name, Uint8Array.from(missing[d]!)])),
  };
}

function noise(frame: Frame, target: string, scale: number, copies: number, rng: Rng): NewRows {
  const f = numericFeatures(frame, target, false);
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
      if (isValid(col.valid, a) && isValid(col.valid, b)) features.get(col.name)![j] = lambda * col.values[a]! + (1 - lambda) * col.values[b]!;
      else missing.get(col.name)![j] = 1;
    });
  }
  return { base, features, missing };
}

/** Lower-triangular L with L·Lᵀ = the matrix (d×d, row-major), with a small ridge for rank-deficient data. */
export function cholesky(matrix: Float64Array, d: number): Float64Array {
  const L = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = matrix[i * d + j]!;
      for (let k = 0; k < j; k++) s -= L[i * d + k]! * L[j * d + k]!;
      if (i === j) L[i * d + i] = Math.sqrt(Math.max(s, 1e-12));
      else L[i * d + j] = s / L[j * d + j]!;
    }
  }
  return L;
}

/** Mean and covariance (ddof 1) of rows complete in every feature, plus the rows used. */
export function meanAndCovariance(columns: readonly Column[], rows: readonly number[]): { mean: Float64Array; cov: Float64Array; used: number } {
  const d = columns.length;
  const complete = rows.filter((r) => columns.every((c) => isValid(c.valid, r)));
  const mean = new Float64Array(d);
  for (const r of complete) columns.forEach((c, j) => (mean[j]! += c.values[r]! / complete.length));
  const cov = new Float64Array(d * d);
  for (const r of complete) {
    for (let a = 0; a < d; a++) {
      const da = columns[a]!.values[r]! - mean[a]!;
      for (let b = 0; b <= a; b++) cov[a * d + b]! += (da * (columns[b]!.values[r]! - mean[b]!)) / Math.max(1, complete.length - 1);
    }
  }
  for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) cov[b * d + a] = cov[a * d + b]!;
  // A ridge of 1e-9 × each variance keeps the Cholesky defined for collinear features.
  for (let a = 0; a < d; a++) cov[a * d + a]! += 1e-9 * (cov[a * d + a]! || 1);
  return { mean, cov, used: complete.length };
}

function synthetic(frame: Frame, c: Classes | null, target: string, count: number, rng: Rng): NewRows & { classOfNew?: Int32Array } {
  const f = numericFeatures(frame, target, c === null);
  const d = f.columns.length;
  if (d === 0) throw new StepProblem('Synthetic rows need numeric features; there are none at this point.');
  const n = frame.table.rowCount;
  const groups: number[][] = c ? c.labels.map(() => []) : [[]];
  for (let i = 0; i < n; i++) {
    const k = c ? c.of[i]! : 0;
    if (k >= 0) groups[k]!.push(i);
  }
  const base = new Uint32Array(count);
  const classOfNew = new Int32Array(count);
  const features = new Map(f.names.map((name) => [name, new Float64Array(count)]));
  const z = new Float64Array(d);
  let j = 0;
  groups.forEach((rows, k) => {
    // Each class gets rows in proportion to its size; the last takes the rounding remainder.
    const share = k === groups.length - 1 ? count - j : Math.round((count * rows.length) / n);
    if (share === 0) return;
    const { mean, cov, used } = meanAndCovariance(f.columns, rows);
    if (used < 2) throw new StepProblem(`Class "${c ? c.labels[k] : ''}" has ${used} complete training row${used === 1 ? '' : 's'}: a Gaussian needs at least 2. Fill missing values first.`);
    const L = cholesky(cov, d);
    for (let s = 0; s < share; s++, j++) {
      for (let a = 0; a < d; a++) z[a] = normal(rng);
      base[j] = rows[randomInt(rng, rows.length)]!; // label columns are drawn from the class's own rows
      classOfNew[j] = k;
      for (let a = 0; a < d; a++) {
        let x = mean[a]!;
        for (let b = 0; b <= a; b++) x += L[a * d + b]! * z[b]!;
        features.get(f.names[a]!)![j] = x;
      }
    }
  });
  return { base, features, classOfNew };
}

/** How many rows a spec will generate, known before any is made. */
function plannedRows(spec: AugmentSpec, n: number, c: Classes | null): number {
  if (spec.method === 'oversample' || spec.method === 'smote') return deficits(c!).need.reduce((a, b) => a + b, 0);
  if (spec.method === 'noise') return n * spec.count;
  return spec.count || n;
}

/**
 * Augment the (already transformed) training rows. `task` decides what "class" means:
 * classification balances or models per class; regression mixes or models the target too.
 */
export function augment(spec: AugmentSpec, train: Frame, target: string, task: 'classification' | 'regression'): Augmented {
  // Checked here too, whatever the caller did: a null setting would make NaN rows.
  const checked = checkAugment(spec);
  if (!checked.ok) throw new StepProblem(checked.problems.join(' '));
  if (spec.method === 'none') return { frame: train, added: 0, before: null, after: null };
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
  let rows: NewRows & { classOfNew?: Int32Array };
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
      rows = synthetic(train, c, target, spec.count || n, rng);
  }
  const frame = appendRows(train, rows);
  return {
    frame,
    added: rows.base.length,
    before: c ? countClasses(c) : null,
    after: c ? countClasses(c, rows) : null,
  };
}
