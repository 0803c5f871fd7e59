/**
 * Whether the prepared columns can be trained on, by the rule Train applies (train/training-data.ts
 * layoutOf): a category column stops training until it is encoded, a number, yes/no or date
 * column with gaps in the training rows until they are filled, and identifiers and free text are
 * left out. Prepare says it as the pipeline changes, with the steps that fix it one click away,
 * so a learner meets it where the fix is made, not as a refusal on Train.
 */
import { mostlyRareLabels } from '../data/warnings';
import { count, listQuoted, listWords } from '../data/words';
import type { ColumnKind } from '../shared/column';
import { formatStat } from '../shared/format';
import type { FrameView } from './frame-view';
import { columnInfoOf, type ColumnInfo } from './run-steps';
import { missingIndicatorName } from './steps/impute';
import { isOneHotOf } from './steps/one-hot';
import { viewMeanStd, viewPresentNumbers } from './view-numbers';

/**
 * How far from unit scale a feature may be before it slows a model trained by gradient steps (a
 * linear model, an MLP), whose steps (Adam's 0.001) and starting weights are sized for values of
 * about ±1: a weight in pounds (spread ~850) or a year (about 76, give or take 4) makes the first
 * predictions huge, and a spread of 0.05 (the diabetes sample's features) needs slopes twenty
 * times larger, which fifty epochs of such steps never reach. Train says so after a run
 * (train/feature-scales.ts); Prepare before it.
 */
export const SCALE_RANGE = { low: 0.1, high: 10 } as const;

/** A feature's mean and spread (standard deviation) over the training rows. */
export interface Moments {
  mean: number;
  spread: number;
  /** every value is 0 or 1: an indicator (a one-hot column, a yes/no in numbers), at unit scale however rare its ones */
  indicator?: boolean;
}

/**
 * How far the values sit from unit scale, as a factor: their typical size (the root mean square,
 * √(mean² + spread²)) over SCALE_RANGE.high, or how far the spread falls under SCALE_RANGE.low;
 * 0 when within range, for a constant column (no scaling makes it say more) and for an indicator.
 */
export function scaleDistance({ mean, spread, indicator }: Moments): number {
  if (!(spread > 0) || indicator) return 0;
  const size = Math.hypot(mean, spread);
  if (size > SCALE_RANGE.high) return Math.log(size / SCALE_RANGE.high);
  return spread < SCALE_RANGE.low ? Math.log(SCALE_RANGE.low / spread) : 0;
}

/** Whether every value is 0 or 1: of all of them, or of every `step`-th from `from` (a column of a row-major matrix). */
export function onlyZeroOne(values: ArrayLike<number>, from = 0, step = 1): boolean {
  for (let i = from; i < values.length; i += step) if (values[i] !== 0 && values[i] !== 1) return false;
  return true;
}

/** 'mean 76.01, spread 3.7', as both pages write a feature's scale. */
export const scaleWords = ({ mean, spread }: Moments) => `mean ${formatStat(mean, spread)}, spread ${formatStat(spread)}`;

/** A prepared column as the report gives it: with its training rows' mean and spread, for numbers. */
export type PreparedColumn = Required<ColumnInfo> & { mean?: number; spread?: number; indicator?: boolean };

const preparedOf = new WeakMap<FrameView, PreparedColumn[]>();

/**
 * The view's columns with their missing counts, and each number column's mean and spread (over
 * n) on the training rows; kept per view, as columnInfoOf is, so a report that carries on from
 * the last fit (another step previewed) reads no column again.
 */
export function preparedColumns(view: FrameView): PreparedColumn[] {
  let prepared = preparedOf.get(view);
  if (!prepared) {
    prepared = columnInfoOf(view).map((info, j) => {
      if (info.kind !== 'numeric') return info;
      const { mean, std } = viewMeanStd(view.columns[j]!, view.rowCount);
      // Only a small spread asks whether the column is an indicator: one more pass, seldom.
      const indicator = std < SCALE_RANGE.low && onlyZeroOne(viewPresentNumbers(view.columns[j]!, view.rowCount));
      return { ...info, mean, spread: std, ...(indicator ? { indicator } : {}) };
    });
    preparedOf.set(view, prepared);
  }
  return prepared;
}

