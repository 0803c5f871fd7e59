/**
 * The augmentation spec: what is stored, read back leniently (augmentSchema), and what a change
 * must pass, strictly (checkAugment); and the cap on how many rows augmentation may generate.
 */
import * as v from 'valibot';
import { StepProblem } from './step-problem';
import { count } from '../data/words';

export const AUGMENT_METHODS = ['none', 'oversample', 'smote', 'noise', 'mixup', 'synthetic', 'copula'] as const;
export type AugmentMethod = (typeof AUGMENT_METHODS)[number];

/** Each method's name, as the form's menu and the recipe's history show it. */
export const AUGMENT_LABELS: Record<AugmentMethod, string> = {
  none: 'None',
  oversample: 'Random oversampling',
  smote: 'SMOTE',
  noise: 'Gaussian noise',
  mixup: 'Mixup (regression)',
  synthetic: 'Synthetic rows (Gaussian per class)',
  copula: 'Synthetic rows (Gaussian copula per class)',
};

const COUNT_MAX = 1_000_000;
export const ALPHA_MIN = 0.01;
const whole = (min: number, max: number, message: string) => v.pipe(v.number(message), v.integer(message), v.minValue(min, message), v.maxValue(max, message));
const decimal = (min: number, max: number, message: string) => v.pipe(v.number(message), v.finite(message), v.minValue(min, message), v.maxValue(max, message));

/**
 * Each setting's strict rule, with no fallback: a cleared number input gives null, which must be
 * refused, never read as a default. Each message starts with the field's label in the form.
 */
const SEED_RANGE = `Seed: enter a whole number from -${Number.MAX_SAFE_INTEGER.toLocaleString('en-US')} to ${Number.MAX_SAFE_INTEGER.toLocaleString('en-US')}.`;
const RULES = {
  /** SMOTE's neighbours */
  k: () => whole(1, 50, 'Neighbours: enter a whole number from 1 to 50.'),
  /** noise: the standard deviation added to each feature, as a share of that feature's own */
  scale: () => decimal(0, 5, 'Noise, as a share of each feature’s std: enter a number from 0 to 5.'),
  /** noise: copies per row; mixup, synthetic and copula: rows to add (0: as many as the training rows) */
  count: (method: AugmentMethod) =>
    method === 'noise' ? whole(1, COUNT_MAX, 'Copies per row: enter a whole number from 1 to 1,000,000.') : whole(0, COUNT_MAX, 'Rows to add: enter a whole number from 0 to 1,000,000.'),
  /** mixup's Beta(alpha, alpha); the form's smallest step is its smallest value */
  alpha: () => decimal(ALPHA_MIN, 10, 'Alpha: enter a number from 0.01 to 10.'),
  /** past 2^53 a double cannot hold every whole number: the seed stored would not be the one typed */
  seed: () => v.pipe(v.number('Seed: enter a whole number.'), v.integer('Seed: enter a whole number.'), v.safeInteger(SEED_RANGE)),
};
export type AugmentField = keyof typeof RULES;
const FIELDS = Object.keys(RULES) as AugmentField[];

/** What a method's count counts: copies of each row (noise), rows to add (mixup and the synthetic ones), or nothing. */
const countMeans = (method: AugmentMethod): 'copies' | 'rows' | null => (method === 'noise' ? 'copies' : method === 'mixup' || method === 'synthetic' || method === 'copula' ? 'rows' : null);

/**
 * The count a method is switched to with, `from` another: the count already set when it counts
 * the same thing and the method's rule takes it, else the method's default (noise: 1 copy per
 * row; the others: 0, as many rows as training has). The stored default, 0, is no number of
 * copies: without this, a learner's first Apply of noise was refused; and 1 copy per row of noise
 * is not 1 synthetic row.
 */
export function countFor(method: AugmentMethod, count: unknown, from: AugmentMethod): number {
  // A method without a count neither shows nor reads it: it is kept for the next method that has one.
  if (countMeans(method) === null && typeof count === 'number') return count;
  const parsed = v.safeParse(RULES.count(method), count);
  // From a method without a count, the count is what the last method with one left.
  if (parsed.success && (countMeans(from) === null || countMeans(from) === countMeans(method))) return parsed.output;
  return method === 'noise' ? 1 : 0;
}

