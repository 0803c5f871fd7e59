/**
 * Datasets made from other datasets: a column's type changed, rows appended, a file joined.
 * The parent is never changed; the child is stored whole, in one transaction, pointing at its
 * parent (lineage) with the recipe that made it.
 */
import { countMissing, usesDictionary, type Table } from '../shared/column';
import { describeError } from '../shared/errors';
import { newId } from '../shared/ids';
import { KIND_LABELS } from '../data/kinds';
import { retypeColumn } from '../data/retype';
import { describeFailures } from '../data/row-sink';
import { getDb } from '../storage/database';
import { loadTable, saveDataset } from '../storage/datasets';
import type { ColumnMeta, DatasetRecipe, DatasetRow, DatasetSource } from '../storage/rows';
import type { DerivedOutcome } from './import-protocol';

export function columnMetas(table: Table): ColumnMeta[] {
  return table.columns.map((c) => ({
    name: c.name,
    kind: c.kind,
    missing: countMissing(c.valid, table.rowCount),
    ...(usesDictionary(c.kind) ? { dictionarySize: c.dictionary?.length ?? 0 } : {}),
  }));
}

/** A dataset row for `table`, ready to save (its status becomes 'ready' with the last chunk). */
export function datasetRowFor(
  table: Table,
  fields: { projectId: string; parentId: string | null; name: string; source: DatasetSource; recipe: DatasetRecipe; notes: string[] },
): DatasetRow {
  return { id: newId(), status: 'importing', createdAt: Date.now(), rowCount: table.rowCount, columns: columnMetas(table), ...fields };
}

/** Store a child of `parent` and say what happened, in words the page can show. */
export async function storeChild(parent: DatasetRow, table: Table, recipe: DatasetRecipe, name: string, notes: string[]): Promise<DerivedOutcome> {
  const row = datasetRowFor(table, { projectId: parent.projectId, parentId: parent.id, name, source: parent.source, recipe, notes: [...notes, ...parent.notes] });
  try {
    await saveDataset(getDb(), row, table);
  } catch (e) {
    return { ok: false, problem: `The new dataset could not be stored, and nothing was saved. ${describeError(e)}` };
  }
  return { ok: true, datasetId: row.id, notes };
}

/** A child dataset with one column read as another kind. */
export async function retypeDataset(parentId: string, columnName: string, to: DatasetRow['columns'][number]['kind']): Promise<DerivedOutcome> {
  const { row: parent, table } = await loadTable(getDb(), parentId);
  const index = table.columns.findIndex((c) => c.name === columnName);
  const column = table.columns[index];
  if (!column) return { ok: false, problem: `There is no column named "${columnName}" in "${parent.name}".` };
  if (column.kind === to) return { ok: false, problem: `"${columnName}" is already ${KIND_LABELS[to].toLowerCase()}.` };
  const { column: retyped, failures } = retypeColumn(column, table.rowCount, to);
  const columns = table.columns.slice();
  columns[index] = retyped;
  const change = `Column "${columnName}" changed from ${KIND_LABELS[column.kind].toLowerCase()} to ${KIND_LABELS[to].toLowerCase()}.`;
  const notes = [change, ...(failures ? [describeFailures(columnName, to, failures, failures.firstRow + 1)] : [])];
  return storeChild(parent, { rowCount: table.rowCount, columns }, { kind: 'retype', column: columnName, from: column.kind, to }, `${parent.name} (${columnName} as ${KIND_LABELS[to].toLowerCase()})`, notes);
}
