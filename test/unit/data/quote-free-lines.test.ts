/**
 * Lines without quotes are split by the importer itself and their cells read in place; this
 * must give exactly what PapaParse's rows pushed cell by cell give: the same values, missing
 * cells, failures (and where), ragged rows and blank lines skipped.
 */
import Papa from 'papaparse';
import seedrandom from 'seedrandom';
import { describe, expect, test } from 'vitest';
import { readCsvPart, type StreamOptions } from '../../../src/data/csv-part';
import { RowSink, type ColumnPlan } from '../../../src/data/row-sink';
import { toColumn, type ChunkedColumn } from '../../../src/shared/chunked-column';
import type { Dialect } from '../../../src/data/dialect';

const PLAN: ColumnPlan[] = [
  { name: 'n', kind: 'numeric' },
  { name: 'c', kind: 'categorical' },
  { name: 'b', kind: 'boolean' },
  { name: 'd', kind: 'datetime', dateOrder: 'ymd' },
  { name: 't', kind: 'text' },
];

const NUMBERS = ['1', '-2.5', '007', '1e3', '1,234', ' 12 ', '3.', '.5', '+4', '12abc', '0x10', 'Infinity', '-', '?', 'NA', 'n/a', 'NaN', 'null', '', '  ', '1 234', '99999999999999999999', '1.2.3'];
const LABELS = ['a', ' b ', 'B', 'None', '', '🦊', 'Köln', '=1+1', '<b>x</b>', '__proto__', ' ', 'NA'];
const BOOLS = ['yes', 'no', 'TRUE', 'f', 'maybe', '', 'N/A'];
const DATES = ['2024-03-05', '2024-03-05T12:00Z', 'soon', '', '1999-12-31'];

function randomCsv(seed: string, delimiter: string, lineEnding: string, decimalComma: boolean): string {
  const random = seedrandom(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const lines = ['n,c,b,d,t'.replaceAll(',', delimiter)];
  for (let r = 0; r < 400; r++) {
    const roll = random();
    if (roll < 0.04) lines.push(pick(['', '   ', delimiter.repeat(4), '\t', ` ${delimiter} `]));
    else if (roll < 0.07) lines.push(Array.from({ length: pick([1, 4, 6, 7]) }, () => pick(LABELS)).join(delimiter));
    else {
      const n = pick(NUMBERS);
      lines.push([decimalComma ? n.replace('.', ',') : n, pick(LABELS), pick(BOOLS), pick(DATES), pick(LABELS)].map((cell) => cell.replaceAll(delimiter, ' ')).join(delimiter));
    }
  }
  return lines.join(lineEnding) + (random() < 0.5 ? lineEnding : '');
}

/**
 * The rows PapaParse gives for the whole text, pushed one by one (the importer's quoted-text
 * path). Without quotes, PapaParse's row i is line i + 1 of the file; blank ones are skipped.
 */
function throughPapa(text: string, dialect: Dialect, skipRagged: boolean) {
  const rows = Papa.parse<string[]>(text, { delimiter: dialect.delimiter, newline: dialect.lineEnding as '\n', skipEmptyLines: false }).data;
  const sink = new RowSink(PLAN, { decimalComma: dialect.decimalComma, skipRagged });
  const blank = (row: string[]) => row.every((cell) => cell.trim() === '');
  rows.forEach((row, i) => {
    if (i > 0 && !blank(row)) sink.push(row, i + 1);
  });
  const { columns, failures } = sink.finish();
  return { columns: columns.map(flat), failures, ragged: sink.ragged, records: sink.records + 1 };
}

function flat(column: ChunkedColumn) {
  const c = toColumn(column);
  return { values: Array.from(c.values), valid: Array.from(c.valid), dictionary: c.dictionary };
}

describe('quote-free lines read in place agree with PapaParse', () => {
  test.each([
    [',', '\n', false],
    [',', '\r\n', false],
    [';', '\r', true],
    ['\t', '\n', false],
    ['|', '\r\n', false],
  ])('delimiter %j, line end %j, decimal comma %s', async (delimiter, lineEnding, decimalComma) => {
    for (let trial = 0; trial < 6; trial++) {
      const text = randomCsv(`${delimiter}${lineEnding}${trial}`, delimiter, lineEnding, decimalComma);
      expect(text).not.toContain('"');
      const dialect: Dialect = { delimiter: delimiter as Dialect['delimiter'], quoteChar: '"', lineEnding: lineEnding as Dialect['lineEnding'], hasHeader: true, decimalComma };
      for (const skipRagged of [false, true]) {
        const options: StreamOptions = { dialect, encoding: 'utf-8', columns: PLAN, skipRagged, chunkBytes: 97 };
        const part = await readCsvPart(text, options);
        const expected = throughPapa(text, dialect, skipRagged);
        expect({ columns: part.columns.map(flat), failures: part.failures, ragged: part.ragged, records: part.records }).toEqual(expected);
      }
    }
  });

  test('a slice with a quote goes through PapaParse, and the lines around it read in place', async () => {
    const text = `n,c,b,d,t\n1,a,yes,2024-01-01,x\n2,"q,uoted",no,,y\n3,b,yes,,z\n`;
    const dialect: Dialect = { delimiter: ',', quoteChar: '"', lineEnding: '\n', hasHeader: true, decimalComma: false };
    const part = await readCsvPart(text, { dialect, encoding: 'utf-8', columns: PLAN, skipRagged: false, chunkBytes: 12 });
    expect(part.rowCount).toBe(3);
    expect(part.columns[1]!.dictionary).toEqual(['a', 'q,uoted', 'b']);
    expect(Array.from(toColumn(part.columns[0]!).values)).toEqual([1, 2, 3]);
  });
});