/** What Train makes of a prepared column that is not the target. */
export type FeatureVerdict = 'feature' | 'category' | 'gaps' | 'left-out';

export function featureVerdict(kind: ColumnKind, missing: number): FeatureVerdict {
  if (kind === 'categorical') return 'category';
  if (kind !== 'numeric' && kind !== 'boolean' && kind !== 'datetime') return 'left-out';
  return missing > 0 ? 'gaps' : 'feature';
}

export interface Readiness {
  features: string[];
  /** category columns: one-hot or ordinal encoding reads them */
  categories: string[];
  /** those of them whose labels are mostly rare (a name, an address: data/warnings.ts mostlyRareLabels), better dropped than encoded */
  rareLabels: string[];
  /** the others with gaps (where their missing count was given): one-hot would pass the gaps on to every column it makes */
  categoryGaps: string[];
  /** columns with gaps in the training rows, with how many; `mostly` when they miss more than half (filled with a "was missing" column beside) */
  gaps: { name: string; kind: ColumnKind; missing: number; mostly?: boolean }[];
  /** identifiers and free text, which Train leaves out */
  leftOut: string[];
  /** number features far from unit scale (scaleDistance), farthest first */
  farFromScale: ({ name: string } & Moments)[];
  /**
   * the column a grouped split groups by, or the one-hot columns made of it, where Train would
   * read (or refuse) them: validation and test rows hold groups training never saw, so nothing
   * learnt from them carries over (a one-hot of patient ids is, on every such row, "other")
   */
  groups: string[];
  /** that column's name, when `groups` has any */
  groupedBy: string | null;
  /** date features, which a model reads as milliseconds since 1970 and no scaling step takes (date-features.ts) */
  dates: string[];
}

/** The dataset's category columns of mostly rare labels, by their stored label counts (a step's own output has none). */
export function rareLabelColumns(dataset: { rowCount: number; columns: readonly { name: string; kind: ColumnKind; missing: number; dictionarySize?: number }[] }): Set<string> {
  const rare = dataset.columns.filter((c) => c.kind === 'categorical' && c.dictionarySize !== undefined && mostlyRareLabels(c.dictionarySize, dataset.rowCount - c.missing));
  return new Set(rare.map((c) => c.name));
}

/** What else readinessOf may know of the prepared columns. */
export interface ReadinessContext {
  /** the category columns known to hold mostly rare labels (rareLabelColumns) */
  rare?: ReadonlySet<string>;
  /** the column a grouped split groups by */
  groupColumn?: string | null;
  /** the training rows after the pipeline, over which the missing counts are taken */
  trainRows?: number | null;
}

/** A column missing in more than this share of the training rows is mostly missing, as Data warns (data/warnings.ts). */
const MOSTLY_MISSING = 0.5;

/**
 * The prepared columns (with their training rows' missing counts) sorted by what Train makes of
 * them; the target is none of them.
 */
