/**
 * A file read in parts, side by side, must give exactly what reading it whole gives: the same
 * values, dictionaries, notes and problems with the same row numbers. The parts are read in
 * this process here; in the app, by helper workers running the same readCsvPart.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readCsvPart, type StreamOptions } from '../../../src/data/csv-part';
import { nextLineStart, partCount, partRanges, readCsvInParts, MIN_PART_BYTES, type PartReader } from '../../../src/data/csv-parallel';
import { streamCsv, type StreamOutcome } from '../../../src/data/csv-stream';
import { inspectHead } from '../../../src/data/inspect';
import { toColumn } from '../../../src/shared/chunked-column';
import { isValid, type Column } from '../../../src/shared/column';
import { largeCsv } from '../../fixtures/csv/generate';

const FIXTURES = join(import.meta.dirname, '../../fixtures/csv');
const utf8 = (text: string) => new TextEncoder().encode(text);

function cells(column: Column, rows: number): (string | number | null)[] {
  return Array.from({ length: rows }, (_, i) => (!isValid(column.valid, i) ? null : column.dictionary ? column.dictionary[column.values[i]!]! : column.values[i]!));
}

/** What an outcome says, in plain values, for comparing two ways of reading. */
function plain(outcome: StreamOutcome) {
  if (!outcome.ok) return { ok: false, reason: outcome.reason, problem: outcome.problem };
  const { table } = outcome;
  return {
    ok: true,
    rows: table.rowCount,
    columns: table.columns.map((c) => ({ name: c.name, kind: c.kind, dictionary: c.dictionary, cells: cells(c, table.rowCount) })),
    notes: outcome.notes,
  };
}

const inProcess =
  (file: File, options: StreamOptions): PartReader =>
  (range, _index, onProgress) =>
    readCsvPart(file, options, range, onProgress);

async function both(name: string, bytes: Uint8Array<ArrayBuffer>, parts: number, skipRagged = false, headBytes = bytes.length) {
  const inspected = inspectHead(bytes.subarray(0, headBytes), { name, size: bytes.length });
  if (!inspected.ok) return null;
  const { inspection } = inspected;
  // Small slices: records straddle slice boundaries as well as part boundaries.
  const options: StreamOptions = { dialect: inspection.dialect, encoding: inspection.encoding, columns: inspection.columns, skipRagged, chunkBytes: 7 };
  const file = new File([bytes], name);
  const whole = await streamCsv(file, name, options);
  const inParts = await readCsvInParts(file, options, parts, inProcess(file, options));
  const joined: StreamOutcome = inParts.ok ? { ...inParts, table: { rowCount: inParts.table.rowCount, columns: inParts.table.columns.map(toColumn) } } : inParts;
  return { whole: plain(whole), parts: plain(joined) };
}

describe('every fixture reads the same in parts as whole', () => {
  const names = readdirSync(FIXTURES).filter((n) => /\.(csv|tsv)$/.test(n));
  test.each(names)('%s', async (name) => {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, name)));
    for (const parts of [2, 3, 5]) {
      for (const skipRagged of [false, true]) {
        const result = await both(name, bytes, parts, skipRagged);
        if (result) expect(result.parts, `${parts} parts`).toEqual(result.whole);
      }
    }
  });
});

