/**
 * A project's Prepare recipe as stored: the pipeline's step specs, the split settings and the
 * augmentation. Plain JSON with no learned state; read back through normalizeRecipe, which
 * keeps what it can of a damaged or older recipe instead of failing the page.
 */
import * as v from 'valibot';
import { augmentSchema, checkAugment, type AugmentSpec } from './augment-spec';
import type { StepSpec } from './step';

export const SPLIT_STRATEGIES = ['random', 'stratified', 'grouped', 'ordered'] as const;
export type SplitStrategy = (typeof SPLIT_STRATEGIES)[number];

/** A part's share, stored as a fraction; the message names its percentage field in the split form. */
const fraction = (label: string) => {
  const message = `${label}: enter a number from 0 to 100.`;
  return v.pipe(v.number(message), v.minValue(0, message), v.maxValue(1, message));
};
const fractions = v.tuple([fraction('Train %'), fraction('Validation %'), fraction('Test %')]);
const splitSeed = v.pipe(v.number('Seed: enter a whole number, 0 or more.'), v.integer('Seed: enter a whole number, 0 or more.'), v.minValue(0, 'Seed: enter a whole number, 0 or more.'));
/** A seed as typed: past 2^53 a double cannot hold every whole number, so the seed stored would not be the one shown. */
const typedSplitSeed = v.pipe(splitSeed, v.maxValue(Number.MAX_SAFE_INTEGER, `Seed: enter a whole number from 0 to ${Number.MAX_SAFE_INTEGER.toLocaleString('en-US')}.`));

/** Split settings checked strictly, as a change to them is: a cleared field is refused, never defaulted. */
const strictSplitSchema = v.object({
  strategy: v.picklist(SPLIT_STRATEGIES, 'How rows are split: choose one of the strategies.'),
  fractions,
  seed: typedSplitSeed,
  groupColumn: v.nullable(v.string()),
  orderColumn: v.nullable(v.string()),
});

/** Split settings as stored: read back leniently, within the strict bounds. */
export const splitSettingsSchema = v.object({
  strategy: v.fallback(v.picklist(SPLIT_STRATEGIES), 'random'),
  fractions: v.fallback(fractions, [0.7, 0.15, 0.15]),
  seed: v.fallback(splitSeed, 1),
  /** grouped: rows with one value here stay in one part */
  groupColumn: v.fallback(v.nullable(v.string()), null),
  /** ordered: the date (or number) column that orders rows; the latest go to test */
  orderColumn: v.fallback(v.nullable(v.string()), null),
  /**
   * how a stratified split cuts each class, a grouped one orders its groups, and folds are dealt (split.ts SplitSpec). Recipes stored before keyed
   * existed read back as shuffled, so their parts stay the ones their runs were scored on, until
   * the learner changes the split's settings (checkChange), which re-deals the rows anyway.
   */
  dealing: v.fallback(v.picklist(['keyed', 'shuffled']), 'shuffled'),
});
export type SplitSettings = v.InferOutput<typeof splitSettingsSchema>;

const stepSpecSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  kind: v.string(),
  enabled: v.fallback(v.boolean(), true),
  params: v.unknown(),
});

export interface Recipe {
  steps: StepSpec[];
  split: SplitSettings;
  augment: AugmentSpec;
}

export function defaultRecipe(seed: number, classification: boolean): Recipe {
  return {
    steps: [],
    split: { strategy: classification ? 'stratified' : 'random', fractions: [0.7, 0.15, 0.15], seed, groupColumn: null, orderColumn: null, dealing: 'keyed' },
    augment: v.parse(augmentSchema, { seed }),
  };
}

/** A recipe from stored JSON; unreadable steps are dropped, unreadable settings take defaults. */
export function normalizeRecipe(raw: unknown, seed: number, classification: boolean): Recipe {
  const fallback = defaultRecipe(seed, classification);
  if (!raw || typeof raw !== 'object') return fallback;
  const r = raw as Record<string, unknown>;
  const steps = Array.isArray(r.steps) ? r.steps.flatMap((s) => {
    const parsed = v.safeParse(stepSpecSchema, s);
    return parsed.success ? [parsed.output as StepSpec] : [];
  }) : [];
  const split = v.safeParse(splitSettingsSchema, r.split);
  const augment = v.safeParse(augmentSchema, r.augment);
  return { steps, split: split.success ? split.output : fallback.split, augment: augment.success ? augment.output : fallback.augment };
}

export type CheckedChange = { ok: true; recipe: Recipe } | { ok: false; problems: string[] };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A changed recipe's settings checked strictly before the change is tried, one message per bad
 * field, each naming it by its label in the form. Only the sections the change touches are
 * checked, so a value stored by an older version never blocks an unrelated edit.
 */
export function checkChange(draft: Recipe, current: Recipe): CheckedChange {
  const problems: string[] = [];
  let { augment, split } = draft;
  if (!same(draft.augment, current.augment)) {
    const checked = checkAugment(draft.augment, current.augment);
    if (checked.ok) augment = checked.spec;
    else problems.push(...checked.problems);
  }
  if (!same(draft.split, current.split)) {
    const checked = v.safeParse(strictSplitSchema, draft.split);
    if (checked.success) split = { ...checked.output, dealing: 'keyed' };
    else problems.push(...new Set(checked.issues.map((i) => i.message)));
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, recipe: { ...draft, augment, split } };
}