export function readinessOf(columns: readonly PreparedColumn[], target: string | null, { rare = new Set(), groupColumn = null, trainRows = null }: ReadinessContext = {}): Readiness {
  const r: Readiness = { features: [], categories: [], rareLabels: [], categoryGaps: [], gaps: [], leftOut: [], farFromScale: [], groups: [], groupedBy: null, dates: [] };
  const ofGroups = (name: string) => groupColumn !== null && (name === groupColumn || isOneHotOf(name, groupColumn));
  for (const c of columns) {
    if (c.name === target) continue;
    const verdict = featureVerdict(c.kind, c.missing);
    const group = ofGroups(c.name) && verdict !== 'left-out';
    if (group) {
      r.groups.push(c.name);
      r.groupedBy = groupColumn;
    }
    if (verdict === 'feature') {
      r.features.push(c.name);
      if (c.kind === 'datetime' && !group) r.dates.push(c.name);
      if (!group && c.spread !== undefined && c.mean !== undefined && scaleDistance({ mean: c.mean, spread: c.spread, indicator: c.indicator }) > 0) r.farFromScale.push({ name: c.name, mean: c.mean, spread: c.spread });
    } else if (verdict === 'gaps') r.gaps.push({ name: c.name, kind: c.kind, missing: c.missing, ...(trainRows && c.missing > MOSTLY_MISSING * trainRows ? { mostly: true } : {}) });
    else if (verdict === 'left-out') r.leftOut.push(c.name);
    else {
      r.categories.push(c.name);
      if (group) continue;
      if (rare.has(c.name)) r.rareLabels.push(c.name);
      else if (c.missing > 0) r.categoryGaps.push(c.name);
    }
  }
  r.farFromScale.sort((a, b) => scaleDistance(b) - scaleDistance(a));
  return r;
}

/** How many features far from unit scale the hint names, farthest first. */
const NAMED_FAR = 5;

/** The number features far from unit scale, in words, for beside the button that scales them; null when none. */
export function scaleHintText(r: Readiness): string | null {
  if (r.farFromScale.length === 0) return null;
  // The farthest few by name, as Train's note names them: ten features' figures in a row read as noise.
  const shown = r.farFromScale.slice(0, NAMED_FAR).map((f) => `“${f.name}” (${scaleWords(f)})`);
  const more = r.farFromScale.length - shown.length;
  const named = more > 0 ? `${shown.join(', ')} and ${more} more` : listWords(shown);
  return `${r.farFromScale.length === 1 ? 'This feature is' : 'These features are'} far from unit scale, which slows a linear model or an MLP: ${named}.`;
}

/** The step that brings them to unit scale. */
export const scalingStep = (r: Readiness) => ({ kind: 'scale', params: { columns: r.farFromScale.map((f) => f.name), method: 'standard' } });

/** The category columns one-hot encoded: all but those of mostly rare labels and the split's groups, which are dropped. */
const encoded = (r: Readiness) => r.categories.filter((c) => !r.rareLabels.includes(c) && !r.groups.includes(c));

/** One fill of the columns with gaps: how, and whether a "was missing" column goes beside each. */
interface Fill {
  columns: string[];
  strategy: 'median' | 'most-frequent';
  indicator: boolean;
}

/**
 * The columns with gaps by how they are filled: numbers and dates by the median, yes/no by the
 * most frequent value, a mostly-missing one with a "was missing" column beside it (that most rows
 * have no value may be what predicts; a fill alone would hide it); the split's groups are dropped instead.
 */
function fillsOf(r: Readiness): Fill[] {
  const filled = r.gaps.filter((g) => !r.groups.includes(g.name));
  return (['median', 'most-frequent'] as const).flatMap((strategy) =>
    [false, true].map((indicator) => ({
      strategy,
      indicator,
      columns: filled.filter((g) => (g.kind === 'boolean') === (strategy === 'most-frequent') && Boolean(g.mostly) === indicator).map((g) => g.name),
    })),
  ).filter((f) => f.columns.length > 0);
}

/** A fill in words: 'fill “income” with the median, keeping “income was missing” as a column of its own, as most training rows have no value'. */
function fillText({ columns, strategy, indicator }: Fill): string {
  const how = `fill ${listQuoted(columns)} with ${strategy === 'median' ? 'the median' : 'the most frequent value'}`;
  if (!indicator) return how;
  const kept = columns.length === 1 ? `keeping “${missingIndicatorName(columns[0]!)}” as a column of its own` : `keeping “${missingIndicatorName('…')}” as columns of their own`;
  return `${how}, ${kept}, as most training rows have no value`;
}

/** The step that drops the split's group column. */
export const dropGroupsStep = (r: Readiness) => ({ kind: 'drop-columns', params: { columns: r.groups } });

