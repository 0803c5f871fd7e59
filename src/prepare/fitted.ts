/**
 * A fitted pipeline as JSON: each step's params and learned state, so it can be stored with a
 * run and exported with a model; and the check of a step's params against its schema.
 */
import * as v from 'valibot';
import type { StepSpec } from './step';
import { STEP_FIELDS } from './step-forms';
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
  const key = issue.path?.[0]?.key;
  const label = STEP_FIELDS[spec.kind]?.find((f) => f.key === key)?.label;
  return { ok: false, id: spec.id, problem: `${def.title}: ${label && !namesField(issue.message, label) ? `${label}: ` : ''}${issue.message}` };
}

/**
 * Whether a message already names its field, as 'Bins: enter a whole number…' does: the text
 * before its first colon starts the field's label ('Factor' for 'Factor (0: the rule’s usual one)').
 */
function namesField(message: string, label: string): boolean {
  const colon = message.indexOf(':');
  return colon > 0 && label.startsWith(message.slice(0, colon));
}
