/**
 * The encoding a second file is read in, in the merge flow: detected when the file is chosen,
 * then changed by the learner as often as they like, each change reading the file's columns and
 * the preview shown again in it, nothing stored until the merge is applied. The worker's calls
 * are answered by the worker's own code (inspectHead, previewMerge), run here in Node.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { columnFromStrings } from '../../../src/data/column-builder';
import { DataState } from '../../../src/data/data.svelte';
import type { TextEncoding } from '../../../src/data/dialect';
import { HEAD_BYTES, inspectHead } from '../../../src/data/inspect';
import { MergeState } from '../../../src/data/merge.svelte';
import type { Table } from '../../../src/shared/column';
import { createProject } from '../../../src/storage/projects';
import { LooplabDB } from '../../../src/storage/schema';
import type { MergeRequest } from '../../../src/workers/import-protocol';
import { columnMetas, previewMerge } from '../../../src/workers/in-worker/derived-datasets';
import { datasetRow } from '../../helpers/rows';
import { forgetCalls, waitingCalls, worker } from '../../helpers/import-worker-stub';
import { freshName } from '../../storage/legacy';

vi.mock('../../../src/workers/worker-handle', async (original) => (await import('../../helpers/import-worker-stub')).stubbedWorkerHandle(await original()));

const bytes = (...parts: (string | readonly number[])[]) => parts.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p) : Uint8Array.from(p)));
/** 'José' and 'Renée' as Windows-1252 writes them: é is the one byte 0xE9, which is not UTF-8. */
const JOSE = ['Jos', [0xe9]] as const;
const RENEE = ['Ren', [0xe9], 'e'] as const;
/** A second file with the dataset's columns, written by Excel on Windows. */
const accents = () => new File(bytes('id,name\n2,', ...JOSE, '\n3,', ...RENEE, '\n'), 'accents.csv');

/** The dataset the file is merged into: id 1, Ann. */
const parent: { row: ReturnType<typeof datasetRow>; table: Table } = (() => {
  const table: Table = {
    rowCount: 1,
    columns: [columnFromStrings('id', 'numeric', ['1'], { decimalComma: false }), columnFromStrings('name', 'categorical', ['Ann'], { decimalComma: false })],
  };
  return { row: datasetRow({ id: 'a', projectId: 'p', name: 'people', rowCount: 1, columns: columnMetas(table) }), table };
})();

/** Answer the oldest waiting inspect as the worker does: the file's head, read under the overrides given. */
async function answerInspect(): Promise<unknown[]> {
  const [call] = await waitingCalls('inspect');
  const [file, overrides] = call!.args as [File, { encoding?: TextEncoding }];
  call!.resolve(inspectHead(new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer()), file, overrides));
  return call!.args;
}

/** Answer the oldest waiting merge preview as the worker does, and say what it was asked. */
async function answerPreview(): Promise<MergeRequest> {
  const [call] = await waitingCalls('previewMerge');
  const request = call!.args[0] as MergeRequest;
  call!.resolve(await previewMerge(request, async () => parent));
  return request;
}

/** A merge state with `file` chosen, its start inspected. */
async function chosen(file: File): Promise<MergeState> {
  const merge = new MergeState(data);
  const choosing = merge.choose(file);
  expect(await answerInspect()).toEqual([file, {}]);
  await choosing;
  return merge;
}

/** The preview's value of the name column in its last row. */
const lastName = (merge: MergeState) => merge.preview?.rows.at(-1)?.[1];

let db: LooplabDB;
let data: DataState;
beforeEach(async () => {
  forgetCalls();
  db = new LooplabDB(freshName());
  await db.open();
  const project = await createProject(db, 'P', {});
  // Svelte's server build runs no effects: the state is given the dataset they would load.
  data = new DataState(project.id, db);
  data.datasets = [parent.row];
  data.activeDatasetId = 'a';
});
afterEach(() => db.close());

