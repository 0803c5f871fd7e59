/**
 * What some exporters do to CSV files: a separator closing every line, line endings that change
 * half-way, bytes that are not UTF-8 far past the inspected head, a comment line before the
 * header, '1.234' under a decimal comma. Each file goes the whole pure import path (inspect the
 * head, then read the File in small slices, whole and in parts) and reads right, or says what it did.
 */
import { describe, expect, test } from 'vitest';
import { readCsvPart, type StreamOptions } from '../../../src/data/csv-part';
import { readCsvInParts } from '../../../src/data/csv-parallel';
import { streamCsv } from '../../../src/data/csv-stream';
import { inspectHead, type Inspection } from '../../../src/data/inspect';
import { toColumn } from '../../../src/shared/chunked-column';
import { isValid, type Column } from '../../../src/shared/column';

const utf8 = (text: string) => new TextEncoder().encode(text);

function mustInspect(bytes: Uint8Array, headBytes = bytes.length, overrides: Parameters<typeof inspectHead>[2] = {}): Inspection {
  const result = inspectHead(bytes.subarray(0, headBytes), { name: 'f.csv', size: bytes.length }, overrides);
  if (!result.ok) throw new Error(result.problem);
  return result.inspection;
}

/** A column's values as JS values, null for missing. */
function cells(column: Column): (string | number | null)[] {
  return Array.from(column.values, (v, i) => (!isValid(column.valid, i) ? null : column.dictionary ? column.dictionary[v]! : v));
}

/**
 * Inspect the head, then read the file as a File in slices of `chunkBytes`, whole and in three
 * parts; both ways must agree. Returns the whole reading (names, kinds, cells, notes) or its problem.
 */
async function importFile(text: string | Uint8Array<ArrayBuffer>, options: { headBytes?: number; chunkBytes?: number; skipRagged?: boolean } = {}) {
  const bytes = typeof text === 'string' ? utf8(text) : text;
  const inspection = mustInspect(bytes, options.headBytes);
  const stream: StreamOptions = {
    dialect: inspection.dialect,
    encoding: inspection.encoding,
    columns: inspection.columns,
    skipRagged: options.skipRagged ?? false,
    chunkBytes: options.chunkBytes ?? 16,
  };
  const file = new File([bytes], 'f.csv');
  const whole = await streamCsv(file, 'f.csv', stream);
  const parts = await readCsvInParts(file, stream, 3, (range, _k, onProgress) => readCsvPart(file, stream, range, onProgress));
  const plain = whole.ok
    ? { ok: true as const, rows: whole.table.rowCount, names: whole.table.columns.map((c) => c.name), kinds: whole.table.columns.map((c) => c.kind), cells: whole.table.columns.map(cells), notes: [...inspection.headerNotes, ...whole.notes] }
    : { ok: false as const, problem: whole.problem };
  const inParts = parts.ok
    ? { ok: true as const, rows: parts.table.rowCount, names: parts.table.columns.map((c) => c.name), kinds: parts.table.columns.map((c) => c.kind), cells: parts.table.columns.map((c) => cells(toColumn(c))), notes: [...inspection.headerNotes, ...parts.notes] }
    : { ok: false as const, problem: parts.problem };
  expect(inParts).toEqual(plain);
  return { inspection, ...plain };
}

async function mustImport(text: string | Uint8Array<ArrayBuffer>, options: Parameters<typeof importFile>[1] = {}) {
  const outcome = await importFile(text, options);
  if (!outcome.ok) throw new Error(outcome.problem);
  return outcome;
}

