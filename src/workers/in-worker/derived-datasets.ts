/**
 * Datasets made from other datasets: a column's type changed, rows appended, a file joined.
 * The parent is never changed; the child is stored whole, in one transaction, pointing at its
 * parent (lineage) with the recipe that made it.
 */
import { chunkedMissing, type ChunkedColumn, type ChunkedTable } from '../../shared/chunked-column';
import { countMissing, usesDictionary, type Column, type Table } from '../../shared/column';
import { describeError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { rowRunsFor } from '../../shared/row-runs';
import { KIND_LABELS } from '../../data/kinds';
import { appendedDateOrder, knownDateOrder, withDateOrder } from '../../data/import-source';
import { retypeColumn } from '../../data/retype';
import { encodingQuestion } from '../../data/csv-outcome';
import { streamCsv } from '../../data/csv-stream';
import { formatCell } from '../../data/format-cell';
import { HEAD_BYTES, inspectHead } from '../../data/inspect';
import { appendTables, joinTables, planAppend, type JoinHow, type JoinStats } from '../../data/merge';
import { appendHint, describeFailures } from '../../data/row-sink';
import { count, listWords } from '../../data/words';
import { getDb } from '../../storage/database';
import { getDataset, loadTable, saveDataset } from '../../storage/datasets';
import type { ColumnMeta, DatasetRecipe, DatasetRow, DatasetSource } from '../../storage/rows';
import type { DerivedOutcome, MergePreviewResult, MergeRequest } from '../import-protocol';

export function columnMetas(table: Table | ChunkedTable): ColumnMeta[] {
  return (table.columns as (Column | ChunkedColumn)[]).map((c) => ({
    name: c.name,
    kind: c.kind,
    missing: 'chunks' in c ? chunkedMissing(c) : countMissing(c.valid, table.rowCount),
    ...(usesDictionary(c.kind) ? { dictionarySize: c.dictionary?.length ?? 0 } : {}),
    ...(c.words ? { words: c.words } : {}),
  }));
}

/** A dataset row for `table`, made from `parent` (null for an import), ready to save (its status becomes 'ready' with the last chunk). */
export function datasetRowFor(
  table: Table | ChunkedTable,
  fields: { projectId: string; name: string; source: DatasetSource; recipe: DatasetRecipe; notes: string[] },
  parent: DatasetRow | null = null,
): DatasetRow {
  const { rowCount } = table;
  return { id: newId(), status: 'importing', createdAt: Date.now(), rowCount, columns: columnMetas(table), parentId: parent?.id ?? null, rowRuns: rowRunsFor(fields.recipe.kind, rowCount, parent), ...fields };
}

/** Store a child of `parent` and say what happened, in words the page can show. */
export async function storeChild(parent: DatasetRow, table: Table, recipe: DatasetRecipe, name: string, notes: string[], source = parent.source): Promise<DerivedOutcome> {
  const row = datasetRowFor(table, { projectId: parent.projectId, name, source, recipe, notes: [...notes, ...parent.notes] }, parent);
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
  // Dates whose values read either way are read as the file's other dates were at import, and
  // labels as the file writes numbers (a decimal comma: '1.234,5').
  const known = knownDateOrder(parent.source.dateOrders, columnName);
  const epochMs = to === 'datetime' && column.kind === 'numeric' && (await wasDates(parent, columnName));
  const { column: retyped, failures, note, dates, noneRead } = retypeColumn(column, table.rowCount, to, {
    dateOrder: known?.order,
    dateOrderFrom: known?.from,
    decimalComma: parent.source.decimalComma,
    epochMs,
  });
  if (noneRead) return { ok: false, problem: noneRead };
  const columns = table.columns.slice();
  columns[index] = retyped;
  const change = `Column "${columnName}" changed from ${KIND_LABELS[column.kind].toLowerCase()} to ${KIND_LABELS[to].toLowerCase()}.`;
  const notes = [change, ...(note ? [note] : []), ...(failures ? [describeFailures(columnName, to, failures, `row ${(failures.firstRow + 1).toLocaleString('en')}`)] : [])];
  const source = dates ? withDateOrder(parent.source, columnName, dates.order, dates.assumed) : parent.source;
  const name = `${parent.name} (${columnName} as ${KIND_LABELS[to].toLowerCase()})`;
  return storeChild(parent, { rowCount: table.rowCount, columns }, { kind: 'retype', column: columnName, from: column.kind, to }, name, notes, source);
}

/**
 * Whether `column` of `dataset` holds the epoch milliseconds of dates: it was made a number from
 * dates, by the retype that made this dataset or an ancestor with only other columns retyped since.
 */
async function wasDates(dataset: DatasetRow, column: string): Promise<boolean> {
  for (let row: DatasetRow | undefined = dataset; row?.recipe.kind === 'retype'; row = row.parentId ? await getDataset(getDb(), row.parentId) : undefined) {
    const { recipe } = row;
    if (recipe.column === column) return recipe.from === 'datetime' && recipe.to === 'numeric';
  }
  return false;
}

/** Rows shown in a merge preview. */
const PREVIEW_ROWS = 10;

/** The last merge previewed, kept until it is applied or another is previewed. */
let pendingMerge: { token: number; parent: DatasetRow; table: Table; recipe: DatasetRecipe; notes: string[] } | null = null;
let lastToken = 0;


/**
 * Read a second file and combine it with a stored dataset, without storing anything yet: the
 * result is kept here for `applyMerge`, and its size, notes and first rows go back for the preview.
 */
export async function previewMerge(request: MergeRequest, parentTable: (id: string) => Promise<{ row: DatasetRow; table: Table }>): Promise<MergePreviewResult> {
  pendingMerge = null;
  const { file } = request;
  const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  const inspected = inspectHead(head, { name: file.name, size: file.size }, request.encoding ? { encoding: request.encoding } : {});
  if (!inspected.ok) return inspected;
  const { inspection } = inspected;
  const { row: parent, table } = await parentTable(request.parentId);
  const columns = inspection.columns.map((c) => ({ ...c }));

  let mapping: number[] = [];
  if (request.how === 'append') {
    const plan = planAppend(
      table.columns.map((c) => c.name),
      columns.map((c) => c.name),
      file.name,
    );
    if (!plan.ok) return plan;
    mapping = plan.mapping;
    // Read each column as the dataset already has it, so values are judged by the same type, and
    // dates that read either way in the order the dataset's were read in.
    table.columns.forEach((c, i) => {
      const plan = columns[mapping[i]!]!;
      if (c.kind === 'datetime') plan.dateOrder = appendedDateOrder(plan, c.name, parent.source.dateOrders);
      // True/false values are read as the file writes them, then as a retype to true/false reads
      // them (1 and 0 too) when appended.
      plan.kind = c.kind === 'boolean' ? 'categorical' : c.kind;
      plan.kindFromDataset = true;
    });
  } else {
    // A joined file's types are guessed, with no preview to change them in.
    for (const plan of columns) plan.kindGuessedOnly = true;
  }
  // Its rows are not the merged table's rows: its notes name lines of the file.
  const parsed = await streamCsv(file, file.name, { dialect: inspection.dialect, encoding: inspection.encoding, columns, skipRagged: false, rowsBecomeTable: false });
  if (!parsed.ok) return { ok: false, problem: parsed.reason === 'ragged' ? `${parsed.problem.replace(/ You can skip.*$/, '')} Import it on its own first to skip those rows, or fix the file.` : parsed.problem };
  // Asked as an import asks: the merge panel offers both answers and previews again.
  const question = encodingQuestion(file.name, inspection.encoding, parsed.notUtf8Line, request.keepNotUtf8 ?? false, 'preview');
  if (question) return { ok: false, reason: 'not-utf8', problem: question };
  const other = parsed.table;
  // Detected, not chosen: say why, beside the encoding the merge panel shows.
  const detected = inspection.encoding === 'windows-1252' && !request.encoding ? [`"${file.name}" was read as Windows-1252, because its start is not UTF-8.`] : [];
  const notes = [...detected, ...inspection.headerNotes, ...parsed.notes];

  let merged: Table;
  let recipe: DatasetRecipe;
  if (request.how === 'append') {
    const result = appendTables(table, other, mapping, { decimalComma: inspection.dialect.decimalComma });
    merged = result.table;
    recipe = { kind: 'append', otherFile: file.name };
    notes.unshift(`${count(other.rowCount, 'row', 'rows')} from "${file.name}" appended to the ${count(table.rowCount, 'row', 'rows')} of "${parent.name}".`);
    for (const { column, failures } of result.converted) {
      const where = `row ${(table.rowCount + failures.firstRow + 1).toLocaleString('en')}`;
      notes.push(`${describeFailures(column, merged.columns.find((c) => c.name === column)!.kind, failures, where)} ${appendHint(column, failures.count)}`);
    }
  } else {
    const leftKey = request.leftKey ?? '';
    const rightKey = request.rightKey ?? '';
    const result = joinTables(table, other, leftKey, rightKey, request.how);
    if (!result.ok) return result;
    merged = result.table;
    recipe = { kind: 'join', otherFile: file.name, key: leftKey === rightKey ? leftKey : `${leftKey} = ${rightKey}`, how: request.how };
    notes.unshift(...joinNotes(result.stats, request.how, parent.name, file.name, leftKey, rightKey));
  }
  const token = ++lastToken;
  pendingMerge = { token, parent, table: merged, recipe, notes };
  const shown = Math.min(PREVIEW_ROWS, merged.rowCount);
  return {
    ok: true,
    token,
    rowCount: merged.rowCount,
    columns: merged.columns.map((c) => ({ name: c.name, kind: c.kind })),
    rows: Array.from({ length: shown }, (_, r) => merged.columns.map((c) => formatCell(c, r))),
    notes,
  };
}

/** What a join did, for its preview: matches, rows without a key, keys written differently, repeated keys, renamed columns. */
function joinNotes(stats: JoinStats, how: JoinHow, parentName: string, fileName: string, leftKey: string, rightKey: string): string[] {
  const fate = (n: number) => (how === 'left' ? `${n === 1 ? 'keeps' : 'keep'} missing values in the new columns` : `${n === 1 ? 'is' : 'are'} left out`);
  const keyless = stats.missingKeyLeftRows;
  const unmatched = stats.unmatchedLeftRows - keyless.count;
  const found = `${count(stats.matchedLeftRows, 'row', 'rows')} of "${parentName}" found a match in "${fileName}"`;
  const notes = [unmatched > 0 || keyless.count === 0 ? `${found}; ${count(unmatched, 'row has', 'rows have')} none and ${fate(unmatched)}.` : `${found}.`];
  if (keyless.count > 0) {
    const one = keyless.count === 1;
    notes.push(`${count(keyless.count, 'row', 'rows')} of "${parentName}" (${listRows(keyless.rows, keyless.count)}) ${one ? 'has' : 'have'} no "${leftKey}", so ${one ? 'it matches' : 'they match'} nothing and ${fate(keyless.count)}.`);
  }
  if (stats.lookAlike) {
    const { rows, here, there } = stats.lookAlike;
    const keys = leftKey === rightKey ? `"${leftKey}"` : `"${leftKey}" and "${rightKey}"`;
    notes.push(
      `${count(rows, 'more row', 'more rows')} of "${parentName}" would find a match if the keys were written alike: "${here}" here is written "${there}" in "${fileName}". ` +
        `Write ${keys} the same way in both (change a column's type, or fix the file), then join again.`,
    );
  }
  if (stats.duplicateRightKeys) {
    notes.push(`${count(stats.duplicateRightKeys, 'key value occurs', 'key values occur')} more than once in "${fileName}", so the matching rows appear once per occurrence.`);
  }
  for (const r of stats.renamed) notes.push(`"${r.from}" from "${fileName}" is called "${r.to}", because "${parentName}" already has a "${r.from}".`);
  return notes;
}

/** 'row 3', 'rows 3 and 7', 'rows 3, 7, 9, 10, 12 and 40 more' for 0-based `rows` of `count` in all. */
function listRows(rows: readonly number[], count: number): string {
  const listed = rows.map((r) => (r + 1).toLocaleString('en'));
  const more = count - listed.length;
  if (more > 0) return `rows ${listed.join(', ')} and ${more.toLocaleString('en')} more`;
  return listed.length === 1 ? `row ${listed[0]}` : `rows ${listWords(listed)}`;
}

/** Store the merge last previewed as a child of its dataset. */
export async function applyMerge(token: number, name: string): Promise<DerivedOutcome> {
  const pending = pendingMerge;
  if (pending?.token !== token) return { ok: false, problem: 'This preview is out of date; preview the merge again.' };
  pendingMerge = null;
  return storeChild(pending.parent, pending.table, pending.recipe, name.trim() || `${pending.parent.name} (merged)`, pending.notes);
}

export function discardMerge(): void {
  pendingMerge = null;
}
