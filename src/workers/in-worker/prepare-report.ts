/**
 * Everything the Prepare page shows for one recipe, computed in the prepare worker: the split's
 * parts and their class balance, each step fitted on the training part (or the first problem),
 * the chosen step's before/after, and the augmentation's effect.
 */
import { augment, type Augmented } from '../../prepare/augment';
import { datasetFrame, findColumn, type Frame } from '../../prepare/frame';
import { materialize, pickedValues, type FrameView } from '../../prepare/frame-view';
import { showValueOf } from '../../prepare/learned-lines';
import { copiesWarning, flaggedNote } from './held-out-notes';
import { fitTrainingPart, prepareParts, type FittedPipeline } from '../../prepare/pipeline';
import { stepDef } from '../../prepare/steps';
import { targetNote } from '../../prepare/target-note';
import { stepPreviewOfViews, type StepPreview } from '../../prepare/preview';
import type { Recipe } from '../../prepare/recipe';
import { editedTable } from '../../prepare/edited-table';
import { assignParts, splitProblem, summariseParts, type SplitInputs } from '../../prepare/split';
import type { FitContext } from '../../prepare/step';
import type { ColumnInfo } from '../../prepare/run-steps';
import { preparedColumns } from '../../prepare/readiness';
import type { DatasetRow } from '../../storage/rows';
import { rowRunsOf } from '../../shared/row-runs';
import { StepProblem } from '../../prepare/step-problem';
import { isValid, type Column, type Table } from '../../shared/column';
import { copiesOfTrainingRows } from '../../prepare/training-copies';
import type { AugmentReport, HeldOutCheck, PartReport, PreparedResult, PrepareProgress, PrepareReport, PrepareRequest, StepStatus } from '../prepare-protocol';
import { seeded } from '../../prepare/random';
import { resumeFor } from './kept-fits';
import { codesOf } from '../../prepare/class-codes';
import { groupSharesNote, undatedNote, ungroupedNote, untrainedClassesNote } from '../../prepare/split-notes';

const SCATTER_POINTS = 1500;
/**
 * Rows of validation and of test the report prepares to look for copies of training rows: all of
 * them up to this, else this many spread evenly. Preparing all of a million rows' held-out parts
 * would add half again to the report's time; this many, and counting their copies, add about 2%
 * (some 10 ms of 450 on a 1M-row table and the bench's recipe), and estimate the share of copies
 * to within about a percentage point.
 */
export const COPIES_CHECKED = 5_000;

/** What the steps are told of a stored dataset: how its file was written (the Data stage read it so too) and which rows it holds. */
export function fitContextOf(dataset: Pick<DatasetRow, 'id' | 'rowCount' | 'rowRuns' | 'source'>): FitContext {
  return { decimalComma: dataset.source.decimalComma, rowRuns: rowRunsOf(dataset) };
}

/** `inputs`: the class and group codes read for the split, reused for cross-validation's folds. */
export type SplitOutcome = { ok: true; parts: Uint8Array; report: PartReport[]; notes: string[]; inputs: SplitInputs } | { ok: false; problem: string };

export interface SplitOptions {
  /** false: the report leaves out each part's classes, which are then read only when the split stratifies by them (training needs the parts, not the page's table) */
  classBalance?: boolean;
  /** how the dataset's file was written, as the edit step's fit is told it */
  context?: FitContext;
}

/**
 * The split of the dataset's rows, with the inputs its strategy needs read from the table as the
 * recipe's edit step leaves it (edited-table.ts): the classes it stratifies by and reports are the
 * labels after any relabel. The one split the report, training and cross-validation all use.
 */
