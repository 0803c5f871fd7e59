/** The Largest errors table of a regression run reads its actual values from the run's dataset, in float64. */
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { bitmapBytes, setValid, type Column } from '../../../src/shared/column';
import { getDb } from '../../../src/storage/database';
import { saveDataset } from '../../../src/storage/datasets';
import { createProject } from '../../../src/storage/projects';
import { largestErrorRows } from '../../../src/workers/in-worker/largest-errors';
import { datasetRow, evaluationRow, runRow } from '../../helpers/rows';

describe('largest errors of a stored regression run', () => {
  test('the actual values are the dataset’s own, not the float32 ones stored with the predictions', async () => {
    const db = getDb();
    const price: Column = { name: 'price', kind: 'numeric', values: Float64Array.of(250123.5, 123456789, 1234567), valid: new Uint8Array(bitmapBytes(3)) };
    [0, 1, 2].forEach((i) => setValid(price.valid, i));
    const { id: projectId } = await createProject(db, 'P', {});
    await saveDataset(db, datasetRow({ id: 'houses', projectId, rowCount: 3, columns: [{ name: 'price', kind: 'numeric', missing: 0 }] }), { rowCount: 3, columns: [price] });
    await db.runs.put(runRow({ id: 'r', projectId, datasetId: 'houses', target: 'price', task: 'regression' }));
    const e = evaluationRow({ id: 'e', runId: 'r', rows: Uint32Array.of(0, 1, 2), yTrue: Float32Array.from(price.values), predictions: Float32Array.of(250000, 123000000, 1234567.2) });
    const rows = await largestErrorRows(e);
    expect(rows.map((r) => [r.row, r.truth, r.scoreText])).toEqual([
      [1, '123456789', '456789'],
      [0, '250123.5', '123.5'],
      [2, '1234567', '0.25'],
    ]);
  });
});
