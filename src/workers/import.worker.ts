/// <reference lib="webworker" />
/** The import worker: reads, parses and stores CSV files off the page. */
import * as Comlink from 'comlink';
import { createXXHash64 } from 'hash-wasm';
import { partCount, readCsvInParts } from '../data/csv-parallel';
import { encodingQuestion } from '../data/csv-outcome';
import { HEAD_BYTES, inspectHead } from '../data/inspect';
import { importSource } from '../data/import-source';
import type { Table } from '../shared/column';
import { formatCell } from '../data/format-cell';
import { getDb } from '../storage/database';
import { getDataset, loadTable, saveChunkedDataset } from '../storage/datasets';
import { describeError, UserFacingError } from '../shared/errors';
import { saveProfile } from '../storage/profiles';
import { PROFILE_VERSION, profileTable } from '../data/profile';
import { datasetWarnings } from '../data/warnings';
import { correlationMatrix } from '../data/correlation';
import { scatterSample } from '../data/scatter-sample';
import { CHUNK_ROWS } from '../storage/rows';
import { partReader, prepareHelpers } from './in-worker/part-workers';
import { applyMerge, datasetRowFor, discardMerge, previewMerge, retypeDataset } from './in-worker/derived-datasets';
import type { ImportJob, ImportOutcome, ImportProgress, ImportWorkerApi } from './import-protocol';

const HASH_SLICE = 8 * 1024 * 1024;
/** At most this many progress messages a second reach the page. */
const PROGRESS_INTERVAL_MS = 100;

/** The dataset the table scrolls through, kept so each scroll step is a lookup, not a load. */
let opened: { id: string; table: Table } | null = null;

async function openedTable(datasetId: string): Promise<Table> {
  if (opened?.id !== datasetId) opened = { id: datasetId, table: (await loadTable(getDb(), datasetId)).table };
  return opened.table;
}

/** How many parts this machine reads `file` in, side by side. */
const partsFor = (file: File) => partCount(file.size, navigator.hardwareConcurrency ?? 1);

const api: ImportWorkerApi = {
  async inspect(file, overrides) {
    const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
    const result = inspectHead(head, { name: file.name, size: file.size }, overrides);
    const parts = partsFor(file);
    if (result.ok && parts > 1) {
      const { dialect, encoding, columns } = result.inspection;
      prepareHelpers(file, { dialect, encoding, columns, skipRagged: false }, parts - 1);
    }
    return result;
  },

  async hash(file) {
    const hasher = await createXXHash64();
    hasher.init();
    for (let start = 0; start < file.size; start += HASH_SLICE) {
      hasher.update(new Uint8Array(await file.slice(start, start + HASH_SLICE).arrayBuffer()));
    }
    return hasher.digest('hex');
  },

  async importFile(job: ImportJob, onProgress): Promise<ImportOutcome> {
    // Free the table kept for scrolling: an import needs the memory more, and the table is reloaded on demand.
    opened = null;
    const { inspection, file } = job;
    let lastSent = 0;
    const report = (p: Omit<ImportProgress, 'jobId'>, force = false) => {
      const now = performance.now();
      if (!force && now - lastSent < PROGRESS_INTERVAL_MS) return;
      lastSent = now;
      onProgress({ jobId: job.jobId, ...p });
    };

    const t0 = performance.now();
    const hash = job.hash ?? (await api.hash(file));
    const db = getDb();
    await db.open();
    const t1 = performance.now();

    const options = { dialect: inspection.dialect, encoding: inspection.encoding, columns: inspection.columns, skipRagged: job.skipRagged };
    const parts = partsFor(file);
    const parsed = await readCsvInParts(file, options, parts, partReader(file, options), (p) => report({ phase: 'reading', ...p, chunksWritten: 0, totalChunks: 0 }));
    if (!parsed.ok) {
      return { ok: false, reason: parsed.reason, problem: parsed.problem };
    }
    // Asked before anything is stored, so answering either way changes nothing stored.
    const question = encodingQuestion(file.name, inspection.encoding, parsed.notUtf8Line, job.keepNotUtf8 ?? false);
    if (question) return { ok: false, reason: 'not-utf8', problem: question };

    const t2 = performance.now();
    const { table } = parsed;
    const notes = [...inspection.headerNotes, ...parsed.notes];
    const row = datasetRowFor(table, {
      projectId: job.projectId,
      name: job.datasetName,
      source: importSource(file, hash, inspection),
      recipe: job.recipe,
      notes,
    });
    const totalChunks = table.columns.length * Math.ceil(table.rowCount / CHUNK_ROWS);
    const saving = (chunksWritten: number) =>
      report({ phase: 'saving', bytesRead: file.size, totalBytes: file.size, rows: table.rowCount, chunksWritten, totalChunks }, chunksWritten === totalChunks);
    try {
      await saveChunkedDataset(db, row, table, saving);
    } catch (e) {
      return { ok: false, reason: 'storage', problem: `"${file.name}" was read, but could not be stored, and nothing was saved. ${describeError(e)}` };
    }
    const t3 = performance.now();
    const timings = { hash: (t1 - t0) / 1000, read: (t2 - t1) / 1000, save: (t3 - t2) / 1000, parts };
    return { ok: true, datasetId: row.id, rowCount: table.rowCount, columnCount: table.columns.length, notes, timings };
  },

  async profile(datasetId, target) {
    const start = performance.now();
    const { table } = await loadTable(getDb(), datasetId);
    const loaded = performance.now();
    const columns = profileTable(table);
    const warnings = datasetWarnings(table, columns, target);
    const correlation = correlationMatrix(table);
    const profile = { columns, target, warnings, correlation, seconds: { load: (loaded - start) / 1000, profile: (performance.now() - loaded) / 1000 } };
    // Derived data, recomputed when missing: a full disk must not keep the learner from seeing it.
    await saveProfile(getDb(), { datasetId, version: PROFILE_VERSION, profile }).catch(() => undefined);
    return profile;
  },

  async rows(datasetId, start, count) {
    const table = await openedTable(datasetId);
    const end = Math.min(table.rowCount, Math.max(0, start) + Math.max(0, count));
    const out: string[][] = [];
    for (let r = Math.max(0, start); r < end; r++) out.push(table.columns.map((c) => formatCell(c, r)));
    return out;
  },

  async scatter(datasetId, x, y, colour) {
    return scatterSample(await openedTable(datasetId), x, y, colour);
  },

  previewMerge(request) {
    return previewMerge(request, async (id) => {
      const table = await openedTable(id);
      const row = await getDataset(getDb(), id);
      if (!row) throw new UserFacingError('This dataset is no longer stored; it may have been deleted.');
      return { row, table };
    });
  },

  applyMerge(token, name) {
    return applyMerge(token, name);
  },

  discardMerge() {
    discardMerge();
  },

  retype(datasetId, column, to) {
    return retypeDataset(datasetId, column, to);
  },

  async open(datasetId) {
    const start = performance.now();
    const { table } = await loadTable(getDb(), datasetId);
    const seconds = (performance.now() - start) / 1000;
    const rawBytes = table.columns.reduce((sum, c) => sum + c.values.byteLength + c.valid.byteLength, 0);
    return { rowCount: table.rowCount, columnCount: table.columns.length, rawBytes, seconds };
  },

};

Comlink.expose(api);
