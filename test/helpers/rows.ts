/** Stored rows for tests, complete with every required field. */
import type { DatasetRow } from '../../src/storage/rows';

export function datasetRow(overrides: Partial<DatasetRow> & { id: string; projectId: string }): DatasetRow {
  return {
    parentId: null,
    name: overrides.id,
    status: 'ready',
    createdAt: 1,
    source: { fileName: 'a.csv', size: 10, hash: 'h', encoding: 'utf-8', delimiter: ',', quoteChar: '"', hasHeader: true, decimalComma: false },
    recipe: { kind: 'import' },
    rowCount: 0,
    columns: [],
    notes: [],
    ...overrides,
  };
}
