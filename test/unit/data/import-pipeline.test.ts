/**
 * The whole pure import path on the bad-input fixtures: inspect the head of the file, then
 * stream it into columns. Every file gets a correct table or a clear problem naming where.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { capacityProblem, estimateImportBytes, inspectHead, type Inspection } from '../../../src/data/inspect';
import { streamCsv, type StreamOutcome } from '../../../src/data/csv-stream';
import { decodeHead } from '../../../src/data/dialect';
import { isValid, type Column } from '../../../src/shared/column';
import { hugeFieldCsv, largeCsv, wideCsv } from '../../fixtures/csv/generate';

const FIXTURES = join(import.meta.dirname, '../../fixtures/csv');
const bytesOf = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const utf8 = (text: string) => new TextEncoder().encode(text);

/** Inspects the first `headBytes` (all by default), as the app inspects a file's head. */
function inspect(name: string, bytes = bytesOf(name), headBytes = bytes.length) {
  return inspectHead(bytes.subarray(0, headBytes), { name, size: bytes.length });
}

function mustInspect(name: string, bytes = bytesOf(name), headBytes = bytes.length): Inspection {
  const result = inspect(name, bytes, headBytes);
  if (!result.ok) throw new Error(result.problem);
  return result.inspection;
}

async function importBytes(name: string, bytes: Uint8Array<ArrayBuffer> = bytesOf(name), skipRagged = false, headBytes = bytes.length): Promise<StreamOutcome> {
  const inspection = mustInspect(name, bytes, headBytes);
  const text = decodeHead(bytes, inspection.encoding, true);
  return streamCsv(text, name, {
    dialect: inspection.dialect,
    encoding: inspection.encoding,
    columns: inspection.columns,
    skipRagged,
    // Tiny chunks: records and errors must be located across chunk boundaries. (PapaParse reads a
    // string in synchronous steps, so a record far longer than a chunk needs bigger ones.)
    chunkBytes: bytes.length > 100_000 ? 256 * 1024 : 64,
  });
}

async function mustImport(name: string, bytes?: Uint8Array<ArrayBuffer>, headBytes?: number) {
  const outcome = await importBytes(name, bytes, false, headBytes);
  if (!outcome.ok) throw new Error(outcome.problem);
  return outcome;
}

/** A column's values as JS values, null for missing. */
function cells(column: Column): (string | number | null)[] {
  return Array.from(column.values, (v, i) => (!isValid(column.valid, i) ? null : column.dictionary ? column.dictionary[v]! : v));
}

describe('files that are not CSV are refused with the reason', () => {
  test.each([
    ['empty.csv', '"empty.csv" is empty: it has no header and no rows.'],
    ['header-only.csv', '"header-only.csv" has a header row but no data rows.'],
    ['binary.csv', '"binary.csv" is not a text file (it looks like a PNG image). Choose a CSV file.'],
    ['utf16.csv', 'This file is UTF-16 encoded; save it as UTF-8 CSV and import it again.'],
  ])('%s', (name, problem) => {
    expect(inspect(name)).toEqual({ ok: false, problem });
  });

  test('an Excel workbook renamed .csv says how to export a CSV', () => {
    const result = inspect('excel.xlsx.csv');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toContain('Excel workbook');
    expect(!result.ok && result.problem).toContain('Save As › CSV');
  });
});

describe('malformed CSV is located', () => {
  test('ragged rows are listed by their line in the file, and can be skipped', async () => {
    const outcome = await importBytes('ragged.csv');
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.reason).toBe('ragged');
    expect(outcome.problem).toBe('"ragged.csv": lines 4 and 7 of the file have a different number of cells than the header\'s 3. You can skip these rows and import the rest, or fix the file.');
    const skipped = await importBytes('ragged.csv', undefined, true);
    if (!skipped.ok) throw new Error(skipped.problem);
    expect(skipped.table.rowCount).toBe(5);
    expect(cells(skipped.table.columns[0]!)).toEqual([1, 4, 11, 14, 19]);
    expect(skipped.notes[0]).toBe('Skipped lines 4 and 7 of the file: a different number of cells than the header.');
  });

  test('an unclosed quote names its line', async () => {
    const outcome = await importBytes('unclosed-quote.csv');
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.problem).toContain('line 3 of the file');
    expect(!outcome.ok && outcome.problem).toContain('never closed');
  });

  test('lines are counted as an editor counts them: blank lines and cells that span lines included', async () => {
    // Line 3 is blank, the cell on lines 4–5 spans two, so the short record is on line 7; the one after the stray quote on line 9.
    const text = 'id,note,n\n1,a,1\n\n2,"two\nlines",2\n3,b,3\n4,c\n5,d,5\n6,"x"y",6\n7,e,7\n';
    const ragged = await importBytes('lines.csv', utf8(text));
    expect(!ragged.ok && ragged.problem).toContain('"lines.csv": line 7 of the file has a different number of cells');
    const skipped = await importBytes('lines.csv', utf8(text), true);
    if (!skipped.ok) throw new Error(skipped.problem);
    expect(skipped.notes[0]).toBe('Skipped line 7 of the file: a different number of cells than the header.');
    expect(skipped.notes).toContain('Line 9 of the file has a quote in the middle of a cell; it was kept as part of the text.');

    const unclosed = await importBytes('open.csv', utf8('id,note\n1,a\n\n2,"b\nc"\n3,"never\n4,d\n'));
    expect(!unclosed.ok && unclosed.problem).toContain('"open.csv", line 6 of the file: a quote (") opens a cell and is never closed');
  });
});