describe('records, labels and problems across part boundaries', () => {
  const header = 'id,label,score\n';
  const rows = (from: number, to: number, f: (i: number) => string) => Array.from({ length: to - from }, (_, k) => f(from + k)).join('');

  test('labels first seen in later parts keep the order of first appearance', async () => {
    const text = header + rows(0, 300, (i) => `${i},${i < 100 ? 'a' : i < 200 ? `b${i % 3}` : `c${i % 5}`},${i / 2}\n`);
    const result = await both('labels.csv', utf8(text), 4);
    expect(result!.parts).toEqual(result!.whole);
    expect((result!.whole as { columns: { dictionary?: string[] }[] }).columns[1]!.dictionary).toEqual(['a', 'b1', 'b2', 'b0', 'c0', 'c1', 'c2', 'c3', 'c4']);
  });

  /** A true/false column's words read whole and in four parts, from the cell of each of 300 rows. */
  async function wordsBothWays(cell: (i: number) => string) {
    const text = 'id,paid\n' + rows(0, 300, (i) => `${i},${cell(i)}\n`);
    const inspected = inspectHead(utf8(text), { name: 'paid.csv', size: text.length });
    if (!inspected.ok) throw new Error('not inspected');
    const options: StreamOptions = { dialect: inspected.inspection.dialect, encoding: inspected.inspection.encoding, columns: inspected.inspection.columns, skipRagged: false, chunkBytes: 7 };
    expect(options.columns[1]!.kind).toBe('boolean');
    const file = new File([text], 'paid.csv');
    const whole = await streamCsv(file, 'paid.csv', options);
    const inParts = await readCsvInParts(file, options, 4, inProcess(file, options));
    if (!whole.ok || !inParts.ok) throw new Error('not read');
    return { whole: whole.table.columns[1]!.words, inParts: inParts.table.columns[1]!.words };
  }

  test('a true/false column whose first part holds no value takes its words from the next, as one reader does', async () => {
    expect(await wordsBothWays((i) => (i < 150 ? '' : i % 2 ? 'Yes' : 'no'))).toEqual({ whole: ['no', 'Yes'], inParts: ['no', 'Yes'] });
  });

  test('parts that spell true and false differently give the words of the first spelling of each, as one reader does', async () => {
    // The first part has only Yes (its own words would guess No); false is first written n.
    expect(await wordsBothWays((i) => (i < 100 ? 'Yes' : i % 2 ? 'y' : 'n'))).toEqual({ whole: ['n', 'Yes'], inParts: ['n', 'Yes'] });
    // The first part has only true (true/false's words, none kept); a later N must not bring in Y.
    expect(await wordsBothWays((i) => (i < 100 ? 'true' : 'N'))).toEqual({ whole: ['N', 'true'], inParts: ['N', 'true'] });
  });

  test('ragged rows late in the file are named by their line in the file, unreadable values by their row in the table too', async () => {
    const text = header + rows(0, 400, (i) => (i === 290 ? `${i},x\n` : i === 310 ? `${i},x,oops\n` : i === 350 ? `${i},x,bad\n` : `${i},x,${(i % 17) * 1.5}\n`));
    // The types are read from the first rows only, as from the head of a long file.
    const ragged = await both('late.csv', utf8(text), 3, false, 200);
    expect(ragged!.parts).toEqual(ragged!.whole);
    expect(ragged!.whole.problem).toContain('line 292 of the file has a different number of cells');
    const skipped = await both('late.csv', utf8(text), 3, true, 200);
    expect(skipped!.parts).toEqual(skipped!.whole);
    // 310 rows before "oops" less the one skipped: row 310 of the table.
    expect((skipped!.whole as { notes: string[] }).notes[1]).toContain('2 values were not numbers (first at row 310, line 312 of the file: "oops")');
  });

  test('quoted cells that span lines, where a cut would fall inside one, read as one reader reads them', async () => {
    const text = header + rows(0, 200, (i) => `${i},"line one\nline two\nline ${i}",${i}\n`);
    for (const parts of [2, 3, 7]) {
      const result = await both('multiline.csv', utf8(text), parts);
      expect(result!.parts).toEqual(result!.whole);
      expect(result!.whole.ok).toBe(true);
    }
  });

  test('lines after cells that span lines are counted in every part', async () => {
    // Each record takes three lines; the short one (i = 150) starts on line 2 + 150 * 3.
    const text = header + rows(0, 200, (i) => (i === 150 ? `${i},"a\nb\nc"\n` : `${i},"line one\nline two\nline ${i}",${i}\n`));
    for (const parts of [1, 2, 3, 7]) {
      const result = await both('multiline.csv', utf8(text), parts);
      expect(result!.parts).toEqual(result!.whole);
      expect(result!.whole.problem).toContain('line 452 of the file has a different number of cells');
    }
  });

  test('a quote never closed near the end is named by its line', async () => {
    const text = header + rows(0, 200, (i) => (i === 180 ? `${i},"open,1\n` : `${i},x,${i}\n`));
    const result = await both('unclosed.csv', utf8(text), 3);
    expect(result!.parts).toEqual(result!.whole);
    expect(result!.whole.problem).toContain('line 182 of the file: a quote (") opens a cell and is never closed');
  });

  test.each(['\r\n', '\r'])('line ends %j: no part starts inside one', async (eol) => {
    const text = (header + rows(0, 300, (i) => `${i},k${i % 4},${i}\n`)).replaceAll('\n', eol);
    const result = await both('eol.csv', utf8(text), 4);
    expect(result!.parts).toEqual(result!.whole);
    expect((result!.whole as { rows: number }).rows).toBe(300);
  });

  test('multibyte characters and a byte-order mark', async () => {
    const body = rows(0, 300, (i) => `${i},🦊Köln${i % 3},${i}\n`);
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(header + body)]);
    const result = await both('utf8.csv', bytes, 5);
    expect(result!.parts).toEqual(result!.whole);
    expect((result!.whole as { columns: { name: string }[] }).columns[0]!.name).toBe('id');
  });

  test('the benchmark file in four parts, with chunks joined across part boundaries', async () => {
    const text = largeCsv(140_000);
    const bytes = utf8(text);
    const inspected = inspectHead(bytes.subarray(0, 256 * 1024), { name: 'big.csv', size: bytes.length });
    if (!inspected.ok) throw new Error(inspected.problem);
    const options: StreamOptions = { dialect: inspected.inspection.dialect, encoding: 'utf-8', columns: inspected.inspection.columns, skipRagged: false };
    const file = new File([bytes], 'big.csv');
    const progress: number[] = [];
    const outcome = await readCsvInParts(file, options, 4, inProcess(file, options), (p) => progress.push(p.bytesRead));
    const whole = await streamCsv(file, 'big.csv', options);
    if (!outcome.ok || !whole.ok) throw new Error('import failed');
    expect(outcome.table.rowCount).toBe(140_000);
    expect(outcome.table.columns[0]!.chunks).toHaveLength(3);
    const sameBytes = (a: ArrayBufferView, b: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
    outcome.table.columns.forEach((c, i) => {
      const joined = toColumn(c);
      expect(sameBytes(joined.values, whole.table.columns[i]!.values), c.name).toBe(true);
      expect(sameBytes(joined.valid, whole.table.columns[i]!.valid), c.name).toBe(true);
      expect(c.dictionary, c.name).toEqual(whole.table.columns[i]!.dictionary);
    });
    expect(progress.at(-1)).toBe(bytes.length);
  }, 30_000);
});