export function splitRows(dataset: Table, recipe: Pick<Recipe, 'split' | 'steps'>, target: string | null, classification: boolean, options: SplitOptions = {}): SplitOutcome {
  const { classBalance = true } = options;
  const settings = recipe.split;
  const table = editedTable(dataset, recipe.steps, options.context);
  const n = table.rowCount;
  const column = (name: string | null) => (name ? table.columns.find((c) => c.name === name) : undefined);
  const inputs: SplitInputs = { rowCount: n };
  const targetColumn = column(target);
  const needed = classBalance || settings.strategy === 'stratified';
  const classes = needed && classification && targetColumn ? codesOf(targetColumn, n) : null;
  // Kept for every strategy (assignParts reads them only when stratifying): folds stratify by them too.
  if (classes) inputs.classes = classes.codes;
  if (settings.strategy === 'stratified' && !classes) {
    if (target && classification && !targetColumn) {
      return { ok: false, problem: `A stratified split keeps each class’s share in every part, so it needs the target’s classes, and the plan’s target "${target}" is not a column of this dataset: choose the target in Plan, or use a random split.` };
    }
    return { ok: false, problem: 'A stratified split keeps each class’s share in every part, so it needs a classification target: choose one in Plan, or use a random split.' };
  }
  if (settings.strategy === 'grouped') {
    const g = column(settings.groupColumn);
    if (!g) return { ok: false, problem: 'Choose the column whose rows must stay together (a customer or patient id, for example).' };
    const groupCodes = codesOf(g, n);
    inputs.groups = groupCodes.codes;
    inputs.groupLabels = groupCodes.labels;
  }
  if (settings.strategy === 'ordered') {
    const o = column(settings.orderColumn);
    if (!o || (o.kind !== 'datetime' && o.kind !== 'numeric')) return { ok: false, problem: 'Choose a date or number column to order the rows by; the latest rows become the test part.' };
    const order = new Float64Array(n);
    for (let i = 0; i < n; i++) order[i] = isValid(o.valid, i) ? o.values[i]! : Number.NaN;
    inputs.order = order;
  }
  const spec = { strategy: settings.strategy, fractions: settings.fractions, seed: settings.seed, dealing: settings.dealing };
  const problem = splitProblem(spec, inputs);
  if (problem) return { ok: false, problem };
  const parts = assignParts(spec, inputs);
  const summary = summariseParts(parts, classes?.codes, classes?.labels.length);
  const report = summary.map((s) => ({
    part: s.part,
    rows: s.rows,
    classes: classes && s.classCounts ? classes.labels.map((label, k) => ({ label, count: s.classCounts![k]! })) : null,
  }));
  const notes: (string | null)[] = [];
  if (inputs.order) notes.push(undatedNote(inputs.order.reduce((m, x) => m + (x !== x ? 1 : 0), 0), settings.orderColumn!));
  if (inputs.groups) notes.push(ungroupedNote(inputs.groups.reduce((m, g) => m + (g < 0 ? 1 : 0), 0), settings.groupColumn!));
  if (settings.strategy === 'grouped') notes.push(groupSharesNote([summary[0]!.rows, summary[1]!.rows, summary[2]!.rows], settings.fractions));
  notes.push(untrainedClassesNote(report));
  return { ok: true, parts, report, notes: notes.filter((x) => x !== null), inputs };
}

/** Up to `max` rows of two numeric columns, sampled with a fixed seed. */
function points(frame: Frame, x: Column, y: Column, from: number, to: number, max: number): { x: number[]; y: number[] } {
  const rows: number[] = [];
  for (let i = from; i < to; i++) if (isValid(x.valid, i) && isValid(y.valid, i)) rows.push(i);
  const rng = seeded('augment-scatter');
  // A partial Fisher–Yates: the first `max` of a seeded shuffle.
  for (let k = 0; k < Math.min(max, rows.length); k++) {
    const j = k + Math.floor(rng() * (rows.length - k));
    [rows[k], rows[j]] = [rows[j]!, rows[k]!];
  }
  const chosen = rows.slice(0, max);
  return { x: chosen.map((i) => x.values[i]!), y: chosen.map((i) => y.values[i]!) };
}