describe('odd but valid files import correctly', () => {
  test('duplicate and empty column names are renamed, with notes', async () => {
    const inspection = mustInspect('duplicate-headers.csv');
    expect(inspection.columns.map((c) => c.name)).toEqual(['x', 'column_2', 'x_2', 'y']);
    expect(inspection.headerNotes).toEqual([
      'Column 2 had no name; it is now "column_2".',
      'Columns 1 and 3 were both named "x"; column 3 is now "x_2".',
    ]);
    const { table } = await mustImport('duplicate-headers.csv');
    expect(cells(table.columns[2]!)).toEqual([3, 7]);
  });

  test.each(['crlf.csv', 'cr-only.csv'])('%s: line ends never leak into values', async (name) => {
    const { table } = await mustImport(name);
    expect(table.rowCount).toBe(3);
    expect(cells(table.columns[1]!)).toEqual(['x', 'y', 'z']);
  });

  test('Windows-1252 bytes are detected and decoded', async () => {
    const inspection = mustInspect('latin1.csv');
    expect(inspection.encoding).toBe('windows-1252');
    const { table } = await mustImport('latin1.csv');
    expect(cells(table.columns[0]!)).toEqual(['Zürich', 'Málaga']);
    expect(cells(table.columns[1]!)).toEqual(['café', 'naïve']);
  });

  test('a UTF-8 BOM is not part of the first column name', () => {
    const inspection = mustInspect('utf8-bom.csv');
    expect(inspection.bom).toBe(true);
    expect(inspection.columns[0]!.name).toBe('id');
  });

  test('formula-looking cells and HTML are kept exactly, as text', async () => {
    const formulas = await mustImport('formulas.csv');
    expect(cells(formulas.table.columns[1]!)).toEqual(['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(A1)']);
    const html = mustInspect('html.csv');
    expect(html.columns.map((c) => c.name)).toEqual(['<img src=x onerror=alert(1)>', '<b>bold</b>']);
  });

  test('columns named __proto__ and constructor are ordinary columns', async () => {
    const { table } = await mustImport('proto-columns.csv');
    expect(table.columns.map((c) => c.name)).toEqual(['__proto__', 'constructor', 'toString', 'value']);
    expect(cells(table.columns[0]!)).toEqual([1, 2, 3]);
    expect(cells(table.columns[1]!)).toEqual(['a', 'b', 'c']);
  });

  test('semicolons with decimal commas, tabs, single quotes and no header are recognised', async () => {
    const european = mustInspect('semicolon-decimal-comma.csv');
    expect(european.dialect).toMatchObject({ delimiter: ';', decimalComma: true, hasHeader: true });
    const { table } = await mustImport('semicolon-decimal-comma.csv');
    expect(cells(table.columns[1]!)).toEqual([1234.5, 99.95, 2000, 15.25]);
    expect(mustInspect('tab.tsv').dialect.delimiter).toBe('\t');
    const quoted = mustInspect('single-quote.csv');
    expect(quoted.dialect.quoteChar).toBe("'");
    expect(quoted.columns.map((c) => c.name)).toEqual(['name', 'city']);
    const bare = mustInspect('no-header.csv');
    expect(bare.dialect.hasHeader).toBe(false);
    expect(bare.columns.map((c) => c.name)).toEqual(['column_1', 'column_2', 'column_3']);
    expect((await mustImport('no-header.csv')).table.rowCount).toBe(3);
  });

  test('missing spellings become missing; thousands separators are read', async () => {
    const { table } = await mustImport('missing-values.csv');
    expect(table.columns[0]!.kind).toBe('numeric');
    expect(cells(table.columns[0]!)).toEqual([1, null, null, null, null, null, null, null, null, 5]);
    expect(cells(table.columns[1]!)).toEqual(['a', 'b', null, 'c', 'a', 'b', null, null, 'a', 'c']);
    const money = await mustImport('thousands.csv');
    expect(money.table.columns[1]!.kind).toBe('numeric');
    expect(cells(money.table.columns[1]!)).toEqual([1234567.89, 12000, 3.5, 1000000]);
  });

  test('5,000 columns and a 1 MB field import', async () => {
    const wide = await mustImport('wide.csv', utf8(wideCsv(5000, 3)));
    expect(wide.table.columns).toHaveLength(5000);
    expect(wide.table.rowCount).toBe(3);
    expect(cells(wide.table.columns[4999]!)).toEqual([4999 % 100, (7 + 4999) % 100, (14 + 4999) % 100]);
    const huge = await mustImport('huge.csv', utf8(hugeFieldCsv(1_048_576)));
    const note = cells(huge.table.columns[1]!);
    expect((note[0] as string).length).toBe(1_048_576);
    expect(note[1]).toBe('short');
  });

  test('values that do not fit the column type are stored as missing, with a note naming the first', async () => {
    const text = 'age,name\n' + Array.from({ length: 30 }, (_, i) => `${20 + ((i * 7) % 13)},p${i}`).join('\n') + '\nunknown,late\n';
    const bytes = utf8(text);
    // The odd value lies beyond the inspected head, as in a long file.
    const { table, notes } = await mustImport('late.csv', bytes, text.indexOf('unknown'));
    expect(table.columns[0]!.kind).toBe('numeric');
    expect(cells(table.columns[0]!).at(-1)).toBeNull();
    expect(notes).toEqual(['Column "age": 1 value was not a number (first at row 31, line 32 of the file: "unknown") and is stored as missing. To keep it, import this column as categorical.']);
  });

  test('a value that does not fit is named by its row in the table, which skipped rows and blank lines do not shift', async () => {
    const text = 'age,name\n31,a\n\n1,2,3\n40,b\nold,c\n';
    const outcome = await importBytes('shifted.csv', utf8(text), true, 'age,name\n31,a\n'.length);
    if (!outcome.ok) throw new Error(outcome.problem);
    // "old" is the table's row 3 (31, 40, old) and the file's line 6.
    expect(cells(outcome.table.columns[0]!)).toEqual([31, 40, null]);
    expect(outcome.notes).toContain('Column "age": 1 value was not a number (first at row 3, line 6 of the file: "old") and is stored as missing. To keep it, import this column as categorical.');
  });
});

