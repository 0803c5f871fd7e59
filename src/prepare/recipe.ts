/**
 * A project's Prepare recipe as stored: the pipeline's step specs, the split settings and the
 * augmentation. Plain JSON with no learned state; read back through normalizeRecipe, which
 * keeps what it can of a damaged or older recipe instead of failing the page.
 */
import * as v from 'valibot';
import { augmentSchema, type AugmentSpec } from './augment';
import type { StepSpec } from './step';

export const SPLIT_STRATEGIES = ['random', 'stratified', 'grouped', 'ordered'] as const;
export type SplitStrategy = (typeof SPLIT_STRATEGIES)[number];

const fraction = v.pipe(v.number(), v.minValue(0), v.maxValue(1));

export const splitSettingsSchema = v.object({
  strategy: v.fallback(v.picklist(SPLIT_STRATEGIES), 'random'),
  fractions: v.fallback(v.tuple([fraction, fraction, fraction]), [0.7, 0.15, 0.15]),
  seed: v.fallback(v.pipe(v.number(), v.integer(), v.minValue(0)), 1),
  /** grouped: rows with one value here stay in one part */
  groupColumn: v.fallback(v.nullable(v.string()), null),
  /** ordered: the date (or number) column that orders rows; the latest go to test */
  orderColumn: v.fallback(v.nullable(v.string()), null),
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
    split: { strategy: classification ? 'stratified' : 'random', fractions: [0.7, 0.15, 0.15], seed, groupColumn: null, orderColumn: null },
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
