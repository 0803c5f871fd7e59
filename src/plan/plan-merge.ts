/**
 * Merging a plan edited in two tabs, field by field: a field this tab changed since it last read
 * the stored plan keeps this tab's value; every other field takes the stored one. A field is one
 * thing the learner edits on its own: a text box, a choice, the feature list, the criteria list,
 * or one checklist answer or note.
 */
import { FEASIBILITY_ITEMS, PRIVACY_ITEMS, type ChecklistEntry } from './checklists';
import type { Plan } from './plan';

/** What a field holds, for the sentence that names it: "this tab’s text was kept". */
type Noun = 'text' | 'choice' | 'list';

export interface PlanField {
  /** e.g. 'problem', 'feasibility.consent.note' */
  key: string;
  /** the field's label on the page, e.g. 'Problem statement' */
  label: string;
  noun: Noun;
  /** the id of the input that edits it, when one input does */
  inputId: string | null;
  get(plan: Plan): unknown;
  set(plan: Plan, value: unknown): void;
}

type TopKey = Exclude<keyof Plan, 'feasibility' | 'privacy'>;

function top(key: TopKey, label: string, noun: Noun, inputId: string | null): PlanField {
  return {
    key,
    label,
    noun,
    inputId,
    get: (plan) => plan[key],
    set: (plan, value) => void ((plan as unknown as Record<string, unknown>)[key] = value),
  };
}

const entries = (plan: Plan, list: 'feasibility' | 'privacy') => plan[list] as Record<string, ChecklistEntry>;

function checklist(list: 'feasibility' | 'privacy', items: readonly { key: string; question: string }[]): PlanField[] {
  return items.flatMap((item) =>
    (['status', 'note'] as const).map((part): PlanField => ({
      key: `${list}.${item.key}.${part}`,
      label: part === 'status' ? item.question : `Note on: ${item.question}`,
      noun: part === 'status' ? 'choice' : 'text',
      inputId: `${list}-${item.key}-${part}`,
      get: (plan) => entries(plan, list)[item.key]![part],
      set: (plan, value) => void ((entries(plan, list)[item.key] as unknown as Record<string, unknown>)[part] = value),
    })),
  );
}

/** Every field of a plan, in the page's order. */
export const PLAN_FIELDS: readonly PlanField[] = [
  top('problem', 'Problem statement', 'text', 'plan-problem'),
  top('objective', 'Business objective', 'text', 'plan-objective'),
  top('taskType', 'Task type', 'choice', 'plan-task'),
  top('target', 'Target column', 'choice', 'plan-target'),
  top('features', 'Candidate features', 'list', 'plan-features'),
  top('criteria', 'Success criteria', 'list', null),
  top('baseline', 'Baseline to beat', 'text', 'plan-baseline'),
  top('risks', 'Risks', 'text', 'plan-risks'),
  top('constraints', 'Constraints', 'text', 'plan-constraints'),
  ...checklist('feasibility', FEASIBILITY_ITEMS),
  ...checklist('privacy', PRIVACY_ITEMS),
  top('notes', 'Notes', 'text', 'plan-notes'),
];

/** The field an input of the Plan page edits ('plan-problem' → 'problem'), or null. */
export function fieldOfInput(id: string): string | null {
  if (id.startsWith('criterion-')) return 'criteria';
  return PLAN_FIELDS.find((f) => f.inputId === id)?.key ?? null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export interface PlanMerge {
  /** the merged plan, a new object */
  plan: Plan;
  /** fields the stored plan changed (taken from it, or overruled by this tab) */
  theirs: PlanField[];
  /** fields this tab changed */
  mine: PlanField[];
  /** fields both changed, to different values: this tab's value was kept */
  both: PlanField[];
}

/**
 * Merge `mine` (this tab's plan) and `theirs` (the stored one) made from the same `base` (the
 * plan as this tab last read or saved it).
 * Example: base problem 'a', notes 'x'; mine problem 'b'; theirs notes 'y' → problem 'b', notes 'y'.
 */
export function mergePlans(base: Plan, mine: Plan, theirs: Plan): PlanMerge {
  const plan = copy(theirs);
  const merge: PlanMerge = { plan, theirs: [], mine: [], both: [] };
  for (const field of PLAN_FIELDS) {
    const mineChanged = !same(field.get(mine), field.get(base));
    const theirsChanged = !same(field.get(theirs), field.get(base));
    if (theirsChanged) merge.theirs.push(field);
    if (!mineChanged) continue;
    merge.mine.push(field);
    field.set(plan, copy(field.get(mine)));
    if (theirsChanged && !same(field.get(mine), field.get(theirs))) merge.both.push(field);
  }
  return merge;
}

/**
 * What the learner is told after a merge, or null when the other tab changed nothing.
 * Example: "This plan was also changed in another tab; both sets of changes are kept. “Problem
 * statement” was changed in both; this tab’s text was kept."
 */
export function mergeNotice(merge: PlanMerge): string | null {
  if (merge.theirs.length === 0) return null;
  if (merge.mine.length === 0) return 'This plan was changed in another tab; it is shown as it is now.';
  const both = merge.both.map((f) => ` “${f.label}” was changed in both; this tab’s ${f.noun} was kept.`);
  return `This plan was also changed in another tab; both sets of changes are kept.${both.join('')}`;
}
