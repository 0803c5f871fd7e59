/**
 * A second file written in Windows-1252, appended or joined: detected from its start as an import
 * is, and, where only bytes past the start are not UTF-8, the preview stops and asks, as an import
 * does, rather than combining "\uFFFD" into the new dataset.
 */
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, test } from 'vitest';
import { columnFromStrings } from '../../../src/data/column-builder';
import { formatCell } from '../../../src/data/format-cell';
import type { Table } from '../../../src/shared/column';
import { getDb } from '../../../src/storage/database';
import { loadTable, saveDataset } from '../../../src/storage/datasets';
import { createProject } from '../../../src/storage/projects';
import type { DatasetRow } from '../../../src/storage/rows';
import type { MergeRequest } from '../../../src/workers/import-protocol';
import { applyMerge, columnMetas, previewMerge } from '../../../src/workers/in-worker/derived-datasets';
import { datasetRow } from '../../helpers/rows';

const ascii = (text: string) => new TextEncoder().encode(text);
/** 'café' written in Windows-1252: 0x63 0x61 0x66 0xE9. */
const CAFE_1252 = [0x63, 0x61, 0x66, 0xe9];

let parent: { row: DatasetRow; table: Table };
beforeAll(async () => {
  const projectId = (await createProject(getDb(), 'Merge encodings', {})).id;
  const table: Table = {
    rowCount: 1,
    columns: [columnFromStrings('id', 'numeric', ['1'], { decimalComma: false }), columnFromStrings('place', 'categorical', ['Oslo'], { decimalComma: false })],
  };
  const row = datasetRow({ id: 'enc', projectId, name: 'P', rowCount: 1, columns: columnMetas(table) });
  await saveDataset(getDb(), row, table);
  parent = { row, table };
});

const preview = (request: Omit<MergeRequest, 'parentId'>) => previewMerge({ ...request, parentId: 'enc' }, async () => parent);

/** More than the 256 KB the start is judged on, all ASCII, then 'café' in Windows-1252 on line 30,002. */
function lateFile(): File {
  const head = `id,place\n${Array.from({ length: 30_000 }, (_, i) => `${i + 2},Paris`).join('\n')}\n`;
  return new File([ascii(`${head}30002,`), Uint8Array.from(CAFE_1252), ascii('\n')], 'late.csv');
}

/** The stored values of `column` in the dataset a preview makes. */
async function storedCells(token: number, column: number): Promise<string[]> {
  const outcome = await applyMerge(token, 'merged');
  if (!outcome.ok) throw new Error(outcome.problem);
  const { table } = await loadTable(getDb(), outcome.datasetId);
  const c = table.columns[column]!;
  return Array.from({ length: table.rowCount }, (_, r) => formatCell(c, r));
}

describe('a second file in Windows-1252', () => {
  test('whose start is not UTF-8 is read as Windows-1252, and the notes say so', async () => {
    const file = new File([ascii('id,place\n2,'), Uint8Array.from(CAFE_1252), ascii('\n')], 'small.csv');
    const result = await preview({ file, how: 'append' });
    if (!result.ok) throw new Error(result.problem);
    expect(result.rows).toEqual([
      ['1', 'Oslo'],
      ['2', 'café'],
    ]);
    expect(result.notes).toContain('"small.csv" was read as Windows-1252, because its start is not UTF-8.');
  });

  test('whose start is plain ASCII stops the preview with the import’s question, and keeps nothing to apply', async () => {
    const result = await preview({ file: lateFile(), how: 'append' });
    expect(result).toEqual({
      ok: false,
      reason: 'not-utf8',
      problem:
        '"late.csv": line 30,002 of the file has bytes that are not UTF-8, though the start of the file is, and nothing was stored. ' +
        'If the file was saved as Windows-1252 (as Excel on Windows often does), preview it as Windows-1252. Or preview it as UTF-8 anyway, with those bytes read as "\uFFFD".',
    });
    expect(await applyMerge(1, 'x')).toEqual({ ok: false, problem: 'This preview is out of date; preview the merge again.' });
  });

  test('read as Windows-1252 when the learner says so: appended with the accent, no note about it', async () => {
    const result = await preview({ file: lateFile(), how: 'append', encoding: 'windows-1252' });
    if (!result.ok) throw new Error(result.problem);
    expect(result.rowCount).toBe(30_002);
    expect(result.notes.join(' ')).not.toContain('UTF-8');
    expect((await storedCells(result.token, 1)).at(-1)).toBe('café');
  });

  test('joined the same way', async () => {
    const stopped = await preview({ file: lateFile(), how: 'left', leftKey: 'id', rightKey: 'id' });
    expect(stopped).toMatchObject({ ok: false, reason: 'not-utf8' });
    const result = await preview({ file: lateFile(), how: 'left', leftKey: 'id', rightKey: 'id', encoding: 'windows-1252' });
    expect(result).toMatchObject({ ok: true, rowCount: 1 });
  });

  test('kept as UTF-8 when the learner says so, the bytes read as "\uFFFD" and named in a note', async () => {
    const result = await preview({ file: lateFile(), how: 'append', keepNotUtf8: true });
    if (!result.ok) throw new Error(result.problem);
    expect(result.notes.some((n) => n.startsWith('Line 30,002 of the file has bytes that are not UTF-8'))).toBe(true);
    expect((await storedCells(result.token, 1)).at(-1)).toBe('caf\uFFFD');
  });
});