function augmentReport(result: Augmented, scatter: [string, string] | null, target: string): AugmentReport {
  const frame = result.frame;
  const real = frame.table.rowCount - result.added;
  // Without a chosen pair, the first two numeric features.
  const numeric = frame.table.columns.filter((c) => c.kind === 'numeric' && c.name !== target);
  const x = scatter ? findColumn(frame, scatter[0]) : numeric[0];
  const y = scatter ? findColumn(frame, scatter[1]) : numeric[1];
  const chart =
    x && y && x.kind === 'numeric' && y.kind === 'numeric'
      ? { x: x.name, y: y.name, real: points(frame, x, y, 0, real, SCATTER_POINTS), generated: points(frame, x, y, real, frame.table.rowCount, SCATTER_POINTS) }
      : null;
  return { ok: true, added: result.added, before: result.before, after: result.after, scatter: chart, notes: result.notes };
}

/** `context`: how the dataset's file was written (its decimal comma), for the steps that read text. */
export function prepareReport(table: Table, request: PrepareRequest, onProgress: (p: PrepareProgress) => void, context?: FitContext): PrepareReport {
  const t0 = performance.now();
  const { recipe } = request;
  const classification = request.task === 'classification';
  onProgress({ phase: 'splitting', done: 0, total: 1 });
  const split = splitRows(table, recipe, request.target, classification, { context });
  const notReached = (): StepStatus[] => recipe.steps.map((s) => ({ id: s.id, state: s.enabled ? 'not-reached' : 'disabled' }));
  if (!split.ok) return { split, steps: notReached(), preview: null, columns: [], augment: null, heldOut: null, reusedSteps: 0, seconds: (performance.now() - t0) / 1000 };

  const statuses = new Map<string, StepStatus>();
  /** each fitted step's columns out, to say what a later step that is off, or cannot apply, receives */
  const columnsOut = new Map<string, ColumnInfo[]>();
  let preview: StepPreview | null = null;
  const { from, chain } = resumeFor(table, split.parts, context, recipe.steps);
  // The training rows stay a view: they are gathered only for augmentation.
  const fit = fitTrainingPart(recipe.steps, datasetFrame(table), split.parts, COPIES_CHECKED, {
    context,
    from,
    checkpoint: (at) => chain.push(at),
    onStep: (done, total) => onProgress({ phase: 'fitting', done, total }),
    observe: (id, step) => {
      // The params as the pipeline read them: an edit step's thousands of edits are not read again.
      const def = stepDef(recipe.steps.find((s) => s.id === id)!.kind)!;
      // The target's note first: it says whether the scores can be trusted.
      const note = [targetNote(def.kind, step.params, request.target, step.before, step.after), def.note?.(step.params, step.learned)].filter(Boolean).join(' ') || null;
      statuses.set(id, { id, state: 'fitted', rowsAfter: step.rowsAfter, columnsAfter: step.columnsAfter, inputColumns: step.columnsIn(), ...(note ? { note } : {}) });
      columnsOut.set(id, step.columnsOut());
      if (id === request.previewStepId) {
        const learned = def.learnedLines?.(step.params, step.learned, showValueOf(step.before)) ?? null;
        preview = stepPreviewOfViews(step.before, step.after, def.columnsOf(step.params), note, learned);
      }
    },
  });
  if (!fit.ok) statuses.set(fit.stepId, { id: fit.stepId, state: 'problem', problem: fit.problem });
  const steps = withInputColumns(
    recipe.steps.map((s): StepStatus => (s.enabled ? (statuses.get(s.id) ?? { id: s.id, state: 'not-reached' }) : { id: s.id, state: 'disabled' })),
    columnInfo(table),
    columnsOut,
  );
  const columns = fit.ok ? preparedColumns(fit.train) : [];
  let heldOut: PrepareReport['heldOut'] = null;
  if (fit.ok) {
    const copies = copiesOfTrainingRows(fit.train, fit.samples);
    const parts = (['validation', 'test'] as const).map((part, k): HeldOutCheck => {
      const sample = fit.samples[k]!;
      return { part, rows: split.report[k + 1]!.rows, checked: sample.rowCount, copies: copies[k]!, flagged: flaggedCount(sample) };
    });
    heldOut = { parts, copiesWarning: copiesWarning(parts), flaggedNote: flaggedNote(parts) };
  }

  let augmentResult: AugmentReport | null = null;
  if (fit.ok && recipe.augment.method !== 'none') {
    const last = materialize(fit.train);
    onProgress({ phase: 'augmenting', done: 0, total: 1 });
    if (!request.target || !request.task) augmentResult = { ok: false, problem: 'Augmentation needs a target: choose it in Plan.' };
    else {
      try {
        augmentResult = augmentReport(augment(recipe.augment, last, request.target, request.task), request.scatter, request.target);
      } catch (e) {
        if (!(e instanceof StepProblem)) throw e;
        augmentResult = { ok: false, problem: e.message };
      }
    }
  }
  return { split: { ok: true, parts: split.report, notes: split.notes }, steps, preview, columns, augment: augmentResult, heldOut, reusedSteps: fit.ok ? (from?.keys.length ?? 0) : 0, seconds: (performance.now() - t0) / 1000 };
}

