/**
 * The datasets and chunks tables: a dataset's metadata row plus its columns, cut into chunks
 * of CHUNK_ROWS values, written in one transaction (all of it lands, or none of it).
 */
import { chunkBuffers, type ChunkedTable } from '../shared/chunked-column';
import { allocValues, bitmapBytes, type Column, type ColumnValues, type Table } from '../shared/column';
import { UserFacingError } from '../shared/errors';
import { write } from './database';
import { prefixBounds } from './key-ranges';
import { mustGetProject } from './projects';
import { CHUNK_ROWS, type ChunkRow, type DatasetRow } from './rows';
import type { LooplabDB } from './schema';

/** The datasets of a project, newest first, without their values. */
export async function listDatasets(db: LooplabDB, projectId: string): Promise<DatasetRow[]> {
  const rows = await db.datasets.where('projectId').equals(projectId).toArray();
  return rows.filter((r) => r.status === 'ready').sort((a, b) => b.createdAt - a.createdAt);
}

export function getDataset(db: LooplabDB, id: string): Promise<DatasetRow | undefined> {
  return db.datasets.get(id);
}

/** A ready dataset of the project imported from a file with this content hash, if any. */
export async function findDatasetByHash(db: LooplabDB, projectId: string, hash: string): Promise<DatasetRow | undefined> {
  const rows = await listDatasets(db, projectId);
  return rows.find((r) => r.source.hash === hash);
}

/** A copy of elements [start, end) of a typed array, as its own buffer (structured clone of a view would copy the whole buffer). */
function sliceBuffer(values: ColumnValues, start: number, end: number): ArrayBuffer {
  const bytes = values.BYTES_PER_ELEMENT;
  return values.buffer.slice(values.byteOffset + start * bytes, values.byteOffset + end * bytes) as ArrayBuffer;
}

/** Rows [chunk·CHUNK_ROWS, …) of one column, up to rowCount, as buffers of their own. */
function sliceChunk(column: Column, chunk: number, rowCount: number): ChunkBuffers {
  const start = chunk * CHUNK_ROWS;
  const end = Math.min(rowCount, start + CHUNK_ROWS);
  return { values: sliceBuffer(column.values, start, end), valid: sliceBuffer(column.valid, start >> 3, bitmapBytes(end)) };
}

type ChunkBuffers = Pick<Required<ChunkRow>, 'values' | 'valid'>;

/** What saveChunks stores of one column: its dictionary, how many chunks, and each chunk's buffers. */
interface StoredColumn {
  dictionary?: string[];
  chunks: number;
  buffers(chunk: number): ChunkBuffers;
}

/**
 * Store a dataset and its values in one transaction: a crash, a full disk or a cancel leaves
 * nothing behind. `row.status` is written as 'ready' with the last chunk. A project deleted
 * meanwhile (in another tab) gets nothing: a UserFacingError says it is gone.
 * `onChunk` reports progress (chunks written so far, of the total).
 */
export function saveDataset(db: LooplabDB, row: DatasetRow, table: Table, onChunk?: (written: number, total: number) => void): Promise<void> {
  const chunks = Math.ceil(table.rowCount / CHUNK_ROWS);
  const stored = table.columns.map((c): StoredColumn => ({ dictionary: c.dictionary, chunks, buffers: (chunk) => sliceChunk(c, chunk, table.rowCount) }));
  return saveChunks(db, row, table.rowCount, stored, onChunk);
}

/** As saveDataset, for a table already in storage's chunks (an import): the chunks' buffers are stored as they are. */
export function saveChunkedDataset(db: LooplabDB, row: DatasetRow, table: ChunkedTable, onChunk?: (written: number, total: number) => void): Promise<void> {
  const stored = table.columns.map((c): StoredColumn => ({ dictionary: c.dictionary, chunks: c.chunks.length, buffers: (chunk) => chunkBuffers(c, chunk) }));
  return saveChunks(db, row, table.rowCount, stored, onChunk);
}

