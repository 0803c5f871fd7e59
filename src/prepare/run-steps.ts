/**
 * Running steps over FrameViews: fitting them in order on the training rows and applying them
 * to other rows. Two ways with the same result. Step by step is the reference. Fitted and
 * applied together, each step is applied to the other rows as soon as it is fitted, and a run
 * of columnwise steps goes one column at a time (columnwise.ts), while the column is in cache.
 * Whenever the second way throws, the first runs from the start and gives the answer, so a
 * problem is always the one met first step by step.
 */
import type { ColumnKind } from '../shared/column';
import { runColumnwise, type SegmentStep } from './columnwise';
import { startsWith, stepKey, type FitCheckpoint } from './fit-checkpoints';
import { materialize, viewMissingCount, viewOf, type FrameView } from './frame-view';
import { parseStep, type FittedPipeline, type FittedStep } from './fitted';
import type { FitContext, RowMode, StepDef, StepSpec } from './step';
import { StepProblem } from './step-problem';
import { stepDef } from './steps';

/** One fitted step's training rows before and after it, as views: nothing is gathered. */
export interface ObservedStep {
  rowsAfter: number;
  columnsAfter: number;
  /** fitted column by column together with the next step, so neither has a time of its own */
  withNext: boolean;
  /** what its fit learned, for the step's note */
  learned: unknown;
  /** its params, as its schema read them */
  params: unknown;
  before: FrameView;
  after: FrameView;
  /** the names, kinds and missing counts of the columns before and after the step: cheap, nothing is gathered */
  columnsIn(): ColumnInfo[];
  columnsOut(): ColumnInfo[];
}

export interface ColumnInfo {
  name: string;
  kind: ColumnKind;
  /** of the training rows, how many miss a value (for the fill and drop-missing forms); absent where the rows are not the training rows' */
  missing?: number;
}

const infoOf = new WeakMap<FrameView, Required<ColumnInfo>[]>();

/**
 * The view's columns with their missing counts, kept per view: a report that carries on from the
 * last fit meets the same views again, and counts nothing twice.
 */
export function columnInfoOf(view: FrameView): Required<ColumnInfo>[] {
  let info = infoOf.get(view);
  if (!info) infoOf.set(view, (info = view.columns.map((c) => ({ name: c.column.name, kind: c.column.kind, missing: viewMissingCount(c, view.rowCount) }))));
  return info;
}

export interface FitOptions {
  /** progress: steps fitted so far, of how many */
  onStep?: (done: number, total: number) => void;
  /** sees each step's training rows before and after it, for previews */
  observe?: (stepId: string, step: ObservedStep) => void;
  /** told when prepareParts has finished a phase after the steps ('gather training rows', …), for timings */
  phase?: (name: string) => void;
  /** what each of the other frames is ('validation', 'test'), to say where a step could not apply */
  otherNames?: readonly string[];
  /** how the dataset's file was written (its decimal comma), for the steps that read text */
  context?: FitContext;
  /**
   * An earlier fit of the same training and other rows with the same context: when the enabled
   * steps start with its steps, the fit carries on from there (observe and onStep are still told
   * of every step). The caller vouches for the rows; the steps are checked here.
   */
  from?: FitCheckpoint | null;
  /** told each time the fit has fitted a step, or a run of steps together, and applied it to the other rows */
  checkpoint?: (at: FitCheckpoint) => void;
}

export type ViewFitOutcome = { ok: true; fitted: FittedPipeline; train: FrameView; others: FrameView[] } | { ok: false; stepId: string; problem: string };

type Step = StepDef<unknown, unknown>;

/** One step's transform of a view: the step's own view code, or its Frame code over the gathered rows. */
function transformView(def: Step, params: unknown, learned: unknown, view: FrameView, mode: RowMode): FrameView {
  if (def.view) return def.view.transform(params, learned, view, mode);
  return viewOf(def.transform(params, learned, materialize(view), mode));
}

/**
 * A step fitted on the training rows and applied to them. A step without view code is given the
 * rows gathered once, for its fit and its transform: gathering them for each was a copy of the
 * whole table more.
 */
function fitAndTransform(def: Step, params: unknown, view: FrameView, context: FitContext | undefined): { learned: unknown; after: FrameView } {
  if (def.view) {
    const learned = def.view.fit(params, view, context);
    return { learned, after: def.view.transform(params, learned, view, 'train') };
  }
  const frame = materialize(view);
  const learned = def.fit(params, frame, context);
  return { learned, after: viewOf(def.transform(params, learned, frame, 'train')) };
}

function observed(before: FrameView, after: FrameView, learned: unknown, params: unknown, withNext = false): ObservedStep {
  return { rowsAfter: after.rowCount, columnsAfter: after.columns.length, withNext, learned, params, before, after, columnsIn: () => columnInfoOf(before), columnsOut: () => columnInfoOf(after) };
}

