/** What the split panel tells the learner about a split that could not do quite what was asked. */
import { count } from '../data/words';

const percent = (x: number) => `${Math.round(100 * x)}%`;

/**
 * A column as the grouped split's list offers it: with how many values it has, where that is
 * known (label columns), so a learner sees a column of 3 values, or of one per row, is no grouping.
 * Example: 'patient (120 values)'.
 */
export function groupChoiceText(column: { name: string; dictionarySize?: number }): string {
  return column.dictionarySize === undefined ? column.name : `${column.name} (${count(column.dictionarySize, 'value')})`;
}

/**
 * A shuffled split of rows that carry a date: if the model will predict later rows than it learned
 * from, test rows picked among the training rows' dates flatter it. Null for an ordered or grouped
 * split, or when no column is a date.
 */
export function datedRowsNote(strategy: string, columns: readonly { name: string; kind: string }[]): string | null {
  const date = columns.find((c) => c.kind === 'datetime');
  if (!date || (strategy !== 'random' && strategy !== 'stratified')) return null;
  return `The rows have dates ("${date.name}"). If the model will predict rows later than those it learns from, choose "Ordered by date": shuffled, the test rows fall among the training rows’ dates, and score better than the future will.`;
}

/** A name that reads as an entity's id: "patient_id", "customerId", "User ID", "id"; not "paid" or "valid". */
const looksLikeId = (name: string) => /(^|[^A-Za-z])id$/i.test(name.trim()) || /[a-z](Id|ID)$/.test(name.trim());

/**
 * The label column, not the target, whose name reads as an id and whose values repeat: the rows
 * of one patient or one customer, which a shuffled split deals into every part; null for a
 * grouped or ordered split, or when no column is one.
 */
export function repeatedIdColumn(strategy: string, columns: readonly { name: string; kind: string; missing: number; dictionarySize?: number }[], rowCount: number, target: string | null): { name: string; values: number } | null {
  if (strategy !== 'random' && strategy !== 'stratified') return null;
  const found = columns.find((c) => c.name !== target && c.dictionarySize !== undefined && c.dictionarySize >= 2 && c.dictionarySize < rowCount - c.missing && looksLikeId(c.name));
  return found ? { name: found.name, values: found.dictionarySize! } : null;
}

/** What a shuffled split of rows sharing ids does to the scores, for beside the button that groups by the column. */
export function repeatedIdNote(column: { name: string; values: number }, rowCount: number): string {
  return (
    `Rows share values of "${column.name}" (${count(column.values, 'value')} over ${count(rowCount, 'row')}). If the rows of one value belong together (one patient, one customer), ` +
    'a shuffled split puts some of them in training and others in validation and test, and the scores flatter the model on new ones: keep them together with a grouped split.'
  );
}

/** Rows an ordered split could not place in time (no value in its column); null when none. */
export function undatedNote(missing: number, column: string): string | null {
  if (missing === 0) return null;
  const [has, them, are] = missing === 1 ? ['has', 'it', 'it is'] : ['have', 'them', 'they are'];
  return `${count(missing, 'row')} ${has} no value in "${column}": the split cannot place ${them} in time, so ${are} taken as the earliest, in training, and never scored as the latest.`;
}

/**
 * Rows a grouped split could not group (no value in its column): each is a group of its own, so
 * it can land in any part, away from rows that may share its unknown group; null when none.
 */
export function ungroupedNote(missing: number, column: string): string | null {
  if (missing === 0) return null;
  const [has, each] = missing === 1 ? ['has', 'it is'] : ['have', 'each is'];
  return `${count(missing, 'row')} ${has} no value in "${column}": ${each} kept as a group of its own, so a row whose group is unknown may fall in another part than the rest of its group. If you know the groups, give them a value: relabel "${column}" where "${column}" is missing.`;
}

/**
 * When whole groups kept together leave some part more than 10 points from its share; null
 * otherwise. Example: rows [1, 8, 1] for 70/15/15 → 'Kept whole, the groups give training 10% of
 * the rows, validation 80% and test 10%, for the 70/15/15 asked: …'.
 */
export function groupSharesNote(rows: readonly [number, number, number], fractions: readonly [number, number, number]): string | null {
  const n = rows[0] + rows[1] + rows[2];
  if (n === 0) return null;
  const shares = rows.map((r) => r / n);
  if (shares.every((s, p) => Math.abs(s - fractions[p]!) <= 0.1)) return null;
  const asked = fractions.map((f) => Math.round(100 * f)).join('/');
  return (
    `Kept whole, the groups give training ${percent(shares[0]!)} of the rows, validation ${percent(shares[1]!)} and test ${percent(shares[2]!)}, for the ${asked} asked: ` +
    'a group larger than a part’s share goes wherever the shuffle puts it. Try another seed, or a column with more, smaller groups.'
  );
}

/** A part's class counts, as the split panel lists them. */
interface PartClasses {
  part: string;
  classes: readonly { label: string; count: number }[] | null;
}

/**
 * Classes the split leaves out of training while validation or test hold them; null when none.
 * A model never learns such a class, and Train and Evaluate leave its rows out of the figures.
 * Example: 'Class "A" (20 test rows) has no training rows: a model cannot learn it, …'.
 */
export function untrainedClassesNote(parts: readonly PartClasses[]): string | null {
  const train = parts.find((p) => p.part === 'train')?.classes;
  if (!train) return null;
  const missing = train.filter((c) => c.count === 0).map((c) => c.label);
  const held = missing
    .map((label) => {
      const where = parts
        .filter((p) => p.part !== 'train')
        .map((p) => ({ part: p.part, count: p.classes?.find((c) => c.label === label)?.count ?? 0 }))
        .filter((w) => w.count > 0);
      return where.length ? `"${label}" (${where.map((w) => count(w.count, `${w.part} row`)).join(', ')})` : null;
    })
    .filter((x) => x !== null);
  if (held.length === 0) return null;
  const [these, it] = held.length === 1 ? [`Class ${held[0]} has`, 'it'] : [`Classes ${held.join(', ')} have`, 'them'];
  return `${these} no training rows: a model cannot learn ${it}, and Train and Evaluate leave those rows out of the figures. Try another seed, or a split that keeps every class in training.`;
}

/**
 * A plan of a binary task whose target has more than two classes (a relabel made a third, say):
 * the model is fitted for all of them, and Evaluate's decision threshold, which is for two, goes.
 * Null with two classes or fewer. Example: ['a', 'b', 'c'] → 'The plan says the task is binary, but …'.
 */
export function binaryPlanNote(classes: readonly string[]): string | null {
  if (classes.length <= 2) return null;
  const named = classes.slice(0, 5).map((c) => `"${c}"`).join(', ') + (classes.length > 5 ? ', …' : '');
  return `The plan says the task is binary, but the target has ${classes.length} classes (${named}): the model is fitted for ${classes.length} classes, and Evaluate has no decision threshold for it. Merge classes with a relabel, or set the task type to multiclass in Plan.`;
}
