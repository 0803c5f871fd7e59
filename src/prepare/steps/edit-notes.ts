/** What Prepare and Evaluate say of label edits: once one is made, and of those that do not apply. */
import { describeCondition, type Condition } from '../condition';
import type { CellEdit, Relabel } from './edit-cells';

/** `n` with the words for one or for many. Example: counted(2, 'edit names', 'edits name') → '2 edits name'. */
export const counted = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n.toLocaleString('en')} ${many}`);

/** What the edit step's note says of the changes left out on this dataset, by why (leftOutBy). */
export function leftOutNote(rows: number, column: number): string | null {
  const notes = [
    rows ? `${counted(rows, 'cell edit names a row', 'cell edits name rows')} this dataset does not hold (another dataset's of this project): left out here.` : '',
    column ? `${counted(column, 'edit names a column', 'edits name columns')} this dataset does not have: left out here.` : '',
  ];
  return notes.filter((n) => n !== '').join(' ') || null;
}

/** What Prepare and Evaluate say when an edit switched the edit step back on. */
export const EDITS_SWITCHED_ON = 'The “Edit values and labels” step was off: it is on again, so this edit and the ones before it apply.';

/** What Prepare says once a relabel by a condition is added: how many of the dataset's rows it set. */
export function relabelledNote(relabel: Pick<Relabel, 'where' | 'column' | 'value'>, matched: number): string {
  const rows = matched === 1 ? '1 row matches' : `${matched.toLocaleString('en')} rows match`;
  return `${rows} ${describeCondition(relabel.where)}: ${relabel.column} is now ${relabel.value === '' ? 'missing' : `"${relabel.value}"`} there.`;
}

/**
 * A label set on the target that is not one of its classes but reads like one (the same letters
 * in other capitals; spaces around it are trimmed as it is written): it makes a class of its own,
 * which a typo rarely means. Null when the label is a class already, or like none.
 */
export function lookalikeNote(value: string, classes: readonly string[]): string | null {
  const written = value.trim();
  if (written === '' || classes.includes(written)) return null;
  const like = classes.find((c) => c.toLowerCase() === written.toLowerCase());
  return like === undefined ? null : `"${written}" is a new class, apart from "${like}", which differs from it only in capitals: if you meant "${like}", edit again with that.`;
}

/** What Prepare says once a cell edit is added. */
export function cellEditedNote(edit: Pick<CellEdit, 'row' | 'column' | 'value'>): string {
  return `Row ${(edit.row + 1).toLocaleString('en')}: ${edit.column} is now ${edit.value === '' ? 'missing' : `"${edit.value}"`}.`;
}

/** Why a relabel is refused when it matches no row of the dataset. */
export function unmatchedRelabel(where: Condition): string {
  return `No row has ${describeCondition(where)}: nothing was relabelled.`;
}
