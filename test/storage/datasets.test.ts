import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { bitmapBytes, isValid, setValid, type Column, type Table } from '../../src/shared/column';
import {
  deleteDataset,
  findDatasetByHash,
  listDatasets,
  loadTable,
  saveDataset,
  setActiveDataset,
  sweepUnfinishedImports,
} from '../../src/storage/datasets';
import { prefixBounds } from '../../src/storage/key-ranges';
import { createProject, deleteProject, duplicateProject, getProject } from '../../src/storage/projects';
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

/** A table of n rows crossing chunk boundaries: numeric with every 7th missing, codes, booleans. */
function makeTable(n: number): Table {
  const num: Column = { name: 'x', kind: 'numeric', values: new Float64Array(n), valid: new Uint8Array(bitmapBytes(n)) };
  const cat: Column = { name: 'c', kind: 'categorical', values: new Uint32Array(n), valid: new Uint8Array(bitmapBytes(n)), dictionary: ['a', 'b', 'c'] };
  const flag: Column = { name: 'f', kind: 'boolean', values: new Uint8Array(n), valid: new Uint8Array(bitmapBytes(n)) };
  for (let i = 0; i < n; i++) {
    if (i % 7 !== 0) {
      num.values[i] = i * 0.5;
      setValid(num.valid, i);
    }
    cat.values[i] = i % 3;
    setValid(cat.valid, i);
    flag.values[i] = i % 2;
    setValid(flag.valid, i);
  }
  return { rowCount: n, columns: [num, cat, flag] };
}

const metaOf = (t: Table) => t.columns.map((c) => ({ name: c.name, kind: c.kind, missing: 0 }));

describe('datasets', () => {
  test('save then load gives back every value and validity bit, across chunk boundaries', async () => {
    const n = CHUNK_ROWS * 2 + 123;
    const table = makeTable(n);
    const progress: number[] = [];
    const { id: projectId } = await createProject(db, 'P', {});
    await saveDataset(db, datasetRow({ id: 'd1', projectId, rowCount: n, columns: metaOf(table) }), table, (w) => progress.push(w));
    expect(progress.at(-1)).toBe(9); // 3 columns × 3 chunks
    expect(await db.chunks.count()).toBe(10); // + the dictionary of 'c'
    const { row, table: loaded } = await loadTable(db, 'd1');
    expect(row.status).toBe('ready');
    expect(loaded.rowCount).toBe(n);
    for (const [i, col] of loaded.columns.entries()) {
      const original = table.columns[i]!;
      expect(col.values.constructor).toBe(original.values.constructor);
      expect(Array.from(col.values)).toEqual(Array.from(original.values));
      expect(Array.from(col.valid)).toEqual(Array.from(original.valid));
    }
    expect(loaded.columns[1]!.dictionary).toEqual(['a', 'b', 'c']);
    expect(isValid(loaded.columns[0]!.valid, 7)).toBe(false);
    expect(isValid(loaded.columns[0]!.valid, CHUNK_ROWS + 1)).toBe(true);
  });

  test('a true/false column keeps how its file wrote true and false, in its metadata', async () => {
    const { id: projectId } = await createProject(db, 'P', {});
    const flag: Column = { name: 'paid', kind: 'boolean', values: Uint8Array.of(1, 0), valid: Uint8Array.of(3), words: ['No', 'Yes'] };
    const table: Table = { rowCount: 2, columns: [flag] };
    await saveDataset(db, datasetRow({ id: 'w', projectId, rowCount: 2, columns: [{ name: 'paid', kind: 'boolean', missing: 0, words: ['No', 'Yes'] }] }), table);
    expect((await loadTable(db, 'w')).table.columns[0]!.words).toEqual(['No', 'Yes']);
  });

  test('a save that fails half-way leaves nothing behind', async () => {
    const table = makeTable(CHUNK_ROWS + 10);
    const { id: projectId } = await createProject(db, 'P', {});
    const failing = saveDataset(db, datasetRow({ id: 'd2', projectId, rowCount: table.rowCount, columns: metaOf(table) }), table, (w) => {
      if (w >= 3) throw new Error('cancelled');
    });
    await expect(failing).rejects.toThrow('cancelled');
    expect(await db.datasets.count()).toBe(0);
    expect(await db.chunks.count()).toBe(0);
  });

  test('list, find by hash, make active, delete, and sweep unfinished imports', async () => {
    const project = await createProject(db, 'P', {});
    const t = makeTable(10);
    await saveDataset(db, datasetRow({ id: 'old', projectId: project.id, createdAt: 1, rowCount: 10, columns: metaOf(t) }), t);
    const withHash = datasetRow({ id: 'new', projectId: project.id, createdAt: 2, rowCount: 10, columns: metaOf(t) });
    withHash.source = { ...withHash.source, hash: 'abc' };
    await saveDataset(db, withHash, t);
    await db.datasets.put(datasetRow({ id: 'orphan', projectId: project.id, status: 'importing' }));
    expect((await listDatasets(db, project.id)).map((d) => d.id)).toEqual(['new', 'old']);
    expect((await findDatasetByHash(db, project.id, 'abc'))?.id).toBe('new');
    expect(await findDatasetByHash(db, 'other-project', 'abc')).toBeUndefined();

    await setActiveDataset(db, project.id, 'new');
    expect((await getProject(db, project.id))?.activeDatasetId).toBe('new');
    await deleteDataset(db, 'new');
    expect((await getProject(db, project.id))?.activeDatasetId).toBeNull();
    await expect(loadTable(db, 'new')).rejects.toThrow('no longer stored');
    expect(await db.chunks.where('[datasetId+column+chunk]').between(...prefixBounds(['new'], 2)).count()).toBe(0);
    expect(await db.chunks.where('[datasetId+column+chunk]').between(...prefixBounds(['old'], 2)).count()).toBe(4);

    expect(await sweepUnfinishedImports(db)).toBe(1);
    expect(await db.datasets.get('orphan')).toBeUndefined();
    expect(await db.datasets.get('old')).toBeDefined();
  });
});

describe('duplicating a project', () => {
  test('copies its datasets, values and profiles under new ids, and the copy is independent', async () => {
    const project = await createProject(db, 'Original', { problem: 'p' });
    const t = makeTable(CHUNK_ROWS + 5);
    await saveDataset(db, datasetRow({ id: 'd1', projectId: project.id, rowCount: t.rowCount, columns: metaOf(t) }), t);
    await db.profiles.put({ datasetId: 'd1', version: 1, profile: { columns: [] } });
    await setActiveDataset(db, project.id, 'd1');

    const copy = await duplicateProject(db, project.id);
    expect(copy.activeDatasetId).not.toBe('d1');
    const [copied] = await listDatasets(db, copy.id);
    expect(copied?.id).toBe(copy.activeDatasetId);
    const { table } = await loadTable(db, copied!.id);
    expect(Array.from(table.columns[0]!.values)).toEqual(Array.from(t.columns[0]!.values));
    expect((await db.profiles.get(copied!.id))?.profile).toEqual({ columns: [] });

    await deleteProject(db, project.id);
    expect((await loadTable(db, copied!.id)).table.rowCount).toBe(CHUNK_ROWS + 5);
  });
});
