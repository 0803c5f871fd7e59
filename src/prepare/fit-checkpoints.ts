/**
 * Where a fit of the steps got to, so that the next fit of the same rows need not start again.
 * The Prepare page asks for a whole report after every edit, after picking a step to preview and
 * after changing the augmentation; most of those leave the first steps as they were. Over a
 * million rows, fitting them again was most of the wait.
 */
import type { FittedStep } from './fitted';
import type { FrameView } from './frame-view';
import type { ObservedStep } from './run-steps';
import type { StepSpec } from './step';

/** A fit's first enabled steps, fitted, with the rows after them. Views never change, so it can be kept. */
export interface FitCheckpoint {
  /** stepKey of each enabled step fitted so far, in order */
  keys: string[];
  steps: FittedStep[];
  /** what observe was told of each, to tell a fit that carries on from here */
  observed: ObservedStep[];
  train: FrameView;
  others: FrameView[];
}

/** A step as a fit reads it: the same key, the same fit. */
export function stepKey(spec: StepSpec): string {
  return JSON.stringify([spec.id, spec.kind, spec.params]);
}

/** Whether the checkpoint's steps are the first of `keys`. */
export function startsWith(keys: readonly string[], checkpoint: FitCheckpoint): boolean {
  return checkpoint.keys.length <= keys.length && checkpoint.keys.every((k, i) => k === keys[i]);
}

/** The checkpoint with the most steps that the enabled specs start with; null when none. */
export function furthestCheckpoint(checkpoints: readonly FitCheckpoint[], specs: readonly StepSpec[]): FitCheckpoint | null {
  const keys = specs.filter((s) => s.enabled).map(stepKey);
  let best: FitCheckpoint | null = null;
  for (const c of checkpoints) if (startsWith(keys, c) && (!best || c.keys.length > best.keys.length)) best = c;
  return best;
}