describe('the encoding of a second file', () => {
  test('is detected when the file is chosen: Windows-1252 for a start that is not UTF-8, with the column names read in it', async () => {
    const merge = await chosen(accents());
    expect(merge.encoding).toBe('windows-1252');
    expect(merge.fileColumns).toEqual(['id', 'name']);
  });

  test('changed back and forth, reads the preview shown again in each, storing nothing', async () => {
    const file = accents();
    const merge = await chosen(file);
    const showing = merge.show({ file, how: 'append' });
    expect(await answerPreview()).toEqual({ file, how: 'append', parentId: 'a' });
    await showing;
    expect(lastName(merge)).toBe('Renée');

    // UTF-8, as chosen: the é bytes become '\uFFFD', on view in the preview, which does not stop to ask.
    let reading = merge.readAs('utf-8');
    expect(merge.encoding).toBe('utf-8');
    expect(await answerInspect()).toEqual([file, { encoding: 'utf-8' }]);
    expect(await answerPreview()).toEqual({ file, how: 'append', parentId: 'a', encoding: 'utf-8', keepNotUtf8: true });
    await reading;
    expect(merge.error).toBeNull();
    expect(merge.preview?.rows.map((r) => r[1])).toEqual(['Ann', 'Jos\uFFFD', 'Ren\uFFFDe']);

    reading = merge.readAs('windows-1252');
    expect(await answerInspect()).toEqual([file, { encoding: 'windows-1252' }]);
    expect(await answerPreview()).toEqual({ file, how: 'append', parentId: 'a', encoding: 'windows-1252' });
    await reading;
    expect(merge.encoding).toBe('windows-1252');
    expect(merge.preview?.rows.map((r) => r[1])).toEqual(['Ann', 'José', 'Renée']);

    reading = merge.readAs('utf-8');
    await answerInspect();
    await answerPreview();
    await reading;
    expect(lastName(merge)).toBe('Ren\uFFFDe');

    // Only ever previewed: nothing was asked to be stored.
    expect(worker.calls.map((c) => c.method)).not.toContain('applyMerge');
  });

  test('chosen before the first preview is the one the preview reads, and reads nothing more until then', async () => {
    const file = accents();
    const merge = await chosen(file);
    const reading = merge.readAs('utf-8');
    await answerInspect();
    await reading;
    expect(worker.calls.filter((c) => c.method === 'inspect')).toHaveLength(2);
    expect(worker.calls.some((c) => c.method === 'previewMerge')).toBe(false);
    const showing = merge.show({ file, how: 'append' });
    expect(await answerPreview()).toMatchObject({ encoding: 'utf-8', keepNotUtf8: true });
    await showing;
    expect(lastName(merge)).toBe('Ren\uFFFDe');
  });

  test('after a preview that failed, reads it again in the new encoding, the header named as that encoding reads it', async () => {
    // The dataset has "name"; this file's header says "Prénom" in Windows-1252, so it cannot be appended in either.
    const file = new File(bytes('id,Pr', [0xe9], 'nom\n2,Eve\n'), 'prenoms.csv');
    const merge = await chosen(file);
    const showing = merge.show({ file, how: 'append' });
    await answerPreview();
    await showing;
    expect(merge.error).toContain('"Prénom"');
    const reading = merge.readAs('utf-8');
    await answerInspect();
    await answerPreview();
    await reading;
    expect(merge.fileColumns).toEqual(['id', 'Pr\uFFFDnom']);
    expect(merge.error).toContain('"Pr\uFFFDnom"');
  });

  test('a join key named with a letter the encoding reads differently stays the same column of the file', async () => {
    const file = new File(bytes('Pr', [0xe9], 'nom,city\nAnn,Oslo\n'), 'cities.csv');
    const merge = await chosen(file);
    expect(merge.fileColumns).toEqual(['Prénom', 'city']);
    const showing = merge.show({ file, how: 'left', leftKey: 'name', rightKey: 'Prénom' });
    await answerPreview();
    await showing;
    expect(merge.preview?.rows[0]).toEqual(['1', 'Ann', 'Oslo']);

    const reading = merge.readAs('utf-8');
    await answerInspect();
    expect(await answerPreview()).toMatchObject({ leftKey: 'name', rightKey: 'Pr\uFFFDnom', encoding: 'utf-8' });
    await reading;
    expect(merge.error).toBeNull();
    expect(merge.preview?.rows[0]).toEqual(['1', 'Ann', 'Oslo']);
  });

  test('a file whose start is UTF-8 asks again about bytes past it when UTF-8 is chosen after Windows-1252', async () => {
    const head = `id,name\n${Array.from({ length: 30_000 }, (_, i) => `${i + 2},Paris`).join('\n')}\n`;
    const file = new File(bytes(head, '30002,', ...JOSE, '\n'), 'late.csv');
    const merge = await chosen(file);
    expect(merge.encoding).toBe('utf-8');
    const showing = merge.show({ file, how: 'append' });
    await answerPreview();
    await showing;
    expect(merge.canChooseEncoding).toBe(true);

    // The question's answer is the encoding chosen from now on.
    let reading = merge.showAsWindows1252();
    expect(merge.encoding).toBe('windows-1252');
    expect(await answerInspect()).toEqual([file, { encoding: 'windows-1252' }]);
    await answerPreview();
    await reading;
    expect(merge.preview?.rowCount).toBe(30_002);
    expect(lastName(merge)).toBe('Paris');

    reading = merge.readAs('utf-8');
    await answerInspect();
    expect(await answerPreview()).toEqual({ file, how: 'append', parentId: 'a', encoding: 'utf-8' });
    await reading;
    expect(merge.preview).toBeNull();
    expect(merge.canChooseEncoding).toBe(true);
  });

  test('a newer choice overtakes a slower read of the file', async () => {
    const file = accents();
    const merge = await chosen(file);
    const showing = merge.show({ file, how: 'append' });
    await answerPreview();
    await showing;
    const first = merge.readAs('utf-8');
    const second = merge.readAs('windows-1252');
    const [slow, fast] = await waitingCalls('inspect', 2);
    const answer = async (call: typeof slow) => {
      const [f, overrides] = call!.args as [File, { encoding?: TextEncoding }];
      call!.resolve(inspectHead(new Uint8Array(await f.arrayBuffer()), f, overrides));
    };
    await answer(fast);
    await answer(slow);
    expect(await answerPreview()).toMatchObject({ encoding: 'windows-1252' });
    await Promise.all([first, second]);
    expect(merge.encoding).toBe('windows-1252');
    expect(worker.calls.filter((c) => c.method === 'previewMerge')).toHaveLength(2);
    expect(lastName(merge)).toBe('Renée');
  });

  test('choosing another file forgets the encoding chosen for the last', async () => {
    const merge = await chosen(accents());
    const reading = merge.readAs('utf-8');
    await answerInspect();
    await reading;
    const next = new File(bytes('id,name\n4,', ...JOSE, '\n'), 'next.csv');
    const choosing = merge.choose(next);
    expect(merge.encoding).toBeNull();
    expect(await answerInspect()).toEqual([next, {}]);
    await choosing;
    expect(merge.encoding).toBe('windows-1252');
    const showing = merge.show({ file: next, how: 'append' });
    expect(await answerPreview()).toEqual({ file: next, how: 'append', parentId: 'a' });
    await showing;
  });
});

