/**
 * What an import records of how its file was read (lines skipped, a closing separator, the order
 * year-last dates were read in), and how a later retype or append reads dates by it.
 */
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, test } from 'vitest';
import { importSource, knownDateOrder } from '../../../src/data/import-source';
import { inspectHead, type Inspection } from '../../../src/data/inspect';
import { columnFromStrings } from '../../../src/data/column-builder';
import { isValid, type Column, type Table } from '../../../src/shared/column';
import { getDb } from '../../../src/storage/database';
import { getDataset, listDatasets, loadTable, saveDataset } from '../../../src/storage/datasets';
import { createProject } from '../../../src/storage/projects';
import type { DatasetRow, DatasetSource } from '../../../src/storage/rows';
import { columnMetas, previewMerge, retypeDataset } from '../../../src/workers/in-worker/derived-datasets';
import { datasetRow } from '../../helpers/rows';

function inspect(text: string): Inspection {
  const bytes = new TextEncoder().encode(text);
  const result = inspectHead(bytes, { name: 'f.csv', size: bytes.length });
  if (!result.ok) throw new Error(result.problem);
  return result.inspection;
}

/** The project every dataset here belongs to (a dataset is stored only into a project that exists). */
let projectId = '';
beforeAll(async () => {
  projectId = (await createProject(getDb(), 'Import sources', {})).id;
});

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
  const base = datasetRow({ id, projectId, rowCount: 2 });
  const row = datasetRow({
    id,
    projectId,
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

/** A stored dataset "P" of the given columns. */
async function stored(id: string, columns: Column[], source: Partial<DatasetSource> = {}): Promise<{ row: DatasetRow; table: Table }> {
  const table: Table = { rowCount: columns[0]!.values.length, columns };
  const base = datasetRow({ id, projectId, rowCount: table.rowCount });
  const row = datasetRow({ id, projectId, name: 'P', rowCount: table.rowCount, columns: columnMetas(table), source: { ...base.source, ...source } });
  await saveDataset(getDb(), row, table);
  return { row, table };
}
const plain = (name: string, kind: Column['kind'], cells: string[]) => columnFromStrings(name, kind, cells, { decimalComma: false });
const datasetCount = async () => (await listDatasets(getDb(), projectId)).length;

describe('a column retyped after import, read as its file writes values', () => {
  test('labels of a file with a decimal comma become the numbers the file means', async () => {
    await stored('dc', [columnFromStrings('price', 'categorical', ['1.234', '2,5', '3', '1.234,5'], { decimalComma: true })], { decimalComma: true, delimiter: ';' });
    const outcome = await retypeDataset('dc', 'price', 'numeric');
    if (!outcome.ok) throw new Error(outcome.problem);
    expect(outcome.notes).toEqual(['Column "price" changed from categorical to numeric.']);
    const { table } = await loadTable(getDb(), outcome.datasetId);
    expect(values(table.columns[0]!)).toEqual([1234, 2.5, 3, 1234.5]);
  });

  test('0/1 numbers become false/true', async () => {
    await stored('nb', [plain('churn', 'numeric', ['0', '1', '1', '0'])]);
    const outcome = await retypeDataset('nb', 'churn', 'boolean');
    if (!outcome.ok) throw new Error(outcome.problem);
    expect(outcome.notes).toEqual(['Column "churn" changed from numeric to boolean.']);
    const { table } = await loadTable(getDb(), outcome.datasetId);
    expect(values(table.columns[0]!)).toEqual([0, 1, 1, 0]);
  });

  test('a retype that would read no value is refused, and nothing is stored', async () => {
    await stored('yr', [plain('year', 'numeric', ['2024', '2023', ''])]);
    const before = await datasetCount();
    const outcome = await retypeDataset('yr', 'year', 'datetime');
    expect(outcome).toEqual({
      ok: false,
      problem:
        'Column "year" cannot be read as dates: none of its 2 values is one (for example "2024"), so its type was not changed. Numbers become dates only when written as yyyymmdd, like 20240305; a year alone, like 2024, is best kept as a number.',
    });
    expect(await datasetCount()).toBe(before);
  });

  test('numbers written yyyymmdd become dates; a date made a number and back is the same date', async () => {
    await stored('ymd', [plain('day', 'numeric', ['20240305', '20231225'])]);
    const outcome = await retypeDataset('ymd', 'day', 'datetime');
    if (!outcome.ok) throw new Error(outcome.problem);
    expect(values((await loadTable(getDb(), outcome.datasetId)).table.columns[0]!)).toEqual([day(2024, 3, 5), day(2023, 12, 25)]);

    await stored('dt', [plain('signup', 'datetime', ['2024-03-05', '2023-12-25'])]);
    const asNumber = await retypeDataset('dt', 'signup', 'numeric');
    if (!asNumber.ok) throw new Error(asNumber.problem);
    const back = await retypeDataset(asNumber.datasetId, 'signup', 'datetime');
    if (!back.ok) throw new Error(back.problem);
    expect(values((await loadTable(getDb(), back.datasetId)).table.columns[0]!)).toEqual([day(2024, 3, 5), day(2023, 12, 25)]);
  });
});

describe('rows appended to a dataset whose types are fixed', () => {
  test('1 and 0 in a true/false column are true and false, shown as the dataset writes them; what does not fit is named by its new row, with a hint that can be followed', async () => {
    const parent = await stored('ap', [plain('id', 'numeric', ['1', '2']), plain('paid', 'boolean', ['yes', 'no'])]);
    const file = new File(['id,paid\n3,1\n4,0\n5,maybe\n'], 'more.csv');
    const result = await previewMerge({ parentId: 'ap', file, how: 'append' }, async () => parent);
    if (!result.ok) throw new Error(result.problem);
    expect(result.rows.map((r) => r[1])).toEqual(['yes', 'no', 'yes', 'no', '']);
    expect(result.notes).toContain(
      'Column "paid": 1 value was not a true/false value (first at row 5: "maybe") and is stored as missing. To keep it, change the type of "paid" in this dataset first, or fix the file.',
    );
  });

  test('a number column names the line of the file, with the same hint', async () => {
    const parent = await stored('an', [plain('id', 'numeric', ['1', '2']), plain('age', 'numeric', ['30', '40'])]);
    const file = new File(['id,age\n3,50\n4,old\n'], 'more.csv');
    const result = await previewMerge({ parentId: 'an', file, how: 'append' }, async () => parent);
    if (!result.ok) throw new Error(result.problem);
    expect(result.notes).toContain(
      'Column "age": 1 value was not a number (first at line 3 of the file: "old") and is stored as missing. To keep it, change the type of "age" in this dataset first, or fix the file.',
    );
  });
});

describe('a join preview’s notes', () => {
  test('rows without a key are counted apart, by row', async () => {
    const parent = await stored('jm', [plain('id', 'numeric', ['1', '2', '', '7']), plain('a', 'categorical', ['p', 'q', 'r', 's'])]);
    const file = new File(['id,b\n1,10\n2,20\n'], 'b.csv');
    const left = await previewMerge({ parentId: 'jm', file, how: 'left', leftKey: 'id', rightKey: 'id' }, async () => parent);
    if (!left.ok) throw new Error(left.problem);
    expect(left.notes.slice(0, 2)).toEqual([
      '2 rows of "P" found a match in "b.csv"; 1 row has none and keeps missing values in the new columns.',
      '1 row of "P" (row 3) has no "id", so it matches nothing and keeps missing values in the new columns.',
    ]);
    const inner = await previewMerge({ parentId: 'jm', file, how: 'inner', leftKey: 'id', rightKey: 'id' }, async () => parent);
    if (!inner.ok) throw new Error(inner.problem);
    expect(inner.notes[1]).toBe('1 row of "P" (row 3) has no "id", so it matches nothing and is left out.');
    // Past five, the rest are counted.
    const many = await stored('jk', [plain('id', 'numeric', ['1', '', '', '', '', '', '', ''])]);
    const counted = await previewMerge({ parentId: 'jk', file, how: 'inner', leftKey: 'id', rightKey: 'id' }, async () => many);
    if (!counted.ok) throw new Error(counted.problem);
    expect(counted.notes.slice(0, 2)).toEqual(['1 row of "P" found a match in "b.csv".', '7 rows of "P" (rows 2, 3, 4, 5, 6 and 2 more) have no "id", so they match nothing and are left out.']);
  });

  test('keys written differently are pointed out; a renamed column names the column it clashes with', async () => {
    const parent = await stored('jl', [plain('id', 'numeric', ['1', '2', '3']), plain('v', 'numeric', ['7', '8', '9'])]);
    const file = new File(['id,v,v (2)\n001,10,x\n002,20,y\n3,30,z\n'], 'b.csv');
    const result = await previewMerge({ parentId: 'jl', file, how: 'left', leftKey: 'id', rightKey: 'id' }, async () => parent);
    if (!result.ok) throw new Error(result.problem);
    expect(result.columns.map((c) => c.name)).toEqual(['id', 'v', 'v (3)', 'v (2)']);
    expect(result.notes).toContain(
      '2 more rows of "P" would find a match if the keys were written alike: "1" here is written "001" in "b.csv". Write "id" the same way in both (change a column\'s type, or fix the file), then join again.',
    );
    expect(result.notes).toContain('"v" from "b.csv" is called "v (3)", because "P" already has a "v".');
    expect(result.notes.join(' ')).not.toContain('already has a "v (2)"');
  });
});