function flaggedCount(view: FrameView): number {
  const flagged = pickedValues(view.flagged, view.rowCount);
  let count = 0;
  for (let i = 0; i < flagged.length; i++) count += flagged[i]!;
  return count;
}

const columnInfo = (t: Table): ColumnInfo[] => t.columns.map((c) => ({ name: c.name, kind: c.kind }));

/**
 * Steps told the columns they receive where the fit did not say: a step that is off or cannot
 * apply receives what the last fitted step before it left (the imported columns when none);
 * past the step that cannot apply, nothing is known.
 */
function withInputColumns(steps: StepStatus[], imported: ColumnInfo[], columnsOut: ReadonlyMap<string, ColumnInfo[]>): StepStatus[] {
  let current: ColumnInfo[] | undefined = imported;
  return steps.map((s) => {
    const received = s.inputColumns ?? (s.state === 'disabled' || s.state === 'problem' ? current : undefined);
    if (s.state === 'fitted') current = columnsOut.get(s.id);
    else if (s.state !== 'disabled') current = undefined;
    return received ? { ...s, inputColumns: received } : s;
  });
}

export interface PreparedFrames {
  /** the training part, transformed and augmented */
  train: Frame;
  /** the training part, transformed, before augmentation: the learner's own rows (the same frame as `train` when nothing was added) */
  real: Frame;
  validation: Frame;
  test: Frame;
  fitted: FittedPipeline;
  added: number;
  timings: { phase: string; seconds: number }[];
  /** what steps did to the target that is rarely meant (target-note.ts), each naming its step, for the run's notes */
  targetNotes: string[];
}

type PrepareInput = Omit<PrepareRequest, 'previewStepId' | 'scatter' | 'datasetId'>;

/** The whole recipe applied, as training uses it: split, fit on training rows, apply to the rest, augment. */
export function prepareFrames(table: Table, request: PrepareInput, onProgress: (p: PrepareProgress) => void, context?: FitContext): { ok: true; frames: PreparedFrames } | { ok: false; problem: string } {
  const t0 = performance.now();
  const classification = request.task === 'classification';
  onProgress({ phase: 'splitting', done: 0, total: 1 });
  const split = splitRows(table, request.recipe, request.target, classification, { classBalance: false, context });
  if (!split.ok) return split;
  // Where the time goes: the split, then each step's fit and transform of the training part and
  // of validation and test, then gathering each part's rows.
  const timings: { phase: string; seconds: number }[] = [];
  let mark = t0;
  const lap = (phase: string) => {
    const now = performance.now();
    timings.push({ phase, seconds: (now - mark) / 1000 });
    mark = now;
  };
  lap('split');
  // Steps fitted column by column together share one time, under their joined ids.
  let together: string[] = [];
  const targetNotes: string[] = [];
  const prepared = prepareParts(request.recipe.steps, datasetFrame(table), split.parts, {
    context,
    onStep: (done, total) => onProgress({ phase: 'fitting', done, total }),
    observe: (id, step) => {
      const at = request.recipe.steps.findIndex((s) => s.id === id);
      const def = stepDef(request.recipe.steps[at]!.kind)!;
      const note = targetNote(def.kind, step.params, request.target, step.before, step.after);
      if (note) targetNotes.push(`Prepare’s step ${at + 1} (${def.title}): ${note}`);
      together.push(id);
      if (step.withNext) return;
      lap(together.join(' + '));
      together = [];
    },
    phase: lap,
  });
  if (!prepared.ok) {
    const index = request.recipe.steps.findIndex((s) => s.id === prepared.stepId);
    return { ok: false, problem: `Step ${index + 1} of the Prepare pipeline: ${prepared.problem}` };
  }
  let train = prepared.frames.train;
  let added = 0;
  if (request.recipe.augment.method !== 'none' && request.target && request.task) {
    onProgress({ phase: 'augmenting', done: 0, total: 1 });
    try {
      const result = augment(request.recipe.augment, train, request.target, request.task);
      [train, added] = [result.frame, result.added];
    } catch (e) {
      if (!(e instanceof StepProblem)) throw e;
      return { ok: false, problem: e.message };
    }
  }
  return { ok: true, frames: { train, real: prepared.frames.train, validation: prepared.frames.validation, test: prepared.frames.test, fitted: prepared.fitted, added, timings, targetNotes } };
}

