/**
 * A few rows' values of one numeric column of a stored dataset, read from only the chunks that
 * hold them: the Evaluate page needs twenty targets in float64, not the whole table.
 */
import { isValid } from '../shared/column';
import { CHUNK_ROWS } from './rows';
import type { LooplabDB } from './schema';

/** Row → value, for the rows asked for that hold a value; empty when the dataset or numeric column is not there. */
export async function numericValuesAt(db: LooplabDB, datasetId: string, columnName: string, rows: readonly number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  const dataset = await db.datasets.get(datasetId);
  const column = dataset?.columns.findIndex((c) => c.name === columnName) ?? -1;
  if (!dataset || dataset.status !== 'ready' || column < 0 || dataset.columns[column]!.kind !== 'numeric') return out;
  const wanted = rows.filter((r) => r >= 0 && r < dataset.rowCount);
  const chunkIds = [...new Set(wanted.map((r) => Math.floor(r / CHUNK_ROWS)))];
  // The table's key type names the column a string; it is stored as its index, a number.
  const keys = chunkIds.map((c) => [datasetId, column, c] as unknown as [string, string, number]);
  const chunks = new Map((await db.chunks.bulkGet(keys)).map((c, i) => [chunkIds[i]!, c]));
  for (const row of wanted) {
    const chunk = chunks.get(Math.floor(row / CHUNK_ROWS));
    if (!chunk?.values || !chunk.valid) continue;
    const at = row % CHUNK_ROWS;
    if (isValid(new Uint8Array(chunk.valid), at)) out.set(row, new Float64Array(chunk.values)[at]!);
  }
  return out;
}
