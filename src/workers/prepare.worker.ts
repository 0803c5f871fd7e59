/// <reference lib="webworker" />
/** The prepare worker: fits recipes on stored datasets off the page. */
import * as Comlink from 'comlink';
import { formatCell } from '../data/format-cell';
import type { Recipe } from '../prepare/recipe';
import type { Table } from '../shared/column';
import { getDb } from '../storage/database';
import { loadTable } from '../storage/datasets';
import type { FitContext } from '../prepare/step';
import { fitContextOf, prepareDataset, prepareReport, readEveryValue } from './in-worker/prepare-report';
import { forgetFits } from './in-worker/kept-fits';
import { editableRows } from './in-worker/editable-rows';
import type { EditableRows, PrepareWorkerApi } from './prepare-protocol';

/** The dataset last opened: every change to the recipe re-fits on it, so it stays in memory. */
let opened: { id: string; table: Table; context: FitContext } | null = null;

async function openedDataset(datasetId: string): Promise<{ table: Table; context: FitContext }> {
  if (opened?.id !== datasetId) {
    // Free the old one, and the fits kept of it, before loading the new one.
    opened = null;
    forgetFits();
    const { row, table } = await loadTable(getDb(), datasetId);
    opened = { id: datasetId, table, context: fitContextOf(row) };
  }
  return opened;
}

async function openedTable(datasetId: string): Promise<Table> {
  return (await openedDataset(datasetId)).table;
}

const api: PrepareWorkerApi = {
  async prepare(request, onProgress) {
    onProgress({ phase: 'loading', done: 0, total: 1 });
    const { table, context } = await openedDataset(request.datasetId);
    return prepareDataset(table, request, onProgress, context);
  },

  async readEveryValue(datasetId) {
    return readEveryValue(await openedTable(datasetId));
  },

  async report(request, onProgress) {
    onProgress({ phase: 'loading', done: 0, total: 1 });
    const { table, context } = await openedDataset(request.datasetId);
    return prepareReport(table, request, onProgress, context);
  },

  async forgetFits() {
    forgetFits();
  },

  async datasetRows(datasetId, rowIds) {
    const table = await openedTable(datasetId);
    const ids = rowIds.filter((r) => r >= 0 && r < table.rowCount);
    return {
      rowCount: table.rowCount,
      columns: table.columns.map((c) => ({ name: c.name, kind: c.kind })),
      rows: ids.map((row) => ({ row, cells: table.columns.map((c) => formatCell(c, row)) })),
    };
  },

  async rows(datasetId: string, recipe: Recipe, start: number, count: number): Promise<EditableRows> {
    const { table, context } = await openedDataset(datasetId);
    return editableRows(table, recipe, start, count, context);
  },
};

Comlink.expose(api);