describe('files are read in slices', () => {
  test.each([1, 2, 3])('a character split %i bytes into a slice boundary is read whole, in UTF-8 and Windows-1252', async (offset) => {
    // The fox's four bytes (F0 9F A6 8A) start `offset` bytes before the 64-byte slice boundary.
    const head = 'city,n\n';
    const filler = `${'x'.repeat(64 - offset - head.length - 3)},1\n`;
    const text = `${head}${filler}🦊,2\nKöln,3\n`;
    const bytes = utf8(text);
    const inspection = mustInspect('cities.csv', bytes);
    const file = new File([bytes], 'cities.csv');
    const outcome = await streamCsv(file, 'cities.csv', { dialect: inspection.dialect, encoding: 'utf-8', columns: inspection.columns, skipRagged: false, chunkBytes: 64 });
    if (!outcome.ok) throw new Error(outcome.problem);
    expect(cells(outcome.table.columns[0]!)).toEqual([filler.split(',')[0], '🦊', 'Köln']);

    const latin1 = new File([Uint8Array.from([...'a\nK', 0xf6, ...'ln\n'].map((c) => (typeof c === 'number' ? c : c.charCodeAt(0))))], 'l.csv');
    const latin = await streamCsv(latin1, 'l.csv', { dialect: { ...inspection.dialect, hasHeader: true }, encoding: 'windows-1252', columns: [{ name: 'a', kind: 'categorical' }], skipRagged: false, chunkBytes: 3 });
    if (!latin.ok) throw new Error(latin.problem);
    expect(cells(latin.table.columns[0]!)).toEqual(['Köln']);
  });

  test('a UTF-8 byte-order mark is not part of the first header', async () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('id,v\n1,2\n')]);
    const inspection = mustInspect('bom.csv', bytes);
    const outcome = await streamCsv(new File([bytes], 'bom.csv'), 'bom.csv', { dialect: inspection.dialect, encoding: 'utf-8', columns: inspection.columns, skipRagged: false, chunkBytes: 2 });
    if (!outcome.ok) throw new Error(outcome.problem);
    expect(outcome.table.columns.map((c) => c.name)).toEqual(['id', 'v']);
    expect(outcome.table.rowCount).toBe(1);
  });
});

describe('size estimates and limits', () => {
  test('a large file is estimated from its head and compared with what the browser grants', () => {
    const csv = largeCsv(20_000);
    const bytes = utf8(csv);
    const head = bytes.subarray(0, 64 * 1024);
    const result = inspectHead(head, { name: 'big.csv', size: bytes.length });
    if (!result.ok) throw new Error(result.problem);
    expect(Math.abs(result.inspection.estimatedRows - 20_000) / 20_000).toBeLessThan(0.05);
    const estimate = estimateImportBytes(result.inspection);
    // 8 numeric (8 B) + 1 categorical (4 B) + 1 numeric target (8 B) + 10 validity bits per row
    const exact = 20_000 * (8 * 8 + 4 + 8) + 10 * Math.ceil(20_000 / 8);
    expect(Math.abs(estimate - exact) / exact).toBeLessThan(0.05);
    expect(capacityProblem(estimate, { storageFree: estimate * 10, deviceMemoryGb: 8 })).toBeNull();
    expect(capacityProblem(estimate, { storageFree: estimate / 2, deviceMemoryGb: 8 })).toContain('the browser lets Looplab use only');
    expect(capacityProblem(2e9, { storageFree: null, deviceMemoryGb: 2 })).toContain('of memory while it runs');
  });
});
