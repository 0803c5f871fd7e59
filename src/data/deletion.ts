/**
 * What deleting a dataset leaves behind, said in its confirmation before anything is deleted:
 * label edits made on rows no other dataset holds, which would then apply nowhere, and runs
 * trained on it, which keep their scores but lose the rows their later checks need.
 */
import { count } from './words';

/** The sentences to add to the question; null when the dataset leaves nothing behind. */
export function deletionNote(strandedEdits: number, runs: number): string | null {
  const notes = [
    strandedEdits
      ? `${count(strandedEdits, 'cell edit')} of the Labels panel ${strandedEdits === 1 ? 'was' : 'were'} made on its rows, which no other dataset holds: ${strandedEdits === 1 ? 'it' : 'they'} would apply to no dataset any more.`
      : '',
    runs
      ? `${count(runs, 'run was', 'runs were')} trained on it: ${runs === 1 ? 'its' : 'their'} scores stay, but ${runs === 1 ? 'it' : 'they'} could no longer be cross-validated, measured for feature importance or relabelled.`
      : '',
  ];
  return notes.filter((n) => n !== '').join(' ') || null;
}
