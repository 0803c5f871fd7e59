/**
 * The Labels panel's words for the edits left out on the dataset in use (edit-cells.ts
 * editsLeftOut): a mark for each, naming the dataset whose row it edits or the column it names,
 * and one note for them all that says what can be done about them.
 */
import { formatTimestamp } from '../shared/format';
import { firstHolder, rowRunsOf } from '../shared/row-runs';
import type { DatasetRow } from '../storage/rows';
import { editsLeftOut } from './steps/edit-cells';
import { counted } from './steps/edit-notes';

type Dataset = Pick<DatasetRow, 'id' | 'name' | 'createdAt' | 'rowCount' | 'rowRuns'> & { columns: { name: string }[] };

/**
 * Per stored change of the edit step (editWords' list), its mark when it is left out on `dataset`,
 * else null; and the note. `datasets`: the project's, to name the one a row is of (with the time
 * it was made when another has the same name, as a sample imported twice).
 * Example mark: '(a row of “Palmer penguins”: left out here)'.
 */
export function leftOutWords(params: unknown, dataset: Dataset, datasets: readonly Dataset[]): { marks: (string | null)[]; count: number; note: string | null } {
  const counts = { rows: 0, gone: 0, column: 0 };
  const marks = editsLeftOut(params, rowRunsOf(dataset), dataset.columns.map((c) => c.name)).map((why) => {
    if (why === null) return null;
    if ('column' in why) {
      counts.column++;
      return `(“${why.column}” is not a column of this dataset: left out here)`;
    }
    const holder = firstHolder(datasets, why.rowKey);
    if (!holder) {
      counts.gone++;
      return '(a row of a dataset since deleted: left out)';
    }
    counts.rows++;
    const namesake = datasets.some((d) => d.id !== holder.id && d.name === holder.name);
    return `(a row of “${holder.name}”${namesake ? ` made ${formatTimestamp(holder.createdAt)}` : ''}: left out here)`;
  });
  const notes = [
    counts.rows ? `${counted(counts.rows, 'cell edit names a row', 'cell edits name rows')} of another dataset of this project: left out here, ${counts.rows === 1 ? 'it applies' : 'they apply'} again while that dataset is in use (choose it on the Data page).` : '',
    counts.gone ? `${counted(counts.gone, 'cell edit names a row', 'cell edits name rows')} of a dataset since deleted: no dataset holds ${counts.gone === 1 ? 'it any more, so it' : 'them any more, so they'} can be removed.` : '',
    counts.column ? `${counted(counts.column, 'edit names a column', 'edits name columns')} this dataset does not have: left out here.` : '',
  ];
  return { marks, count: counts.rows + counts.gone + counts.column, note: notes.filter((n) => n !== '').join(' ') || null };
}
