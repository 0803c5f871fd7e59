/**
 * UTF-8 chosen in the import preview for a file whose start is not UTF-8 (detected as
 * Windows-1252): the preview already shows those bytes as '\uFFFD', so the import reads them the
 * same way without asking — the question would say "though the start of the file is", which is
 * false — and its notes name the line. The worker's calls are answered by the worker's own code
 * (inspectHead; the file read in parts, then the question the import worker asks), run in Node.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { readCsvInParts } from '../../../src/data/csv-parallel';
import { encodingQuestion } from '../../../src/data/csv-outcome';
import { readCsvPart, type StreamOptions } from '../../../src/data/csv-part';
import { DataState } from '../../../src/data/data.svelte';
import type { TextEncoding } from '../../../src/data/dialect';
import { HEAD_BYTES, inspectHead } from '../../../src/data/inspect';
import { keepsNotUtf8 } from '../../../src/data/not-utf8-choice';
import { createProject } from '../../../src/storage/projects';
import { LooplabDB } from '../../../src/storage/schema';
import type { ImportJob, ImportOutcome } from '../../../src/workers/import-protocol';
import { forgetCalls, waitingCalls } from '../../helpers/import-worker-stub';
import { freshName } from '../../storage/legacy';

vi.mock('../../../src/workers/worker-handle', async (original) => (await import('../../helpers/import-worker-stub')).stubbedWorkerHandle(await original()));

const utf8 = (text: string) => new TextEncoder().encode(text);
/** 'José' as Windows-1252 writes it, on line 2: é is the one byte 0xE9, which is not UTF-8. */
const accents = () => new File([utf8('id,name\n1,Jos'), Uint8Array.from([0xe9]), utf8('\n2,Ann\n')], 'people.csv');

/** Answer the oldest waiting inspect as the worker does: the file's head, read under the overrides given. */
async function answerInspect(): Promise<unknown[]> {
  const [call] = await waitingCalls('inspect');
  const [file, overrides] = call!.args as [File, { encoding?: TextEncoding }];
  call!.resolve(inspectHead(new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer()), file, overrides));
  return call!.args;
}

/** Answer the oldest waiting import as the worker does up to storing: read the file, ask about bytes that are not UTF-8, or say what it notes. */
async function answerImport(): Promise<ImportJob> {
  const [call] = await waitingCalls('importFile');
  const job = call!.args[0] as ImportJob;
  const { file, inspection } = job;
  const options: StreamOptions = { dialect: inspection.dialect, encoding: inspection.encoding, columns: inspection.columns, skipRagged: job.skipRagged };
  const parsed = await readCsvInParts(file, options, 1, (range, _k, onProgress) => readCsvPart(file, options, range, onProgress));
  if (!parsed.ok) throw new Error(parsed.problem);
  const question = encodingQuestion(file.name, inspection.encoding, parsed.notUtf8Line, job.keepNotUtf8 ?? false);
  const notes = [...inspection.headerNotes, ...parsed.notes];
  const timings = { hash: 0, read: 0, save: 0, parts: 1 };
  const outcome: ImportOutcome = question
    ? { ok: false, reason: 'not-utf8', problem: question }
    : { ok: true, datasetId: 'new', rowCount: parsed.table.rowCount, columnCount: parsed.table.columns.length, notes, timings };
  call!.resolve(outcome);
  return job;
}

let db: LooplabDB;
let state: DataState;
beforeEach(async () => {
  forgetCalls();
  vi.stubGlobal('navigator', {});
  db = new LooplabDB(freshName());
  await db.open();
  const project = await createProject(db, 'P', {});
  state = new DataState(project.id, db);
});
afterEach(() => {
  db.close();
  vi.unstubAllGlobals();
});

/** The preview of `file`, its start inspected and hashed. */
async function previewed(file: File): Promise<void> {
  const choosing = state.chooseFile(file);
  expect(await answerInspect()).toEqual([file, {}]);
  (await waitingCalls('hash'))[0]!.resolve('h');
  await choosing;
}

describe('UTF-8 chosen in the import preview', () => {
  test('for a file whose start is not UTF-8: imports without asking, the bytes read as "\uFFFD", a note naming the line', async () => {
    const file = accents();
    await previewed(file);
    expect(state.pending!.inspection.encoding).toBe('windows-1252');
    const changing = state.changeSettings({ encoding: 'utf-8' });
    await answerInspect();
    await changing;
    expect(state.pending!.inspection.encoding).toBe('utf-8');

    const importing = state.startImport();
    const job = await answerImport();
    await importing;
    expect(state.error).toBeNull();
    expect(job.keepNotUtf8).toBe(true);
    expect(state.canChooseEncoding).toBe(false);
    expect(state.notes).toContain('Line 2 of the file has bytes that are not UTF-8; read as UTF-8, as chosen, they became "\uFFFD".');
  });

  test('for a file whose start is UTF-8: bytes further on still stop the import with the question', async () => {
    // A start of plain ASCII longer than the head the preview reads, then 'José' in Windows-1252.
    const head = `id,name\n${Array.from({ length: 30_000 }, (_, i) => `${i},Ann`).join('\n')}\n`;
    const file = new File([utf8(`${head}30000,Jos`), Uint8Array.from([0xe9]), utf8('\n')], 'late.csv');
    await previewed(file);
    expect(state.pending!.inspection.encoding).toBe('utf-8');
    const changing = state.changeSettings({ encoding: 'utf-8' });
    await answerInspect();
    await changing;

    const importing = state.startImport();
    const job = await answerImport();
    await importing;
    expect(job.keepNotUtf8).toBeFalsy();
    expect(state.error).toMatch(/^"late\.csv": line 30,002 of the file has bytes that are not UTF-8, though the start of the file is, and nothing was stored\./);
    expect(state.canChooseEncoding).toBe(true);
  });
});

describe('the rule the import and a merge share', () => {
  test('reads bytes that are not UTF-8 without asking when the learner said so, or chose UTF-8 for a start that is not', () => {
    expect(keepsNotUtf8(false, 'utf-8', 'windows-1252')).toBe(true);
    expect(keepsNotUtf8(true, 'utf-8', 'utf-8')).toBe(true);
    expect(keepsNotUtf8(false, 'utf-8', 'utf-8')).toBe(false);
    expect(keepsNotUtf8(false, undefined, 'windows-1252')).toBe(false);
    expect(keepsNotUtf8(false, 'windows-1252', 'windows-1252')).toBe(false);
  });
});