/** prepareFrames, summarised for the page; also what bench:prepare times. */
export function prepareDataset(table: Table, request: PrepareInput, onProgress: (p: PrepareProgress) => void, context?: FitContext): PreparedResult {
  const t0 = performance.now();
  const outcome = prepareFrames(table, request, onProgress, context);
  if (!outcome.ok) return outcome;
  const { train, validation, test, added, timings } = outcome.frames;
  return {
    ok: true,
    summary: {
      rows: { train: train.table.rowCount, validation: validation.table.rowCount, test: test.table.rowCount },
      added,
      columns: train.table.columns.map((c) => ({ name: c.name, kind: c.kind })),
      timings,
      seconds: (performance.now() - t0) / 1000,
    },
  };
}

/**
 * One plain loop over every value of every column: the floor any pipeline is measured against.
 * A loop of its own per array type: one loop over arrays of three types is compiled for all
 * three, and ran at 10 or at 25 ms a million rows depending on how V8 had compiled it, which
 * made the ratio jump twofold from run to run. The median of five passes. Also what writing out
 * a table of this size costs at least: new arrays of the same types, each value written once.
 */
export function readEveryValue(table: Table): { seconds: number; sum: number; freshWriteSeconds: number } {
  const n = table.rowCount;
  let sum = 0;
  const seconds = medianOfFive(() => {
    sum = 0;
    for (const { values } of table.columns) sum += values instanceof Float64Array ? sumFloat64(values, n) : values instanceof Uint32Array ? sumUint32(values, n) : sumUint8(values, n);
  });
  const freshWriteSeconds = medianOfFive(() => {
    for (const { values } of table.columns) sum += values instanceof Float64Array ? writeFloat64(new Float64Array(n)) : values instanceof Uint32Array ? writeUint32(new Uint32Array(n)) : writeUint8(new Uint8Array(n));
  });
  return { seconds, sum, freshWriteSeconds };
}

function medianOfFive(run: () => void): number {
  const times: number[] = [];
  for (let repeat = 0; repeat < 5; repeat++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[2]! / 1000;
}

function sumFloat64(values: Float64Array, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  return sum;
}

function sumUint32(values: Uint32Array, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  return sum;
}

function sumUint8(values: Uint8Array, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  return sum;
}

function writeFloat64(values: Float64Array): number {
  for (let i = 0; i < values.length; i++) values[i] = i;
  return values[values.length - 1] ?? 0;
}

function writeUint32(values: Uint32Array): number {
  for (let i = 0; i < values.length; i++) values[i] = i;
  return values[values.length - 1] ?? 0;
}

function writeUint8(values: Uint8Array): number {
  for (let i = 0; i < values.length; i++) values[i] = i & 1;
  return values[values.length - 1] ?? 0;
}