/** Fit the enabled steps on `train`, step by step, then apply them to `others`. */
export function fitViews(specs: readonly StepSpec[], train: FrameView, others: readonly FrameView[], options: FitOptions): ViewFitOutcome {
  const enabled = specs.filter((s) => s.enabled);
  const steps: FittedStep[] = [];
  let view = train;
  for (const spec of enabled) {
    const parsed = parseStep(spec);
    if (!parsed.ok) return { ok: false, stepId: spec.id, problem: parsed.problem };
    const def = stepDef(spec.kind)!;
    try {
      const { learned, after } = fitAndTransform(def, parsed.params, view, options.context);
      options.observe?.(spec.id, observed(view, after, learned, parsed.params));
      view = after;
      steps.push({ id: spec.id, kind: spec.kind, params: parsed.params, learned });
    } catch (e) {
      if (e instanceof StepProblem) return { ok: false, stepId: spec.id, problem: e.message };
      throw e;
    }
    options.onStep?.(steps.length, enabled.length);
  }
  const fitted: FittedPipeline = { format: 1, steps };
  const applied: FrameView[] = [];
  for (const [k, other] of others.entries()) {
    let out = other;
    for (const step of fitted.steps) {
      try {
        out = transformView(stepDef(step.kind)!, step.params, step.learned, out, 'apply');
      } catch (e) {
        if (!(e instanceof StepProblem)) throw e;
        // Fitted on the training rows, yet it cannot apply here: the step's problem, said to be about these rows.
        const where = options.otherNames?.[k] ? `the ${options.otherNames[k]} rows` : 'the rows outside training';
        return { ok: false, stepId: step.id, problem: `In ${where}: ${e.message}` };
      }
    }
    applied.push(out);
  }
  return { ok: true, fitted, train: view, others: applied };
}

/** Apply a fitted pipeline, step by step: nothing is refitted. */
export function applyViews(fitted: FittedPipeline, view: FrameView, mode: RowMode): FrameView {
  let out = view;
  for (const step of fitted.steps) out = transformView(stepDef(step.kind)!, step.params, step.learned, out, mode);
  return out;
}

interface Ready {
  spec: StepSpec;
  def: Step;
  params: unknown;
}

/** The columnwise steps from `at` on that can run column by column together; none when the step at `at` is not one. */
function segmentAt(steps: readonly Ready[], at: number): SegmentStep[] {
  const segment: SegmentStep[] = [];
  for (let i = at; i < steps.length; i++) {
    const { def, params } = steps[i]!;
    const names = def.columnwise?.columns(params);
    if (!def.columnwise || !names || new Set(names).size !== names.length) break;
    segment.push({ step: def.columnwise, params, names });
    // Later steps must see the rows this one removes.
    if (def.removesRows) break;
  }
  return segment;
}

/** fitViews, with each step applied to `others` as soon as it is fitted and columnwise runs column by column. */
export function fitAndApplyViews(specs: readonly StepSpec[], train: FrameView, others: readonly FrameView[], options: FitOptions): ViewFitOutcome {
  try {
    const fused = fitTogether(specs, train, others, options);
    if (fused) return fused;
  } catch {
    // Step by step below says what went wrong, and where.
  }
  return fitViews(specs, train, others, options);
}

/** null when a step's params do not parse, or a step cannot apply to other rows: fitViews reports it. */
function fitTogether(specs: readonly StepSpec[], train: FrameView, others: readonly FrameView[], options: FitOptions): ViewFitOutcome | null {
  const enabled = specs.filter((s) => s.enabled);
  const ready: Ready[] = [];
  for (const spec of enabled) {
    const parsed = parseStep(spec);
    if (!parsed.ok) return null;
    ready.push({ spec, def: stepDef(spec.kind)!, params: parsed.params });
  }
  const keys = enabled.map(stepKey);
  const from = options.from && startsWith(keys, options.from) ? options.from : null;
  const steps: FittedStep[] = from ? [...from.steps] : [];
  const seen: ObservedStep[] = from ? [...from.observed] : [];
  let view = from?.train ?? train;
  let rest: FrameView[] = from ? [...from.others] : [...others];
  seen.forEach((step, k) => {
    options.observe?.(steps[k]!.id, step);
    options.onStep?.(k + 1, ready.length);
  });
  const done = (spec: StepSpec, learned: unknown, before: FrameView, after: FrameView, withNext = false) => {
    const { params } = ready[steps.length]!;
    steps.push({ id: spec.id, kind: spec.kind, params, learned });
    seen.push(observed(before, after, learned, params, withNext));
    options.observe?.(spec.id, seen.at(-1)!);
    options.onStep?.(steps.length, ready.length);
  };
  const reached = () => options.checkpoint?.({ keys: keys.slice(0, steps.length), steps: [...steps], observed: [...seen], train: view, others: rest });
  for (let i = steps.length; i < ready.length; ) {
    const segment = segmentAt(ready, i);
    if (segment.length > 1) {
      const run = runColumnwise(segment, view, rest);
      segment.forEach((_, j) => done(ready[i + j]!.spec, run.learned[j], j === 0 ? view : run.trainAfter[j - 1]!, run.trainAfter[j]!, j < segment.length - 1));
      view = run.trainAfter.at(-1)!;
      rest = run.others;
      i += segment.length;
      reached();
      continue;
    }
    const { spec, def, params } = ready[i]!;
    const { learned, after } = fitAndTransform(def, params, view, options.context);
    try {
      rest = rest.map((o) => transformView(def, params, learned, o, 'apply'));
    } catch (e) {
      // Step by step says in which part, and reports a later step's problem in the training rows first.
      if (e instanceof StepProblem) return null;
      throw e;
    }
    done(spec, learned, view, after);
    view = after;
    i++;
    reached();
  }
  return { ok: true, fitted: { format: 1, steps }, train: view, others: rest };
}