describe('what discarding a preview forgets', () => {
  const headerOnly = () => new File(bytes('id,name\n'), 'header-only.csv');

  test('a problem with the chosen file stays when only the preview goes (the way to merge changed), and goes with the file', async () => {
    const merge = await chosen(headerOnly());
    expect(merge.error).toBe('"header-only.csv" has a header row but no data rows.');
    merge.discardPreview();
    expect(merge.error).toBe('"header-only.csv" has a header row but no data rows.');
    await merge.choose(null);
    expect(merge.error).toBeNull();
  });

  test('a problem with the preview goes with it, as does the question about the encoding', async () => {
    const file = new File(bytes('id,Name\n2,Eve\n'), 'misnamed.csv');
    const merge = await chosen(file);
    expect(merge.error).toBeNull();
    const showing = merge.show({ file, how: 'append' });
    await answerPreview();
    await showing;
    expect(merge.error).toContain('"Name"');
    merge.discardPreview();
    expect(merge.error).toBeNull();
    expect(merge.canChooseEncoding).toBe(false);
  });

  test('a file read well in another encoding no longer shows the problem it had in the first', async () => {
    const merge = await chosen(headerOnly());
    expect(merge.error).not.toBeNull();
    const file = new File(bytes('id,name\n2,Eve\n'), 'fixed.csv');
    const choosing = merge.choose(file);
    expect(merge.error).toBeNull();
    await answerInspect();
    await choosing;
    expect(merge.fileColumns).toEqual(['id', 'name']);
  });
});