async function saveChunks(db: LooplabDB, row: DatasetRow, rowCount: number, columns: readonly StoredColumn[], onChunk?: (written: number, total: number) => void): Promise<void> {
  if (row.columns.length !== columns.length) throw new Error('column metadata and values disagree');
  const total = columns.length * Math.ceil(rowCount / CHUNK_ROWS);
  // db.projects is in the transaction so the project cannot be deleted before this commits.
  await write(db, [db.datasets, db.chunks, db.projects], async () => {
    await mustGetProject(db, row.projectId);
    await db.datasets.put({ ...row, status: 'importing' });
    let written = 0;
    for (const [index, column] of columns.entries()) {
      // One column at a time: a single bulk write per column keeps round trips few, while
      // only one column's copies (a few MB) exist at once.
      const chunks: ChunkRow[] = column.dictionary ? [{ datasetId: row.id, column: index, chunk: -1, dictionary: column.dictionary }] : [];
      for (let chunk = 0; chunk < column.chunks; chunk++) chunks.push({ datasetId: row.id, column: index, chunk, ...column.buffers(chunk) });
      await db.chunks.bulkPut(chunks);
      written += column.chunks;
      onChunk?.(written, total);
    }
    await db.datasets.update(row.id, { status: 'ready' });
  });
}

/** A stored dataset's values, assembled into one typed array per column. */
export async function loadTable(db: LooplabDB, datasetId: string): Promise<{ row: DatasetRow; table: Table }> {
  const row = await db.datasets.get(datasetId);
  if (!row || row.status !== 'ready') throw new UserFacingError('This dataset is no longer stored; it may have been deleted.');
  const n = row.rowCount;
  const columns = await Promise.all(
    row.columns.map(async (meta, index): Promise<Column> => {
      const chunks = await db.chunks.where('[datasetId+column+chunk]').between(...prefixBounds([datasetId, index], 1)).toArray();
      const values = allocValues(meta.kind, n);
      const valid = new Uint8Array(bitmapBytes(n));
      let dictionary: string[] | undefined;
      for (const c of chunks) {
        if (c.chunk < 0) {
          dictionary = c.dictionary;
          continue;
        }
        const start = c.chunk * CHUNK_ROWS;
        if (c.values) values.set(new (values.constructor as new (b: ArrayBuffer) => ColumnValues)(c.values), start);
        if (c.valid) valid.set(new Uint8Array(c.valid), start >> 3);
      }
      const column: Column = { name: meta.name, kind: meta.kind, values, valid };
      if (dictionary) column.dictionary = dictionary;
      if (meta.words) column.words = meta.words;
      return column;
    }),
  );
  return { row, table: { rowCount: n, columns } };
}

/** Delete a dataset with its chunks, profile and splits, in one transaction. */
export async function deleteDataset(db: LooplabDB, datasetId: string): Promise<void> {
  await write(db, [db.datasets, db.chunks, db.profiles, db.splits, db.projects], async () => {
    const row = await db.datasets.get(datasetId);
    await db.chunks.where('[datasetId+column+chunk]').between(...prefixBounds([datasetId], 2)).delete();
    await db.profiles.delete(datasetId);
    await db.splits.where('datasetId').equals(datasetId).delete();
    await db.datasets.delete(datasetId);
    if (row) {
      const project = await db.projects.get(row.projectId);
      if (project?.activeDatasetId === datasetId) await db.projects.update(row.projectId, { activeDatasetId: null });
    }
  });
}

/** Make a dataset the one the later stages use. */
export async function setActiveDataset(db: LooplabDB, projectId: string, datasetId: string | null): Promise<void> {
  await write(db, [db.projects], () => db.projects.update(projectId, { activeDatasetId: datasetId, updatedAt: Date.now() }).then(() => undefined));
}

/**
 * Remove datasets left 'importing' by a crash or a closed tab. One-transaction saves make this
 * rare (an aborted transaction leaves nothing), but a killed browser mid-commit is swept here.
 */
export async function sweepUnfinishedImports(db: LooplabDB): Promise<number> {
  const stale = (await db.datasets.toArray()).filter((r) => r.status !== 'ready');
  for (const row of stale) await deleteDataset(db, row.id);
  return stale.length;
}

/** The dataset the later stages use: the project's chosen one, else its newest ready one. */
export async function activeDataset(db: LooplabDB, projectId: string): Promise<DatasetRow | null> {
  const project = await db.projects.get(projectId);
  if (project?.activeDatasetId) {
    const chosen = await db.datasets.get(project.activeDatasetId);
    if (chosen?.status === 'ready') return chosen;
  }
  return (await listDatasets(db, projectId))[0] ?? null;
}
