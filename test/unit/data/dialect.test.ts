import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  binaryProblem,
  decimalCommaClash,
  decodeHead,
  detectEncoding,
  looksBinary,
  previewRows,
  sniffDialect,
  type Dialect,
} from '../../../src/data/dialect';
import { inspectHead } from '../../../src/data/inspect';

const FIXTURES = join(import.meta.dirname, '../../fixtures/csv');
const bytesOf = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const utf8 = (text: string) => new TextEncoder().encode(text);
/** A fixture as the app reads it when the head is the whole file. */
const textOf = (name: string) => decodeHead(bytesOf(name), 'utf-8', true);
const dialectOf = (name: string) => sniffDialect(textOf(name));
const csv: Dialect = { delimiter: ',', quoteChar: '"', hasHeader: true, decimalComma: false, lineEnding: '\n', skipLines: 0, trailingDelimiter: false };

describe('detectEncoding', () => {
  test('reads UTF-8 with and without a BOM', () => {
    expect(detectEncoding(bytesOf('utf8-bom.csv'))).toEqual({ encoding: 'utf-8', bom: true });
    expect(detectEncoding(bytesOf('semicolon-decimal-comma.csv'))).toEqual({ encoding: 'utf-8', bom: false });
    expect(detectEncoding(bytesOf('crlf.csv'))).toEqual({ encoding: 'utf-8', bom: false });
  });

  test('falls back to Windows-1252 for bytes that are not UTF-8', () => {
    expect(detectEncoding(bytesOf('latin1.csv'))).toEqual({ encoding: 'windows-1252', bom: false });
  });

  test('refuses UTF-16, little- and big-endian', () => {
    const problem = 'This file is UTF-16 encoded; save it as UTF-8 CSV and import it again.';
    expect(detectEncoding(bytesOf('utf16.csv'))).toEqual({ problem });
    expect(detectEncoding(new Uint8Array([0xfe, 0xff, 0, 0x61]))).toEqual({ problem });
  });

  test('forgives a character cut by the end of the sample, but not a broken one inside it', () => {
    const cafe = utf8('a,b\ncafé,1\ncafé');
    const cut = cafe.subarray(0, cafe.length - 1); // ends with the first byte of 'é'
    expect(detectEncoding(cut)).toEqual({ encoding: 'utf-8', bom: false });
    // The whole file ending in a lone lead byte is not UTF-8.
    expect(detectEncoding(cut, true)).toEqual({ encoding: 'windows-1252', bom: false });
    // A Windows-1252 'é' just before the end (e.g. 'café\n') is not a cut character.
    expect(detectEncoding(new Uint8Array([...utf8('name\ncaf'), 0xe9, 0x0a]))).toEqual({ encoding: 'windows-1252', bom: false });
  });

  test('calls an empty sample UTF-8', () => {
    expect(detectEncoding(bytesOf('empty.csv'))).toEqual({ encoding: 'utf-8', bom: false });
  });
});

