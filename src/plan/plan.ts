/**
 * The plan of a project: the problem, the task, the target and features, what success means,
 * and the checks to make before building anything. Stored as JSON in projects.plan; every read
 * goes through normalizePlan, so plans written by older versions (or damaged ones) still open.
 */
import * as v from 'valibot';
import {
  CHECKLIST_STATUSES,
  FEASIBILITY_ITEMS,
  PRIVACY_ITEMS,
  type ChecklistEntry,
  type ChecklistItem,
  type FeasibilityKey,
  type PrivacyKey,
} from './checklists';
import { COMPARISONS, type Criterion } from './criteria';
import { METRICS, type TaskType } from './metrics';

export interface Plan {
  problem: string;
  objective: string;
  /** '' until the user chooses */
  taskType: TaskType | '';
  /** a column name; free text until a dataset exists */
  target: string;
  /** candidate feature column names, in the user's order, without duplicates */
  features: string[];
  criteria: Criterion[];
  /** the baseline to beat, in words (e.g. 'the current rule gets 70% accuracy') */
  baseline: string;
  risks: string;
  constraints: string;
  feasibility: Record<FeasibilityKey, ChecklistEntry>;
  privacy: Record<PrivacyKey, ChecklistEntry>;
  notes: string;
}

export const TASK_TYPES: readonly { value: TaskType; label: string; help: string }[] = [
  { value: 'binary', label: 'Binary classification', help: 'Predict one of two classes, e.g. spam or not spam.' },
  { value: 'multiclass', label: 'Multiclass classification', help: 'Predict one of three or more classes, e.g. a flower species.' },
  { value: 'regression', label: 'Regression', help: 'Predict a number, e.g. a price or a temperature.' },
];

function emptyChecklist<K extends string>(items: readonly ChecklistItem[]): Record<K, ChecklistEntry> {
  return Object.fromEntries(items.map((i) => [i.key, { status: 'unchecked', note: '' }])) as Record<K, ChecklistEntry>;
}

export function emptyPlan(): Plan {
  return {
    problem: '',
    objective: '',
    taskType: '',
    target: '',
    features: [],
    criteria: [],
    baseline: '',
    risks: '',
    constraints: '',
    feasibility: emptyChecklist<FeasibilityKey>(FEASIBILITY_ITEMS),
    privacy: emptyChecklist<PrivacyKey>(PRIVACY_ITEMS),
    notes: '',
  };
}

// Each field falls back on its own, so one damaged field never costs the user the others.
const text = v.fallback(v.string(), '');
const entrySchema = v.object({
  status: v.fallback(v.picklist(CHECKLIST_STATUSES), 'unchecked'),
  note: text,
});
const criterionSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  metric: v.picklist(METRICS.map((m) => m.key)),
  comparison: v.picklist(COMPARISONS),
  threshold: v.fallback(v.nullable(v.pipe(v.number(), v.finite())), null),
});

function normalizeChecklist<K extends string>(raw: unknown, items: readonly ChecklistItem[]): Record<K, ChecklistEntry> {
  const out = emptyChecklist<K>(items);
  if (raw && typeof raw === 'object') {
    for (const item of items) {
      const parsed = v.safeParse(entrySchema, (raw as Record<string, unknown>)[item.key]);
      if (parsed.success) out[item.key as K] = parsed.output;
    }
  }
  return out;
}

/** Features as a clean list: trimmed, no empty names, first occurrence kept. */
export function cleanFeatureList(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of names) {
    const name = raw.trim();
    if (name && !seen.has(name)) {
      seen.add(name);
      out.push(name);
    }
  }
  return out;
}

/** 'age, income ,, age' → ['age', 'income'] */
export function parseFeatureText(value: string): string[] {
  return cleanFeatureList(value.split(','));
}

/** Any stored value → a complete Plan; unknown or damaged parts become their empty defaults. */
export function normalizePlan(raw: unknown): Plan {
  const plan = emptyPlan();
  if (!raw || typeof raw !== 'object') return plan;
  const r = raw as Record<string, unknown>;
  for (const key of ['problem', 'objective', 'target', 'baseline', 'risks', 'constraints', 'notes'] as const) {
    plan[key] = v.parse(text, r[key]);
  }
  plan.taskType = v.parse(v.fallback(v.picklist(['', 'binary', 'multiclass', 'regression'] as const), ''), r.taskType);
  if (Array.isArray(r.features)) plan.features = cleanFeatureList(r.features.filter((f): f is string => typeof f === 'string'));
  if (Array.isArray(r.criteria)) {
    plan.criteria = r.criteria.flatMap((c) => {
      const parsed = v.safeParse(criterionSchema, c);
      return parsed.success ? [parsed.output] : [];
    });
  }
  plan.feasibility = normalizeChecklist<FeasibilityKey>(r.feasibility, FEASIBILITY_ITEMS);
  plan.privacy = normalizeChecklist<PrivacyKey>(r.privacy, PRIVACY_ITEMS);
  return plan;
}

/** True once the user has written or chosen anything; lights the Plan stage in the stage bar. */
export function planHasContent(plan: Plan): boolean {
  return JSON.stringify(plan) !== JSON.stringify(emptyPlan());
}