/** Why the split's group column teaches the model nothing, for beside the button that drops it (or its one-hot columns); null when Train would not read it. */
export function groupHintText(r: Readiness): string | null {
  if (r.groupedBy === null) return null;
  const encoded = r.groups.length > 1 || r.groups[0] !== r.groupedBy ? `, whose one-hot columns (${count(r.groups.length, 'column')}) the model would read` : '';
  return `The split groups rows by “${r.groupedBy}”${encoded}, so validation and test rows hold values of it that training never saw: nothing a model learns from it carries over to them, or to new rows.`;
}

/** The label that fills a category column's gaps before it is one-hot encoded: a category of its own, as scikit-learn's examples fill them. */
export const MISSING_LABEL = 'missing';

/**
 * The steps that make the columns trainable: the category columns of mostly rare labels dropped
 * (a one-hot of car names would teach nothing), and the split's group column with them; the gaps
 * of the other category columns filled with the label "missing" (so one-hot gives them a column
 * of their own, rather than a gap in every column), a one-hot step per such column (capped at 20
 * columns, rare labels in "other"), the median for number and date gaps, the most frequent value
 * for yes/no gaps (no median), each with a "was missing" column beside where most rows miss it.
 */
export function fixingSteps(r: Readiness): { kind: string; params: Record<string, unknown> }[] {
  const steps: { kind: string; params: Record<string, unknown> }[] = [];
  const dropped = [...r.rareLabels, ...r.groups];
  if (dropped.length) steps.push({ kind: 'drop-columns', params: { columns: dropped } });
  if (r.categoryGaps.length) steps.push({ kind: 'impute', params: { columns: r.categoryGaps, strategy: 'constant', constant: MISSING_LABEL, indicator: false } });
  steps.push(...encoded(r).map((column) => ({ kind: 'one-hot', params: { column, maxCategories: 20 } })));
  steps.push(...fillsOf(r).map(({ columns, strategy, indicator }) => ({ kind: 'impute', params: { columns, strategy, constant: '', indicator } })));
  return steps;
}

/** What Prepare says of the prepared columns: what Train reads, or why it would refuse. */
export function readinessText(r: Readiness): string {
  const blocked: string[] = [];
  if (r.categories.length) blocked.push(`${listQuoted(r.categories)} ${r.categories.length === 1 ? 'holds' : 'hold'} categories, which a model cannot read as numbers`);
  if (r.gaps.length) blocked.push(`${listWords(r.gaps.map((g) => `“${g.name}” (${count(g.missing, 'gap')})`))} ${r.gaps.length === 1 ? 'has' : 'have'} gaps in the training rows`);
  if (blocked.length) return `Train would refuse these columns: ${blocked.join('; ')}.`;
  const left = r.leftOut.length ? `; ${listQuoted(r.leftOut)} ${r.leftOut.length === 1 ? 'is' : 'are'} left out (Train reads no identifiers or free text)` : '';
  return `Train will read ${count(r.features.length, 'feature')}${left}.`;
}

/** The fixing steps in words, for beside the button that adds them. Example: 'One-hot encode “city”; fill “items” with the median.' */
export function fixingStepsText(r: Readiness): string {
  const parts: string[] = [];
  if (r.rareLabels.length) parts.push(`drop ${listQuoted(r.rareLabels)}, whose labels are mostly rare`);
  if (r.groupedBy !== null) parts.push(`drop ${r.groups.length === 1 ? `“${r.groups[0]}”` : `the ${r.groups.length} columns of “${r.groupedBy}”`}, by which the split groups rows (validation and test hold values of it training never saw)`);
  if (r.categoryGaps.length) parts.push(`fill the gaps of ${listQuoted(r.categoryGaps)} with “${MISSING_LABEL}”`);
  if (encoded(r).length) parts.push(`one-hot encode ${listQuoted(encoded(r))}`);
  parts.push(...fillsOf(r).map(fillText));
  const text = parts.join('; ');
  return text ? `${text[0]!.toUpperCase()}${text.slice(1)}.` : '';
}