describe('looksBinary and binaryProblem', () => {
  test('text files are text', () => {
    for (const name of ['latin1.csv', 'utf8-bom.csv', 'tab.tsv', 'cr-only.csv', 'formulas.csv', 'empty.csv']) {
      expect(looksBinary(bytesOf(name)), name).toBe(false);
      expect(binaryProblem(bytesOf(name), name), name).toBeNull();
    }
  });

  test('a PNG is named as such', () => {
    expect(looksBinary(bytesOf('binary.csv'))).toBe(true);
    expect(binaryProblem(bytesOf('binary.csv'), 'x.csv')).toBe('"x.csv" is not a text file (it looks like a PNG image). Choose a CSV file.');
  });

  test('an Excel workbook renamed .csv gets the way to export a CSV', () => {
    expect(looksBinary(bytesOf('excel.xlsx.csv'))).toBe(true);
    expect(binaryProblem(bytesOf('excel.xlsx.csv'), 'report.xlsx.csv')).toBe(
      '"report.xlsx.csv" is an Excel workbook or another zip archive, not a CSV file. In Excel, use File › Save As › CSV, then import that.',
    );
  });

  test('NUL bytes and many control bytes are binary data; a few are not', () => {
    expect(binaryProblem(new Uint8Array([0x61, 0x2c, 0x00, 0x62]), 'x.csv')).toBe('"x.csv" is not a text file (it contains binary data). Choose a CSV file.');
    const controls = (n: number) => new Uint8Array(Array.from({ length: 100 }, (_, i) => (i < n ? 0x01 : 0x61)));
    expect(looksBinary(controls(11))).toBe(true);
    expect(looksBinary(controls(10))).toBe(false);
    // Tabs, line breaks and form feeds are text.
    expect(looksBinary(new Uint8Array(Array.from({ length: 100 }, (_, i) => [0x09, 0x0a, 0x0c, 0x0d][i % 4]!)))).toBe(false);
  });

  test('PDF and gzip magic numbers are recognised', () => {
    expect(binaryProblem(utf8('%PDF-1.7\n'), 'a.csv')).toContain('it looks like a PDF document');
    expect(binaryProblem(new Uint8Array([0x1f, 0x8b, 0x08, 0x61]), 'a.csv')).toContain('it looks like a gzip archive');
  });
});

describe('decodeHead', () => {
  test('decodes Windows-1252', () => {
    const text = decodeHead(bytesOf('latin1.csv'), 'windows-1252', true);
    expect(text).toContain('café');
    expect(text).toContain('Zürich');
  });

  test('strips the BOM, in either encoding', () => {
    expect(decodeHead(bytesOf('utf8-bom.csv'), 'utf-8', true).startsWith('id,label')).toBe(true);
    expect(decodeHead(bytesOf('utf8-bom.csv'), 'windows-1252', true).startsWith('id,label')).toBe(true);
  });

  test('drops the last, cut line of a sample, but keeps the last line of a whole file', () => {
    expect(decodeHead(utf8('a,b\n1,2\n3,'), 'utf-8', false)).toBe('a,b\n1,2');
    expect(decodeHead(utf8('a,b\r\n1,2\r\n3,'), 'utf-8', false)).toBe('a,b\r\n1,2');
    expect(decodeHead(utf8('a,b\r1,2\r3,'), 'utf-8', false)).toBe('a,b\r1,2');
    expect(decodeHead(utf8('a,b\n1,2\n3,4'), 'utf-8', true)).toBe('a,b\n1,2\n3,4');
  });
});

