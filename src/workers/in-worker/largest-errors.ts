/**
 * A regression run's largest errors on one part, for the Evaluate page: the actual values are read
 * back from the run's dataset in float64, since the stored ones are float32 (123456789 is stored
 * as 123456792) and the table shows each row's own value beside them.
 */
import { errorRows, largestErrors, type RowToCheck } from '../../evaluate/rows-to-check';
import { numericValuesAt } from '../../storage/dataset-values';
import { getDb } from '../../storage/database';
import type { HoldoutEvaluation } from '../../storage/rows';
import { getRun } from '../../storage/runs';

export async function largestErrorRows(e: HoldoutEvaluation, limit = 20): Promise<RowToCheck[]> {
  const db = getDb();
  const positions = largestErrors(e, limit);
  const run = await getRun(db, e.runId);
  const values = run ? await numericValuesAt(db, run.datasetId, run.target, positions.map((i) => e.rows[i]!)) : new Map<number, number>();
  return errorRows(e, positions, (row) => values.get(row));
}
