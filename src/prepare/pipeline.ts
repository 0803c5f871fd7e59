/**
 * The pipeline: steps fitted in order on the training rows, each on the output of the steps
 * before it, then applied unchanged to any other rows. The fitted pipeline is plain JSON
 * (params and learned state per step), so it can be stored with a run and exported with a model.
 */
import * as v from 'valibot';
import { keepRows, type Frame } from './frame';
import type { RowMode, StepSpec } from './step';
import { StepProblem } from './step-problem';
import { stepDef } from './steps';

export interface FittedStep {
  id: string;
  kind: string;
  params: unknown;
  learned: unknown;
}

export interface FittedPipeline {
  /** the format of this JSON, so an exported model can be read back by a later Looplab */
  format: 1;
  steps: FittedStep[];
}

export type ParsedStep = { ok: true; id: string; kind: string; params: unknown } | { ok: false; id: string; problem: string };

/** The step's params checked against its schema; a problem names the first bad field. */
export function parseStep(spec: StepSpec): ParsedStep {
  const def = stepDef(spec.kind);
  if (!def) return { ok: false, id: spec.id, problem: `Looplab does not know a step called "${spec.kind}".` };
  const parsed = v.safeParse(def.params, spec.params);
  if (parsed.success) return { ok: true, id: spec.id, kind: spec.kind, params: parsed.output };
  const issue = parsed.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.');
  return { ok: false, id: spec.id, problem: `${def.title}: ${issue.message}${path ? ` (${path})` : ''}` };
}

export type FitOutcome = { ok: true; fitted: FittedPipeline; train: Frame } | { ok: false; stepId: string; problem: string };

/**
 * Fit the enabled steps on the training rows. Stops at the first step that cannot apply and
 * says which and why; nothing is half-fitted. `onStep` reports progress (steps done, total).
 */
export interface FitOptions {
  /** progress: steps fitted so far, of how many */
  onStep?: (done: number, total: number) => void;
  /** sees each step's training rows before and after it, for previews */
  observe?: (stepId: string, before: Frame, after: Frame) => void;
}

export function fitPipeline(specs: readonly StepSpec[], train: Frame, options: FitOptions = {}): FitOutcome {
  const enabled = specs.filter((s) => s.enabled);
  const steps: FittedStep[] = [];
  let frame = train;
  for (const spec of enabled) {
    const parsed = parseStep(spec);
    if (!parsed.ok) return { ok: false, stepId: spec.id, problem: parsed.problem };
    const def = stepDef(spec.kind)!;
    try {
      const learned = def.fit(parsed.params, frame);
      const after = def.transform(parsed.params, learned, frame, 'train');
      options.observe?.(spec.id, frame, after);
      frame = after;
      steps.push({ id: spec.id, kind: spec.kind, params: parsed.params, learned });
    } catch (e) {
      if (e instanceof StepProblem) return { ok: false, stepId: spec.id, problem: e.message };
      throw e;
    }
    options.onStep?.(steps.length, enabled.length);
  }
  return { ok: true, fitted: { format: 1, steps }, train: frame };
}

/** Apply a fitted pipeline to rows it was not fitted on: nothing is refitted, no row is dropped. */
export function applyPipeline(fitted: FittedPipeline, frame: Frame, mode: RowMode = 'apply'): Frame {
  let out = frame;
  for (const step of fitted.steps) out = stepDef(step.kind)!.transform(step.params, step.learned, out, mode);
  return out;
}

export interface PartFrames {
  train: Frame;
  validation: Frame;
  test: Frame;
}

/** The dataset's rows split by part (0 train, 1 validation, 2 test), each in row order. */
export function framesOfParts(frame: Frame, parts: Uint8Array): PartFrames {
  const pick = (part: number) => {
    const keep = new Uint8Array(frame.table.rowCount);
    for (let i = 0; i < keep.length; i++) keep[i] = parts[frame.rowIds[i]!] === part ? 1 : 0;
    return keepRows(frame, keep);
  };
  return { train: pick(0), validation: pick(1), test: pick(2) };
}

export type PreparedOutcome = { ok: true; fitted: FittedPipeline; frames: PartFrames } | { ok: false; stepId: string; problem: string };

/**
 * The whole of Prepare for one split: fit on the training part only, then apply the fitted
 * pipeline unchanged to validation and test. This is the one path training and
 * cross-validation go through, which is what the leakage test pins down.
 */
export function prepareParts(specs: readonly StepSpec[], frame: Frame, parts: Uint8Array, options: FitOptions = {}): PreparedOutcome {
  const split = framesOfParts(frame, parts);
  const fit = fitPipeline(specs, split.train, options);
  if (!fit.ok) return fit;
  return {
    ok: true,
    fitted: fit.fitted,
    frames: { train: fit.train, validation: applyPipeline(fit.fitted, split.validation), test: applyPipeline(fit.fitted, split.test) },
  };
}
