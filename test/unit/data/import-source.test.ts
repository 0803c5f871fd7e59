/**
 * What an import records of how its file was read (lines skipped, a closing separator, the order
 * year-last dates were read in), and how a later retype or append reads dates by it.
 */
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { importSource, knownDateOrder } from '../../../src/data/import-source';
import { inspectHead, type Inspection } from '../../../src/data/inspect';
import { columnFromStrings } from '../../../src/data/column-builder';
import { isValid, type Column, type Table } from '../../../src/shared/column';
import { getDb } from '../../../src/storage/database';
import { getDataset, loadTable, saveDataset } from '../../../src/storage/datasets';
import type { DatasetRow, DatasetSource } from '../../../src/storage/rows';
import { previewMerge, retypeDataset } from '../../../src/workers/in-worker/derived-datasets';
import { datasetRow } from '../../helpers/rows';

function inspect(text: string): Inspection {
  const bytes = new TextEncoder().encode(text);
  const result = inspectHead(bytes, { name: 'f.csv', size: bytes.length });
  if (!result.ok) throw new Error(result.problem);
  return result.inspection;
}

const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);
const values = (column: Column) => Array.from(column.values, (v, i) => (isValid(column.valid, i) ? v : null));

describe('the source settings an import stores', () => {
  test('hold the lines skipped, the closing separator and each date column’s order, assumed or proven', () => {
    const inspection = inspect('# exported by X\nsignup,when,city,\n12/25/2023,01/02/2024,Oslo,\n01/02/2024,03/04/2024,Rome,\n');
    const source = importSource({ name: 'f.csv', size: 99 }, 'h', inspection);
    expect(source).toEqual({
      fileName: 'f.csv',
      size: 99,
      hash: 'h',
      encoding: 'utf-8',
      delimiter: ',',
      quoteChar: '"',
      hasHeader: true,
      decimalComma: false,
      skipLines: 1,
      trailingDelimiter: true,
      dateOrders: { signup: { order: 'mdy' }, when: { order: 'dmy', assumed: true } },
    });
  });

  test('a file with no date column stores no orders', () => {
    expect(importSource({ name: 'f.csv', size: 9 }, 'h', inspect('a,b\n1,2\n')).dateOrders).toBeUndefined();
  });
});

describe('knownDateOrder', () => {
  const orders: DatasetSource['dateOrders'] = { signup: { order: 'mdy' }, when: { order: 'dmy', assumed: true }, born: { order: 'ymd' } };
  test('a column’s own proven order first, then another proven one (month/day first), then an assumed one', () => {
    expect(knownDateOrder(orders, 'signup')).toEqual({ order: 'mdy', from: 'signup' });
    expect(knownDateOrder(orders, 'other')).toEqual({ order: 'mdy', from: 'signup' });
    expect(knownDateOrder(orders, 'when')).toEqual({ order: 'mdy', from: 'signup' });
    expect(knownDateOrder({ when: { order: 'dmy', assumed: true } }, 'x')).toEqual({ order: 'dmy', from: 'when' });
    // Year-first dates say nothing about year-last ones.
    expect(knownDateOrder({ born: { order: 'ymd' } }, 'x')).toBeUndefined();
    expect(knownDateOrder(undefined, 'x')).toBeUndefined();
  });
});

/** A stored dataset of one label column "when" and one date column "signup", imported with `source`. */
async function storedDataset(id: string, source: Partial<DatasetSource>): Promise<{ row: DatasetRow; table: Table }> {
  const whenTexts = ['01/02/2024', '03/04/2024'];
  const table: Table = {
    rowCount: 2,
    columns: [columnFromStrings('when', 'categorical', whenTexts, { decimalComma: false }), columnFromStrings('signup', 'datetime', ['12/25/2023', '01/02/2024'], { decimalComma: false, dateOrder: 'mdy' })],
  };
  const base = datasetRow({ id, projectId: 'p', rowCount: 2 });
  const row = datasetRow({
    id,
    projectId: 'p',
    rowCount: 2,
    columns: [
      { name: 'when', kind: 'categorical', missing: 0, dictionarySize: 2 },
      { name: 'signup', kind: 'datetime', missing: 0 },
    ],
    source: { ...base.source, ...source },
  });
  await saveDataset(getDb(), row, table);
  return { row, table };
}

describe('a column retyped to dates after import', () => {
  test('reads in the order the import proved for the file’s other dates, says it was assumed, and records it', async () => {
    await storedDataset('d1', { dateOrders: { signup: { order: 'mdy' } } });
    const outcome = await retypeDataset('d1', 'when', 'datetime');
    if (!outcome.ok) throw new Error(outcome.problem);
    expect(outcome.notes).toEqual([
      'Column "when" changed from categorical to date/time.',
      'Column "when": dates read as month/day, as in "signup"; every day is 12 or less, so day/month is possible too.',
    ]);
    const { table, row } = await loadTable(getDb(), outcome.datasetId);
    expect(values(table.columns[0]!)).toEqual([day(2024, 1, 2), day(2024, 3, 4)]);
    expect(row.source.dateOrders).toEqual({ signup: { order: 'mdy' }, when: { order: 'mdy', assumed: true } });
    // The parent is as it was.
    expect((await getDataset(getDb(), 'd1'))!.source.dateOrders).toEqual({ signup: { order: 'mdy' } });
  });

  test('without a stored order: day/month, said to be assumed', async () => {
    await storedDataset('d2', {});
    const outcome = await retypeDataset('d2', 'when', 'datetime');
    if (!outcome.ok) throw new Error(outcome.problem);
    expect(outcome.notes[1]).toBe('Column "when": dates read as day/month; every day is 12 or less, so month/day is possible too.');
    const { table } = await loadTable(getDb(), outcome.datasetId);
    expect(values(table.columns[0]!)).toEqual([day(2024, 2, 1), day(2024, 4, 3)]);
  });
});

describe('rows appended from a second file', () => {
  test('read a date column in the order the dataset’s import used, when the file’s own dates read either way', async () => {
    const parent = await storedDataset('d3', { dateOrders: { signup: { order: 'mdy' } } });
    const file = new File(['when,signup\nx,03/04/2024\n'], 'more.csv');
    const result = await previewMerge({ parentId: 'd3', file, how: 'append' }, async () => parent);
    if (!result.ok) throw new Error(result.problem);
    expect(result.rows.map((r) => r[1])).toEqual(['2023-12-25', '2024-01-02', '2024-03-04']);
  });

  test('but in the order the file’s own dates prove', async () => {
    const parent = await storedDataset('d4', { dateOrders: { signup: { order: 'mdy' } } });
    const file = new File(['when,signup\nx,03/04/2024\ny,25/04/2024\n'], 'more.csv');
    const result = await previewMerge({ parentId: 'd4', file, how: 'append' }, async () => parent);
    if (!result.ok) throw new Error(result.problem);
    expect(result.rows.map((r) => r[1])).toEqual(['2023-12-25', '2024-01-02', '2024-04-03', '2024-04-25']);
  });
});
