/**
 * What one saved version of a recipe changed from the version before, in a line per change, for
 * the recipe's history: "Added step 3 (Scale): Scale x, y (standard).", "Split seed: 1 → 7.".
 * Steps are matched by their ids, which stay the same across edits and moves.
 */
import { AUGMENT_LABELS } from './augment-spec';
import { parseStep } from './fitted';
import type { Recipe, SplitSettings } from './recipe';
import type { StepSpec } from './step';
import { stepDef } from './steps';
import { editWords } from './steps/edit-cells';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const titleOf = (step: StepSpec) => stepDef(step.kind)?.title ?? step.kind;

function described(step: StepSpec): string {
  const parsed = parseStep(step);
  return parsed.ok ? stepDef(step.kind)!.describe(parsed.params as never) : parsed.problem;
}

const named = (step: StepSpec, at: number) => `step ${at + 1} (${titleOf(step)})`;

/** The label edits added and removed between two lists of an edit step's edits, by their words (editWords). */
function editChanges(was: readonly string[], now: readonly string[]): string[] {
  const left = [...was];
  const added: string[] = [];
  for (const words of now) {
    const i = left.indexOf(words);
    if (i >= 0) left.splice(i, 1);
    else added.push(words);
  }
  return [...added.map((w) => `Edit added: ${w}.`), ...left.map((w) => `Edit removed: ${w}.`)];
}

/** What an edit step's changed params did to its edits; none when its edits read the same, in the same order. */
function editStepChanges(before: StepSpec, after: StepSpec, name: string): string[] {
  const was = editWords(before.params);
  const now = editWords(after.params);
  const edits = editChanges(was, now);
  if (edits.length > 0) return edits;
  // The same edits reordered still change the data: where two set one cell, the later wins.
  return same(was, now) ? [] : [`Changed ${name}: the same edits in another order (where two set one cell, the later wins).`];
}

/**
 * The steps that moved: those outside a longest run of steps kept in their old order (so one
 * step moved up one place is that step, not it and the step it passed).
 */
function movedSteps(beforeIds: readonly string[], afterIds: readonly string[]): Set<string> {
  const common = afterIds.filter((id) => beforeIds.includes(id));
  const rank = common.map((id) => beforeIds.indexOf(id));
  // Longest increasing subsequence, quadratic: a pipeline has tens of steps.
  const length = rank.map(() => 1);
  const previous = rank.map(() => -1);
  for (let i = 0; i < rank.length; i++)
    for (let j = 0; j < i; j++)
      if (rank[j]! < rank[i]! && length[j]! + 1 > length[i]!) {
        length[i] = length[j]! + 1;
        previous[i] = j;
      }
  const kept = new Set<string>();
  let at = length.indexOf(Math.max(0, ...length));
  while (at >= 0) {
    kept.add(common[at]!);
    at = previous[at]!;
  }
  const moved = common.filter((id) => !kept.has(id));
  // Two neighbours swapped: either moved past the other. Name the one that went up, as "Move up" on it did (or "Move down" on the other).
  if (moved.length === 1) {
    const at = common.indexOf(moved[0]!);
    // The one named went down past its new upper neighbour: that neighbour is the one that went up.
    if (at > 0 && rank[at - 1] === rank[at]! + 1) return new Set([common[at - 1]!]);
  }
  return new Set(moved);
}

function stepChanges(before: readonly StepSpec[], after: readonly StepSpec[]): string[] {
  const lines: string[] = [];
  const afterIds = after.map((s) => s.id);
  const beforeIds = before.map((s) => s.id);
  // An edit step added or removed with its edits: each is said, as the Labels panel lists it.
  const editsOf = (s: StepSpec, way: string) => (s.kind === 'edit-cells' ? editWords(s.params).map((w) => `Edit ${way}: ${w}.`) : []);
  before.forEach((s, i) => {
    if (!afterIds.includes(s.id)) lines.push(`Removed ${named(s, i)}: ${described(s)}.`, ...editsOf(s, 'removed'));
  });
  const moved = movedSteps(beforeIds, afterIds);
  after.forEach((s, i) => {
    const at = beforeIds.indexOf(s.id);
    if (at < 0) return void lines.push(`Added ${named(s, i)}: ${described(s)}.`, ...editsOf(s, 'added'));
    const old = before[at]!;
    if (moved.has(s.id)) lines.push(`Moved ${named(s, i)} from step ${at + 1}.`);
    if (old.enabled !== s.enabled) lines.push(`Switched ${s.enabled ? 'on' : 'off'} ${named(s, i)}.`);
    if (same(old.params, s.params)) return;
    const edits = s.kind === 'edit-cells' ? editStepChanges(old, s, named(s, i)) : [];
    lines.push(...(edits.length > 0 ? edits : [`Changed ${named(s, i)}: now ${described(s)}.`]));
  });
  return lines;
}

function strategyWords(split: SplitSettings): string {
  if (split.strategy === 'stratified') return 'stratified by the target';
  if (split.strategy === 'grouped') return split.groupColumn ? `grouped by “${split.groupColumn}”` : 'grouped';
  if (split.strategy === 'ordered') return split.orderColumn ? `ordered by “${split.orderColumn}”` : 'ordered';
  return 'random';
}

const DEALING: Record<SplitSettings['dealing'], string> = { keyed: 'by each row’s own key', shuffled: 'by a shuffle, as before keyed dealing' };

const shares = (split: SplitSettings) => split.fractions.map((f) => Math.round(f * 1000) / 10).join('/');

function splitChanges(before: SplitSettings, after: SplitSettings): string[] {
  const lines: string[] = [];
  const [was, now] = [strategyWords(before), strategyWords(after)];
  if (was !== now) lines.push(`Split: ${now} (was ${was}).`);
  if (shares(before) !== shares(after)) lines.push(`Split shares (train/validation/test %): ${shares(after)} (was ${shares(before)}).`);
  if (before.seed !== after.seed) lines.push(`Split seed: ${after.seed} (was ${before.seed}).`);
  if (before.dealing !== after.dealing) lines.push(`Split rows dealt ${DEALING[after.dealing]} (was ${DEALING[before.dealing]}).`);
  return lines;
}

/** The augmentation settings by their labels in the form. */
const AUGMENT_FIELDS = { k: 'neighbours', scale: 'noise scale', count: 'rows to add', alpha: 'alpha', seed: 'seed' } as const;

function augmentChanges(before: Recipe['augment'], after: Recipe['augment']): string[] {
  if (same(before, after)) return [];
  if (before.method !== after.method) return [`Augmentation: ${AUGMENT_LABELS[after.method]} (was ${AUGMENT_LABELS[before.method]}).`];
  const fields = (Object.keys(AUGMENT_FIELDS) as (keyof typeof AUGMENT_FIELDS)[]).filter((f) => before[f] !== after[f]);
  // count is copies per row for noise, rows to add for the others (0: as many as the training rows).
  const label = (f: keyof typeof AUGMENT_FIELDS) => (f === 'count' && after.method === 'noise' ? 'copies per row' : AUGMENT_FIELDS[f]);
  return fields.map((f) => `Augmentation ${label(f)}: ${after[f]} (was ${before[f]}).`);
}

/** What `after` changed from `before`; a version saved with nothing a learner would see changed says so. */
export function recipeChanges(before: Recipe, after: Recipe): string[] {
  const lines = [...stepChanges(before.steps, after.steps), ...splitChanges(before.split, after.split), ...augmentChanges(before.augment, after.augment)];
  return lines.length > 0 ? lines : ['Saved with no change to the steps, split or augmentation.'];
}
