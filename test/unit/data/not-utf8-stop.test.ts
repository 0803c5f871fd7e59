/**
 * Bytes that are not UTF-8 far past the inspected head: the import stops before anything is
 * stored and asks, rather than storing "\uFFFD" and telling the learner to start again.
 */
import { describe, expect, test } from 'vitest';
import { readCsvInParts } from '../../../src/data/csv-parallel';
import { encodingQuestion } from '../../../src/data/csv-outcome';
import { readCsvPart, type StreamOptions } from '../../../src/data/csv-part';
import { inspectHead } from '../../../src/data/inspect';

const utf8 = (text: string) => new TextEncoder().encode(text);
const rows = (n: number) => Array.from({ length: n }, (_, i) => `${i},Paris\n`).join('');
const head = `id,city\n${rows(30)}`;
// Line 32: 'Zürich' in Windows-1252 (0xFC) after an ASCII head: a Windows-1252 file whose start said nothing.
const bytes = Uint8Array.from([...utf8(`${head}30,Z`), 0xfc, ...utf8(`rich\n${rows(5)}`)]);

async function read(encoding?: 'windows-1252') {
  const inspected = inspectHead(bytes.subarray(0, head.length), { name: 'f.csv', size: bytes.length }, encoding ? { encoding } : {});
  if (!inspected.ok) throw new Error(inspected.problem);
  const { dialect, columns } = inspected.inspection;
  const options: StreamOptions = { dialect, encoding: inspected.inspection.encoding, columns, skipRagged: false, chunkBytes: 64 };
  const file = new File([bytes], 'f.csv');
  const outcome = await readCsvInParts(file, options, 3, (range, _k, onProgress) => readCsvPart(file, options, range, onProgress));
  if (!outcome.ok) throw new Error(outcome.problem);
  return { inspection: inspected.inspection, outcome };
}

describe('an import that meets bytes that are not UTF-8', () => {
  test('knows the first such line, read in parts', async () => {
    const { inspection, outcome } = await read();
    expect(inspection.encoding).toBe('utf-8');
    expect(outcome.notUtf8Line).toBe(32);
  });

  test('stops with a question naming the file and line, unless the learner chose to keep UTF-8', () => {
    expect(encodingQuestion('f.csv', 'utf-8', 32, false)).toBe(
      '"f.csv": line 32 of the file has bytes that are not UTF-8, though the start of the file is, and nothing was stored. ' +
        'If the file was saved as Windows-1252 (as Excel on Windows often does), import it as Windows-1252. Or import it as UTF-8 anyway, with those bytes read as "\uFFFD".',
    );
    expect(encodingQuestion('f.csv', 'utf-8', 32, true)).toBeNull();
    expect(encodingQuestion('f.csv', 'utf-8', null, false)).toBeNull();
    expect(encodingQuestion('f.csv', 'windows-1252', 32, false)).toBeNull();
  });

  test('read as Windows-1252, the same file has the letter and no such line', async () => {
    const { outcome } = await read('windows-1252');
    expect(outcome.notUtf8Line).toBeNull();
    const city = outcome.table.columns[1]!;
    expect(city.dictionary).toContain('Zürich');
    expect(outcome.notes).toEqual([]);
  });
});