describe('a separator at the end of every line', () => {
  const every = 'Every line ends with a separator; the empty last field is ignored.';
  const dataOnly = 'Every data line ends with a separator (the header does not); the empty last field is ignored.';

  test('on every line, header included: no extra empty column', async () => {
    const outcome = await mustImport('a,b,c,\n1,2,3,\n4,5,6,\n7,8,9,\n');
    expect(outcome.inspection.columns.map((c) => c.name)).toEqual(['a', 'b', 'c']);
    expect(outcome.inspection.raggedLines).toEqual([]);
    expect(outcome.names).toEqual(['a', 'b', 'c']);
    expect(outcome.kinds).toEqual(['numeric', 'numeric', 'numeric']);
    expect(outcome.cells[2]).toEqual([3, 6, 9]);
    expect(outcome.notes).toEqual([every]);
  });

  test('on every data line but not the header: the rows are not ragged', async () => {
    const outcome = await mustImport('a,b,c\n1,2,3,\n4,5,6,\n7,8,9,\n');
    expect(outcome.inspection.raggedLines).toEqual([]);
    expect(outcome.rows).toBe(3);
    expect(outcome.cells[2]).toEqual([3, 6, 9]);
    expect(outcome.notes).toEqual([dataOnly]);
    // Skipping ragged rows keeps them all: none is ragged.
    expect((await mustImport('a,b,c\n1,2,3,\n4,5,6,\n', { skipRagged: true })).rows).toBe(2);
  });

  test('without a header, with quoted cells, with semicolons and CRLF', async () => {
    const bare = await mustImport('1,2,x,\n3,4,y,\n5,6,z,\n');
    expect(bare.inspection.dialect.hasHeader).toBe(false);
    expect(bare.names).toEqual(['column_1', 'column_2', 'column_3']);
    const quoted = await mustImport('name,n,\n"Smith, J",1,\n"Doe, A",2,\n');
    expect(quoted.cells).toEqual([['Smith, J', 'Doe, A'], [1, 2]]);
    const semi = await mustImport('stadt;preis;\r\nBerlin;1,5;\r\nKöln;2,25;\r\n');
    expect(semi.inspection.dialect.delimiter).toBe(';');
    expect(semi.cells).toEqual([['Berlin', 'Köln'], [1.5, 2.25]]);
  });

  test('a later line without the closing separator is fine; one with another value is ragged', async () => {
    const head = 'a,b,c,\n' + '1,2,3,\n'.repeat(5);
    const text = `${head}4,5,6\n7,8,9,10\n`;
    const outcome = await importFile(text, { headBytes: head.length });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.problem).toContain('line 8 of the file has a different number of cells than the header\'s 3');
    const skipped = await mustImport(text, { headBytes: head.length, skipRagged: true });
    expect(skipped.cells[2]).toEqual([3, 3, 3, 3, 3, 6]);
  });

  test('an unnamed last column empty in many first rows is a column, if the head shows a value in it', async () => {
    const outcome = await mustImport(`a,b,\n${'1,2,\n'.repeat(60)}3,4,5\n`);
    expect(outcome.names).toEqual(['a', 'b', 'column_3']);
    expect(outcome.cells[2]!.at(-1)).toBe(5);
    expect(outcome.notes).toEqual(['Column 3 had no name; it is now "column_3".']);
  });

  test('an empty last column the header names is a column, not a closing separator', async () => {
    const outcome = await mustImport('a,b,note\n1,2,\n3,4,\n');
    expect(outcome.names).toEqual(['a', 'b', 'note']);
    expect(outcome.cells[2]).toEqual([null, null]);
    expect(outcome.notes).toEqual([]);
  });
});

