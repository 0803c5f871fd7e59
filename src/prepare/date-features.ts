/**
 * Date features: a model reads a date as milliseconds since 1970 (a day of 2024 is about
 * 1.7 × 10¹²), far from the unit scale gradient steps want, and no scaling step takes a date.
 * What a model can use is numbers made from it: its day count (a trend over time), its month
 * (seasons) and its weekday, each a formula of the date (expression.ts reads a date's parts).
 */
import { listQuoted } from '../data/words';

const MS_PER_DAY = 86_400_000;

/** The numbers derived from a date, by name suffix and formula. */
const PARTS: readonly { suffix: string; formula: (ref: string) => string }[] = [
  { suffix: 'days', formula: (ref) => `${ref} / ${MS_PER_DAY}` },
  { suffix: 'month', formula: (ref) => `month(${ref})` },
  { suffix: 'weekday', formula: (ref) => `weekday(${ref})` },
];

/** A column as a formula names it: between backticks, which any name may be (but one with a backtick). */
const reference = (name: string) => `\`${name}\``;

/** The dates a formula can name. */
const derivable = (dates: readonly string[]) => dates.filter((d) => !d.includes('`'));

/** What the dates are to a model, for beside the button that replaces them; null when none can be. */
export function dateHintText(dates: readonly string[]): string | null {
  const named = derivable(dates);
  if (named.length === 0) return null;
  const [is, them, its] = named.length === 1 ? ['is a date', 'it', 'its'] : ['are dates', 'them', 'their'];
  return `${listQuoted(named)} ${is}, which a model reads as milliseconds since 1970: far from unit scale, and no scaling step takes dates. Replace ${them} with ${its} day count (a trend over time), month and weekday, numbers a model can use.`;
}

/**
 * The steps that replace each date by its day count, month and weekday (columns "<date> days",
 * "<date> month", "<date> weekday"; one whose name is taken is not made), then drop the dates.
 */
export function dateSteps(dates: readonly string[], taken: readonly string[]): { kind: string; params: Record<string, unknown> }[] {
  const named = derivable(dates);
  if (named.length === 0) return [];
  const used = new Set(taken);
  const derived = named.flatMap((date) =>
    PARTS.filter(({ suffix }) => !used.has(`${date} ${suffix}`)).map(({ suffix, formula }) => ({ kind: 'derive', params: { name: `${date} ${suffix}`, expression: formula(reference(date)) } })),
  );
  return [...derived, { kind: 'drop-columns', params: { columns: named } }];
}