describe('sniffDialect', () => {
  test('a plain CSV', () => {
    expect(dialectOf('formulas.csv')).toEqual(csv);
    expect(dialectOf('proto-columns.csv')).toEqual(csv);
  });

  test('semicolons with decimal commas', () => {
    expect(dialectOf('semicolon-decimal-comma.csv')).toEqual({ ...csv, delimiter: ';', decimalComma: true });
  });

  test('tabs, with dot decimals', () => {
    expect(dialectOf('tab.tsv')).toEqual({ ...csv, delimiter: '\t' });
  });

  test('a pipe', () => {
    expect(sniffDialect('a|b|c\n1|2,5|x\n3|4,5|y\n').delimiter).toBe('|');
  });

  test('quoted cells with commas inside do not confuse the delimiter', () => {
    expect(dialectOf('thousands.csv')).toEqual(csv);
    expect(sniffDialect('name;note\n"a;b";1\n"c;d";2\n').delimiter).toBe(';');
  });

  test('line endings: CRLF, a lone CR, LF', () => {
    expect(dialectOf('crlf.csv')).toEqual({ ...csv, lineEnding: '\r\n' });
    expect(dialectOf('cr-only.csv')).toEqual({ ...csv, lineEnding: '\r' });
    expect(dialectOf('ragged.csv').lineEnding).toBe('\n');
  });

  test('single quotes when cells are wrapped in them, even around a delimiter', () => {
    expect(dialectOf('single-quote.csv')).toEqual({ ...csv, quoteChar: "'" });
    expect(sniffDialect("'name','city'\n'Smith, John','paris'\n'bob','rome'\n")).toEqual({ ...csv, quoteChar: "'" });
    // An apostrophe here and there is no quoting.
    expect(sniffDialect("name,city\nO'Brien,'s-Hertogenbosch\nann,rome\nbob,paris\n").quoteChar).toBe('"');
  });

  test('a header of names over numbers; no header over numbers only', () => {
    expect(dialectOf('no-header.csv').hasHeader).toBe(false);
    expect(dialectOf('header-only.csv').hasHeader).toBe(true);
    expect(dialectOf('missing-values.csv').hasHeader).toBe(true);
    expect(dialectOf('duplicate-headers.csv').hasHeader).toBe(true);
    expect(sniffDialect('1,2,3\n').hasHeader).toBe(false);
    // A text first row whose number sits atop a numeric column (with gaps) is data.
    expect(sniffDialect('ann,30\nbob,NA\ncid,41\n').hasHeader).toBe(false);
    expect(sniffDialect('name,age\nann,30\nbob,NA\n').hasHeader).toBe(true);
  });

  test('a decimal comma needs a non-comma delimiter and no dot decimals', () => {
    expect(sniffDialect('a;b\n1,5;2\n3,25;4\n').decimalComma).toBe(true);
    expect(sniffDialect('a;b\n1,5;2\n3.25;4\n').decimalComma).toBe(false);
    // '1.234' alone is a thousand or a decimal: it does not veto.
    expect(sniffDialect('a;b\n1,5;1.234\n').decimalComma).toBe(true);
    expect(dialectOf('thousands.csv').decimalComma).toBe(false);
  });

  test('leading comment lines are counted before the separator is judged', () => {
    expect(sniffDialect('# by tool X\na;b;c\n1;2;3\n')).toEqual({ ...csv, delimiter: ';', skipLines: 1 });
    expect(sniffDialect('# one\n# two, three\nname,n,m\nann,1,2\n').skipLines).toBe(2);
    // The first line with as many fields as the data may be its header: the lines before it are the comments.
    expect(sniffDialect('# one\n# two, three\nname,n\nann,1\n').skipLines).toBe(1);
    // As many fields as the line after it: a header whose first name starts with '#'.
    expect(sniffDialect('#id,n\n1,2\n').skipLines).toBe(0);
  });

  test('a separator closing the lines adds no column and does not hide the delimiter', () => {
    expect(sniffDialect('a;b;\n1;2;\n3;4;\n')).toEqual({ ...csv, delimiter: ';', trailingDelimiter: true });
    expect(sniffDialect('a;b\n1;2;\n3;4;\n')).toEqual({ ...csv, delimiter: ';', trailingDelimiter: true });
    expect(sniffDialect('a,b,note\n1,2,\n3,4,\n').trailingDelimiter).toBe(false);
  });

  test('a single column falls back to commas', () => {
    expect(sniffDialect('name\nann\nbob\n').delimiter).toBe(',');
  });
});

