/**
 * What the Prepare page tells the learner about the validation and test rows it prepared: those
 * that copy a training row, and those the recipe flags. Either count is of all of a part's rows,
 * or of at most COPIES_CHECKED of them spread evenly through it.
 */
import type { HeldOutCheck } from '../prepare-protocol';

const count = (x: number) => x.toLocaleString('en');
const exact = (p: HeldOutCheck) => p.checked === p.rows;

/** What to tell the learner about held-out rows that copy training rows; null when none do. */
export function copiesWarning(parts: readonly HeldOutCheck[]): string | null {
  const found = parts.filter((p) => p.copies > 0);
  if (found.length === 0) return null;
  const said = found.map((p, i) => {
    if (exact(p)) return `${count(p.copies)} of ${count(p.rows)} ${p.part} rows`;
    // A sample: the share found, scaled to the whole part (a copy of a training row is one whatever else is checked).
    const about = Math.round((p.copies / p.checked) * p.rows);
    return `${i === 0 ? 'About' : 'about'} ${count(about)} of ${count(p.rows)} ${p.part} rows (${Math.round((100 * p.copies) / p.checked)}% of the ${count(p.checked)} checked)`;
  });
  const one = found.length === 1 && found[0]!.copies === 1 && exact(found[0]!);
  return `${said.join(' and ')} ${one ? 'is an exact copy of a training row' : 'are exact copies of training rows'}: scores on them will look better than on new data. Remove duplicates before splitting, or group the split by an id column.`;
}

/**
 * What to tell the learner about held-out rows a row-removing step would have dropped from
 * training; null when none are. Never scaled up from a sample: whether a row duplicates another
 * depends on the rows beside it, so a sample's count of duplicates is not a share of the part's.
 */
export function flaggedNote(parts: readonly HeldOutCheck[]): string | null {
  const found = parts.filter((p) => p.flagged > 0);
  if (found.length === 0) return null;
  const said = found.map((p) => (exact(p) ? `${count(p.flagged)} of ${count(p.rows)} ${p.part} rows` : `${count(p.flagged)} of the ${count(p.checked)} ${p.part} rows checked (of ${count(p.rows)})`));
  const one = found.length === 1 && found[0]!.flagged === 1;
  const sampled = found.some((p) => !exact(p));
  return (
    `${said.join(' and ')} ${one ? 'is' : 'are'} flagged by the recipe: a step drops such rows from the training rows (duplicates, outliers, a filter, missing values), ` +
    `but never from validation or test. ${one ? 'It is' : 'They are'} kept and scored as the recipe leaves ${one ? 'it' : 'them'}${sampled ? ', and Evaluate gives the count over every row' : ''}.`
  );
}
