import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { bitmapBytes, setValid, type Column, type Table } from '../../src/shared/column';
import { numericValuesAt } from '../../src/storage/dataset-values';
import { saveDataset } from '../../src/storage/datasets';
import { createProject } from '../../src/storage/projects';
import { CHUNK_ROWS } from '../../src/storage/rows';
import { LooplabDB } from '../../src/storage/schema';
import { datasetRow } from '../helpers/rows';
import { freshName } from './legacy';

let db: LooplabDB;
beforeEach(async () => {
  db = new LooplabDB(freshName());
  await db.open();
});
afterEach(() => db.close());

/** Across two chunks: 'price' = 123456789 + row / 10 (float32 cannot hold them), every 5th missing; 'kind' a label. */
async function stored(): Promise<number> {
  const n = CHUNK_ROWS + 100;
  const price: Column = { name: 'price', kind: 'numeric', values: new Float64Array(n), valid: new Uint8Array(bitmapBytes(n)) };
  const kind: Column = { name: 'kind', kind: 'categorical', values: new Uint32Array(n), valid: new Uint8Array(bitmapBytes(n)), dictionary: ['a'] };
  for (let i = 0; i < n; i++) {
    setValid(kind.valid, i);
    if (i % 5 === 0) continue;
    price.values[i] = 123456789 + i / 10;
    setValid(price.valid, i);
  }
  const table: Table = { rowCount: n, columns: [kind, price] };
  const { id: projectId } = await createProject(db, 'P', {});
  await saveDataset(db, datasetRow({ id: 'd', projectId, rowCount: n, columns: table.columns.map((c) => ({ name: c.name, kind: c.kind, missing: 0 })) }), table);
  return n;
}

describe('some rows of one numeric column, read from their chunks alone', () => {
  test('the float64 values of the rows asked for, across chunks; missing values and rows past the end left out', async () => {
    const n = await stored();
    const values = await numericValuesAt(db, 'd', 'price', [3, CHUNK_ROWS + 7, 10, n + 4]);
    expect([...values]).toEqual([
      [3, 123456789.3],
      [CHUNK_ROWS + 7, 123456789 + (CHUNK_ROWS + 7) / 10],
    ]);
  });

  test('nothing for a column that is not there or not numeric, or a dataset that is gone', async () => {
    await stored();
    expect((await numericValuesAt(db, 'd', 'kind', [1])).size).toBe(0);
    expect((await numericValuesAt(db, 'd', 'nope', [1])).size).toBe(0);
    expect((await numericValuesAt(db, 'gone', 'price', [1])).size).toBe(0);
  });
});