/** The settings each method reads: only these are checked (the form shows only these). */
const FIELDS_OF: Record<AugmentMethod, readonly AugmentField[]> = {
  none: [],
  oversample: ['seed'],
  smote: ['k', 'seed'],
  noise: ['scale', 'count', 'seed'],
  mixup: ['count', 'alpha', 'seed'],
  synthetic: ['count', 'seed'],
  copula: ['count', 'seed'],
};

/** The spec as stored: read back leniently (a damaged value takes its default), within the strict rules' bounds. */
export const augmentSchema = v.object({
  method: v.fallback(v.picklist(AUGMENT_METHODS), 'none'),
  seed: v.fallback(RULES.seed(), 1),
  k: v.fallback(RULES.k(), 5),
  scale: v.fallback(RULES.scale(), 0.05),
  count: v.fallback(RULES.count('mixup'), 0),
  // A stored alpha above 0 but below today's minimum (the minimum was once 0) is read as the minimum, the nearest valid value.
  alpha: v.fallback(v.pipe(v.number(), v.finite(), v.gtValue(0), v.maxValue(10), v.transform((a) => Math.max(a, ALPHA_MIN))), 0.2),
});
export type AugmentSpec = v.InferOutput<typeof augmentSchema>;

export type AugmentCheck = { ok: true; spec: AugmentSpec } | { ok: false; problems: string[] };

/**
 * A spec from the form, checked strictly: the method's own settings must each be valid (one
 * message per bad field); a setting the method does not read keeps its previous value when the
 * draft's is not valid, so nothing invalid is ever stored.
 */
export function checkAugment(raw: unknown, previous: AugmentSpec = v.parse(augmentSchema, {})): AugmentCheck {
  const draft = (raw !== null && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const method = v.safeParse(v.picklist(AUGMENT_METHODS), draft.method);
  if (!method.success) return { ok: false, problems: ['Augmentation method: choose one from the list.'] };
  const spec: AugmentSpec = { ...previous, method: method.output };
  const problems: string[] = [];
  for (const field of FIELDS) {
    const parsed = v.safeParse(RULES[field](method.output), draft[field]);
    if (parsed.success) spec[field] = parsed.output;
    else if (FIELDS_OF[method.output].includes(field)) problems.push(parsed.issues[0].message);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, spec };
}

/**
 * Generated rows are capped so that the augmented training part fits in a laptop's memory. A
 * generated row costs about 21 bytes per numeric feature (its value and missing flag while it is
 * made, its place in the augmented frame, its Float32 copy for training): a million rows of 30
 * features is already about 600 MB, in the preview's worker and again in training's. And at most
 * 100 per training row: beyond that a model learns the generator more than the data, for 100
 * times the training time.
 */
export const MAX_GENERATED_ROWS = 1_000_000;
export const MAX_GENERATED_PER_ROW = 100;

const CAP_HINT: Record<AugmentMethod, string> = {
  none: '',
  oversample: 'Merge or drop the rarest classes first, or use a method that adds fewer rows.',
  smote: 'Merge or drop the rarest classes first, or use a method that adds fewer rows.',
  noise: 'Lower "Copies per row".',
  mixup: 'Lower "Rows to add".',
  synthetic: 'Lower "Rows to add".',
  copula: 'Lower "Rows to add".',
};

/** Throws a StepProblem, saying by how much and what to lower, when `planned` rows are over the cap for `n` training rows. */
export function requireWithinCap(method: AugmentMethod, planned: number, n: number): void {
  const limit = Math.min(MAX_GENERATED_ROWS, MAX_GENERATED_PER_ROW * n);
  if (planned <= limit) return;
  const f = (x: number) => x.toLocaleString('en');
  throw new StepProblem(
    `Augmentation would add ${count(planned, 'row')} to ${count(n, 'training row')}; at most ${f(limit)} can be added (${MAX_GENERATED_PER_ROW} per training row, and never more than ${f(MAX_GENERATED_ROWS)}), so that the training part fits in memory. ${CAP_HINT[method]}`,
  );
}
