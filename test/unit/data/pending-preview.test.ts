/** The import preview read again as the learner adjusts it, over a real inspection of a small file. */
import { describe, expect, test } from 'vitest';
import { inspectHead, type InspectResult } from '../../../src/data/inspect';
import type { PendingImport } from '../../../src/data/pending-import';
import { PendingPreview, type InspectOverrides } from '../../../src/data/pending-preview';

const CSV = 'a;b\n1;2\n3;4\n';
const inspect = (overrides: InspectOverrides = {}): InspectResult => inspectHead(new TextEncoder().encode(CSV), { name: 'f.csv', size: CSV.length }, overrides);

function pendingFile(): PendingImport {
  const result = inspect();
  if (!result.ok) throw new Error(result.problem);
  const { inspection } = result;
  return { file: new File([CSV], 'f.csv'), inspection, detectedEncoding: inspection.encoding, datasetName: 'f', recipe: { kind: 'import' }, duplicateOf: null, capacity: null, estimatedBytes: 0, skipRagged: false, hash: 'h' };
}

/** A preview of what `page.pending` holds, on a device with `storageFree` bytes left, and what it told the page. */
function previewOn(page: { pending: PendingImport | null }, storageFree: number | null = null) {
  const told = { problems: [] as (string | null)[], skipLines: [] as (string | null)[] };
  const preview = new PendingPreview({
    pending: () => page.pending,
    inspect: async (_file, overrides) => inspect(overrides),
    interrupted: () => false,
    problem: (text) => told.problems.push(text),
    skipLinesProblem: (text) => told.skipLines.push(text),
    capacity: async () => ({ storageFree, deviceMemoryGb: null }),
  });
  return { preview, told };
}

describe('the pending preview', () => {
  test('a changed setting reads the file again with the others kept, and the import is sized against the device', async () => {
    const page = { pending: pendingFile() };
    const { preview, told } = previewOn(page, 0);
    await preview.change({ dialect: { hasHeader: false } });
    expect(page.pending.inspection.dialect).toMatchObject({ delimiter: ';', hasHeader: false });
    expect(page.pending.inspection.columns).toHaveLength(2);
    expect(told.problems).toEqual([null]);
    expect(page.pending.estimatedBytes).toBeGreaterThan(0);
    expect(page.pending.capacity).toMatch(/the browser lets Looplab use only/);
  });

  test('a reread whose file is no longer pending changes nothing and says nothing', async () => {
    const first = pendingFile();
    const page: { pending: PendingImport | null } = { pending: first };
    const { preview, told } = previewOn(page);
    const before = first.inspection;
    const reading = preview.reread(first, { dialect: { hasHeader: false } });
    page.pending = null; // closed while the worker read
    expect(await reading).toBe(false);
    expect(first.inspection).toBe(before);
    expect(told.problems).toEqual([]);
  });

  test('lines to skip that cannot be used are a problem in the form, and nothing is read', async () => {
    const page = { pending: pendingFile() };
    const { preview, told } = previewOn(page);
    const before = page.pending.inspection;
    await preview.skipLines('x');
    expect(told.skipLines).toHaveLength(1);
    expect(told.skipLines[0]).toEqual(expect.any(String));
    expect(page.pending.inspection).toBe(before);
    await preview.skipLines('1');
    expect(told.skipLines.at(-1)).toBeNull();
    expect(page.pending.inspection).not.toBe(before);
    expect(page.pending.inspection.dialect.skipLines).toBe(1);
  });

  test('a type chosen for a column that is not there changes nothing', () => {
    const page = { pending: pendingFile() };
    const { preview } = previewOn(page);
    const kinds = page.pending.inspection.columns.map((c) => c.kind);
    preview.chooseKind(5, 'categorical');
    expect(page.pending.inspection.columns.map((c) => c.kind)).toEqual(kinds);
    preview.chooseKind(0, 'categorical');
    expect(page.pending.inspection.columns[0]!.kind).toBe('categorical');
  });
});