describe('line endings that change within the file', () => {
  test.each([
    ['LF first, then CRLF', 'id,score\n1,2.5\r\n2,3.5\r\n3,4.5\r\n', [2.5, 3.5, 4.5]],
    ['CRLF first, then some LF', 'id,score\r\n1,2.5\n2,3.5\r\n3,4.5\n', [2.5, 3.5, 4.5]],
    ['CRLF, lone LFs late in the file', `id,score\r\n${'1,2.5\r\n'.repeat(6)}2,3.5\n3,4.5\n`, [2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 3.5, 4.5]],
  ])('%s: no \\r in the last column, which stays numeric', async (_, text, scores) => {
    // The head ends before the line endings change, as in a long file.
    const outcome = await mustImport(text, { headBytes: text.indexOf('2,3.5') });
    expect(outcome.kinds).toEqual(['numeric', 'numeric']);
    expect(outcome.cells[1]).toEqual(scores);
    expect(outcome.notes).toEqual([]);
  });

  test('quoted last cells and text cells too', async () => {
    const outcome = await mustImport('id,name\n1,"ann"\r\n2,bob\r\n3,"cid, jr"\n');
    expect(outcome.cells[1]).toEqual(['ann', 'bob', 'cid, jr']);
    expect(outcome.notes).toEqual([]);
  });

  test('a slice that ends between a closing quote and its line end is no quote in the middle of a cell', async () => {
    const text = 'id,name\r\n1,"ann"\r\n2,"bob"\r\n3,"cid"\r\n';
    for (let chunkBytes = 3; chunkBytes < text.length; chunkBytes++) {
      const outcome = await mustImport(text, { chunkBytes });
      expect(outcome.notes, `slices of ${chunkBytes}`).toEqual([]);
      expect(outcome.cells[1]).toEqual(['ann', 'bob', 'cid']);
    }
  });

  test('the sample is judged by most of its line breaks, not the first', async () => {
    expect(mustInspect(utf8('a,b\n1,2\r\n3,4\r\n5,6\r\n')).dialect.lineEnding).toBe('\r\n');
    expect(mustInspect(utf8('a,b\r\n1,2\n3,4\n5,6\n')).dialect.lineEnding).toBe('\n');
  });
});

describe('bytes that are not UTF-8 beyond the inspected head', () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => `${i},café\n`).join('');

  test('are noticed and named by their line', async () => {
    const head = `id,name\n${rows(30)}`;
    // Line 32: 'Zürich' written in Windows-1252 (0xFC), in a file that is otherwise UTF-8.
    const bytes = Uint8Array.from([...utf8(`${head}30,Z`), 0xfc, ...utf8(`rich\n${rows(5)}`)]);
    const outcome = await mustImport(bytes, { headBytes: head.length });
    expect(outcome.inspection.encoding).toBe('utf-8');
    expect(outcome.cells[1]![30]).toBe('Z\uFFFDrich');
    expect(outcome.notes).toEqual([
      'Line 32 of the file has bytes that are not UTF-8; read as UTF-8, as chosen, they became "\uFFFD".',
    ]);
  });

  test('even when the broken character is cut by a slice boundary, or ends the file', async () => {
    for (const chunkBytes of [5, 7, 16]) {
      const bytes = Uint8Array.from([...utf8('id,name\n1,a\n2,b\n3,'), 0xc3, ...utf8('\n')]);
      const outcome = await mustImport(bytes, { headBytes: 12, chunkBytes });
      expect(outcome.notes, `slices of ${chunkBytes}`).toEqual([expect.stringContaining('Line 4 of the file has bytes that are not UTF-8')]);
      const atEnd = Uint8Array.from([...utf8('id,name\n1,a\n2,b\n3,'), 0xe2, 0x82]);
      expect((await mustImport(atEnd, { headBytes: 12, chunkBytes })).notes[0]).toContain('Line 4 of the file');
    }
  });

  test('a replacement character written in UTF-8 is text, not a broken byte; Windows-1252 never is', async () => {
    const outcome = await mustImport(`id,name\n1,a\uFFFDb\n2,🦊\n`, { chunkBytes: 3 });
    expect(outcome.cells[1]).toEqual(['a\uFFFDb', '🦊']);
    expect(outcome.notes).toEqual([]);
    const latin = Uint8Array.from([...utf8('id,name\n1,Z'), 0xfc, ...utf8('rich\n2,K'), 0xf6, ...utf8('ln\n')]);
    const read = await mustImport(latin);
    expect(read.inspection.encoding).toBe('windows-1252');
    expect(read.cells[1]).toEqual(['Zürich', 'Köln']);
    expect(read.notes).toEqual([]);
  });
});