describe('cutting a file', () => {
  test('cuts fall just after a line end, and a part never starts inside a \\r\\n', async () => {
    const file = new File([utf8('ab\r\ncd\r\nef\n')], 'f.csv');
    expect(await nextLineStart(file, 0, '\r\n')).toBe(4);
    expect(await nextLineStart(file, 3, '\r\n')).toBe(4);
    expect(await nextLineStart(file, 4, '\r\n')).toBe(8);
    // A lone \n ends a line in a \r\n file too: files mix them.
    expect(await nextLineStart(file, 8, '\r\n')).toBe(11);
    expect(await nextLineStart(file, 8, '\n')).toBe(11);
    expect(await nextLineStart(file, 0, '\r')).toBe(3);
  });

  test('a line end just past a 64 KB window boundary is found', async () => {
    const file = new File([utf8(`${'x'.repeat(65_535)}\r\nyy\n`)], 'f.csv');
    expect(await nextLineStart(file, 10, '\r\n')).toBe(65_537);
  });

  test('ranges cover the file once, in order, and drop cuts that find no line end', async () => {
    const file = new File([utf8(`h\n${'a,b\n'.repeat(100)}`)], 'f.csv');
    const ranges = await partRanges(file, 4, '\n');
    expect(ranges).toHaveLength(4);
    expect(ranges[0]!.start).toBe(0);
    expect(ranges.at(-1)!.end).toBe(file.size);
    for (let k = 1; k < ranges.length; k++) expect(ranges[k]!.start).toBe(ranges[k - 1]!.end);
    expect(ranges.map((r) => r.first)).toEqual([true, false, false, false]);
    // No line end after either cut: one part.
    const oneLine = new File([utf8('h\n' + 'x'.repeat(1000))], 'f.csv');
    expect(await partRanges(oneLine, 3, '\n')).toEqual([{ start: 0, end: 1002, first: true }]);
  });

  test('small files and single cores read in one part', () => {
    expect(partCount(MIN_PART_BYTES - 1, 8)).toBe(1);
    expect(partCount(MIN_PART_BYTES * 10, 1)).toBe(1);
    expect(partCount(MIN_PART_BYTES * 10, 2)).toBe(2);
    expect(partCount(MIN_PART_BYTES * 10, 16)).toBe(4);
    expect(partCount(MIN_PART_BYTES * 3, 16)).toBe(3);
  });
});