describe('previewRows', () => {
  test('reports ragged records by their line in the file, the header being line 1', () => {
    const text = textOf('ragged.csv');
    const preview = previewRows(text, sniffDialect(text), 100);
    expect(preview.raggedLines).toEqual([4, 7]);
    expect(preview.header).toEqual(['a', 'b', 'c']);
    expect(preview.rows).toHaveLength(7);
    expect(preview.rows[2]).toEqual(['7', '8', '9', '10']);
    expect(preview.rows[5]).toEqual(['17', '18']);
  });

  test('lines are counted as an editor counts them: blank lines and cells that span lines included', () => {
    const preview = previewRows('a,b\n1,2\n\n"x\ny",3\n4\n\r\n5,6\n', csv, 100);
    expect(preview.rows).toEqual([['1', '2'], ['x\ny', '3'], ['4'], ['5', '6']]);
    expect(preview.raggedLines).toEqual([6]);
  });

  test('parses under the given dialect: quotes, delimiter, line ending', () => {
    const text = textOf('semicolon-decimal-comma.csv');
    expect(previewRows(text, sniffDialect(text), 100).rows[0]).toEqual(['Berlin', '1.234,5', '3']);
    expect(previewRows(textOf('thousands.csv'), csv, 100).rows[0]).toEqual(['a', '1,234,567.89']);
    expect(previewRows(textOf('single-quote.csv'), { ...csv, quoteChar: "'" }, 100).rows).toEqual([
      ['ann', 'paris'],
      ['bob', 'rome'],
    ]);
    expect(previewRows(textOf('cr-only.csv'), { ...csv, lineEnding: '\r' }, 100).rows).toEqual([
      ['1', 'x'],
      ['2', 'y'],
      ['3', 'z'],
    ]);
  });

  test('without a header every record is a row', () => {
    const preview = previewRows(textOf('no-header.csv'), { ...csv, hasHeader: false }, 100);
    expect(preview.header).toBeNull();
    expect(preview.rows).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
      ['7', '8', '9'],
    ]);
  });

  test('stops at maxRows data rows, with or without a header', () => {
    expect(previewRows(textOf('ragged.csv'), csv, 2).rows).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
    expect(previewRows(textOf('no-header.csv'), { ...csv, hasHeader: false }, 2).rows).toHaveLength(2);
    expect(previewRows(textOf('no-header.csv'), { ...csv, hasHeader: false }, 0).rows).toEqual([]);
  });

  test('skipped lines and closing separators are left out, lines still counted from the top of the file', () => {
    const preview = previewRows('# note\na,b,\n1,2,\n3,4,5\n', { ...csv, skipLines: 1, trailingDelimiter: true }, 100);
    expect(preview).toEqual({ header: ['a', 'b'], rows: [['1', '2'], ['3', '4', '5']], rowLines: [3, 4], raggedLines: [4] });
  });

  test('a header-only file has a header and no rows', () => {
    expect(previewRows(textOf('header-only.csv'), csv, 100)).toEqual({ header: ['a', 'b', 'c'], rows: [], rowLines: [], raggedLines: [] });
  });

  test('duplicate and empty header names come through as they are', () => {
    expect(previewRows(textOf('duplicate-headers.csv'), csv, 100).header).toEqual(['x', '', 'x', 'y']);
  });
});

describe('a decimal comma in numbers written with a unit', () => {
  test('"3,50 €" and "12,5 %" are decimal commas', () => {
    expect(sniffDialect('artikel;preis\nBrot;3,50 €\nMilch;1,09 €\n').decimalComma).toBe(true);
    expect(sniffDialect('stadt;anteil\nBerlin;12,5 %\nKöln;7,25%\n').decimalComma).toBe(true);
    expect(sniffDialect('item;price\nbread;€3,50\nmilk;-€1,09\n').decimalComma).toBe(true);
  });

  test('a dot decimal with a unit still rules the decimal comma out', () => {
    expect(sniffDialect('item;price;rate\nbread;3,50 €;12.5%\n').decimalComma).toBe(false);
    expect(sniffDialect('item;price\nbread;$3.50\nmilk;$1,200\n').decimalComma).toBe(false);
  });

  test('and the import reads them as the preview says', () => {
    const inspection = inspectHead(utf8('artikel;preis;anteil\nBrot;3,50 €;12,5 %\nMilch;1.234,50 €;7 %\n'), { name: 'f.csv', size: 60 });
    if (!inspection.ok) throw new Error(inspection.problem);
    expect(inspection.inspection.columns.map((c) => c.kind)).toEqual(['categorical', 'numeric', 'numeric']);
  });
});

test('a decimal comma with a comma separator is explained; with any other separator, or without it, nothing is said', () => {
  expect(decimalCommaClash({ delimiter: ',', decimalComma: true })).toMatch(/read as two cells unless it is quoted.*semicolons/);
  expect(decimalCommaClash({ delimiter: ';', decimalComma: true })).toBeNull();
  expect(decimalCommaClash({ delimiter: ',', decimalComma: false })).toBeNull();
});