describe('a comment line before the header', () => {
  test('is skipped, said so, and lines are still numbered as in the file', async () => {
    const text = '# exported by tool X\nid,name,score\n1,ann,2.5\n2,bob,3.5\n3,cid\n4,dan,1\n';
    const inspection = mustInspect(utf8(text));
    expect(inspection.dialect).toMatchObject({ delimiter: ',', hasHeader: true, skipLines: 1 });
    expect(inspection.columns.map((c) => c.name)).toEqual(['id', 'name', 'score']);
    expect(inspection.columns.map((c) => c.kind)).toEqual(['numeric', 'categorical', 'numeric']);
    expect(inspection.raggedLines).toEqual([5]);
    expect(inspection.headerNotes).toEqual(['Line 1 looks like a comment, not a header: "# exported by tool X". It is skipped; the column names are read from line 2.']);
    const ragged = await importFile(text);
    expect(!ragged.ok && ragged.problem).toBe('"f.csv": line 5 of the file has a different number of cells than the header\'s 3. You can skip these rows and import the rest, or fix the file.');
    const skipped = await mustImport(text, { skipRagged: true });
    expect(skipped.cells[0]).toEqual([1, 2, 4]);
  });

  test('several, with quotes or separators inside, in a semicolon file', async () => {
    const text = '# tool "X", v2\n# 2024-01-01; by ann\nstadt;preis;menge\nBerlin;1,5;3\nKöln;2,25;1\n';
    const outcome = await mustImport(text);
    expect(outcome.inspection.dialect).toMatchObject({ delimiter: ';', decimalComma: true, skipLines: 2 });
    expect(outcome.names).toEqual(['stadt', 'preis', 'menge']);
    expect(outcome.cells[1]).toEqual([1.5, 2.25]);
    expect(outcome.notes[0]).toBe('Lines 1 and 2 look like comments, not a header: "# tool "X", v2" and "# 2024-01-01; by ann". They are skipped; the column names are read from line 3.');
  });

  test('before headerless data', async () => {
    const outcome = await mustImport('# raw readings\n1,2,3\n4,5,6\n');
    expect(outcome.inspection.dialect).toMatchObject({ hasHeader: false, skipLines: 1 });
    expect(outcome.cells).toEqual([[1, 4], [2, 5], [3, 6]]);
    expect(outcome.notes[0]).toBe('Line 1 looks like a comment, not a header: "# raw readings". It is skipped; the data starts on line 2.');
  });

  test('a header whose first name starts with # is a header', async () => {
    const outcome = await mustImport('#id,name\n1,a\n2,b\n');
    expect(outcome.inspection.dialect.skipLines).toBe(0);
    expect(outcome.names).toEqual(['#id', 'name']);
    expect(outcome.notes).toEqual([]);
    // One column: nothing tells a comment from a name.
    expect((await mustImport('#tag\nx\ny\n')).names).toEqual(['#tag']);
  });

  test('the skipped lines are kept when another setting is changed', () => {
    const bytes = utf8('# exported\na;b\n1;2\n');
    const first = mustInspect(bytes);
    const again = mustInspect(bytes, bytes.length, { encoding: 'windows-1252', dialect: { ...first.dialect, hasHeader: false } });
    expect(again.dialect.skipLines).toBe(1);
    expect(again.preview).toEqual([['a', 'b'], ['1', '2']]);
  });
});

describe('"1.234" under a decimal comma', () => {
  test('is read as a thousand, and the summary says so with an example and its line', async () => {
    const outcome = await mustImport('stadt;preis\nBerlin;1.234\nHamburg;99,95\nKöln;2,5\n');
    expect(outcome.inspection.dialect.decimalComma).toBe(true);
    expect(outcome.cells[1]).toEqual([1234, 99.95, 2.5]);
    expect(outcome.notes).toEqual([
      'Line 2: "1.234" in column "preis" is read as 1234, because with a decimal comma "." separates thousands. If "." is a decimal point in this file, untick "Decimal comma".',
    ]);
  });

  test('no note where every "." is unambiguous, or without a decimal comma', async () => {
    expect((await mustImport('stadt;preis\nBerlin;1.234,5\nHamburg;99,95\n')).notes).toEqual([]);
    expect((await mustImport('stadt;preis\nBerlin;1.234\nHamburg;99.95\n')).notes).toEqual([]);
  });
});
