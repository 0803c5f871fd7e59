/** Stored rows for tests, complete with every required field. */
import type { DatasetRow, HoldoutEvaluation, RunRow } from '../../src/storage/rows';

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

export function runRow(overrides: Partial<RunRow> & { id: string; projectId: string }): RunRow {
  return {
    status: 'completed',
    name: overrides.id,
    createdAt: 1,
    updatedAt: 1,
    heartbeatAt: 1,
    datasetId: 'd',
    recipeVersion: 1,
    target: 'y',
    task: 'classification',
    spec: {},
    backend: 'cpu',
    backendNote: '',
    history: [],
    bestEpoch: 0,
    layout: null,
    pipeline: null,
    baseline: null,
    rows: { train: 0, validation: 0, test: 0 },
    seconds: 0,
    message: null,
    tags: [],
    notes: '',
    starred: false,
    versions: { app: '0', tfjs: '0' },
    ...overrides,
  };
}

export function evaluationRow(overrides: Partial<HoldoutEvaluation> & { id: string; runId: string }): HoldoutEvaluation {
  return {
    kind: 'holdout',
    part: 'validation',
    rows: new Uint32Array(0),
    yTrue: new Float32Array(0),
    predictions: new Float32Array(0),
    baseline: new Float32Array(0),
    classes: null,
    createdAt: 1,
    ...overrides,
  };
}
