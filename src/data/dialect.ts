/**
 * What kind of text file a CSV is, detected from its first bytes: encoding, separator,
 * quote character, header row, decimal comma and line ending. The user sees the result in the
 * import preview and can change any of it.
 */
import Papa from 'papaparse';
import { commentLineCount, DOT_THOUSANDS, leadingHashLines, trailingSeparator } from './file-quirks';
import { afterLines, breakCharOf, countChar, recordLines } from './line-numbers';
import { isMissingToken } from './missing-values';
import { numberUnit, parseNumber } from './numbers';

export type TextEncoding = 'utf-8' | 'windows-1252';

/** e.g. a German export: { delimiter: ';', quoteChar: '"', hasHeader: true, decimalComma: true, lineEnding: '\r\n', skipLines: 0, trailingDelimiter: false } */
export interface Dialect {
  delimiter: ',' | ';' | '\t' | '|';
  quoteChar: '"' | "'";
  hasHeader: boolean;
  decimalComma: boolean;
  /** most of the sample's line ends; '\n' and '\r\n' are read alike, so a file may mix them */
  lineEnding: '\n' | '\r\n' | '\r';
  /** lines before the header (or the data) that are left out: comment lines such as '# exported by X' (0 when absent) */
  skipLines?: number;
  /**
   * lines may end with a separator that closes the last field: a record with one field more than
   * the header whose last field is empty is read without it (false when absent)
   */
  trailingDelimiter?: boolean;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (head: Uint8Array, bytes: readonly number[]) => bytes.every((b, i) => head[i] === b);

/**
 * How many bytes at the end of `head` are the start of a UTF-8 character whose remaining
 * bytes lie beyond the sample; 0 when the last character is whole.
 * Example: 'caf' + [0xC3] → 1 (the first byte of 'é').
 */
function cutCharacterBytes(head: Uint8Array): number {
  for (let back = 1; back <= Math.min(4, head.length); back++) {
    const b = head[head.length - back]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: keep walking back to the lead byte
    if (b < 0xc2 || b > 0xf4) return 0; // ASCII, or not a lead byte at all: the decoder judges it
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return length > back ? back : 0;
  }
  return 0;
}

/**
 * UTF-8 (with or without BOM) when the bytes decode as UTF-8, else Windows-1252; UTF-16 is refused.
 * `isWholeFile` says the sample is the whole file, so a broken last character is really broken.
 * Example: [0x63, 0x61, 0x66, 0xe9] (café in Windows-1252) with isWholeFile → { encoding: 'windows-1252', bom: false }.
 */
export function detectEncoding(head: Uint8Array, isWholeFile = false): { encoding: TextEncoding; bom: boolean } | { problem: string } {
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) {
    return { problem: 'This file is UTF-16 encoded; save it as UTF-8 CSV and import it again.' };
  }
  const bom = startsWith(head, UTF8_BOM);
  const body = isWholeFile ? head : head.subarray(0, head.length - cutCharacterBytes(head));
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
    return { encoding: 'utf-8', bom };
  } catch {
    // Every byte sequence is valid Windows-1252 (a superset of Latin-1 for the letters that matter).
    return { encoding: 'windows-1252', bom: false };
  }
}

const MAGIC: { bytes: number[]; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
];

/** True for NUL bytes, known binary formats (PNG, JPEG, PDF, gzip, GIF, zip/XLSX), or more than 10% control bytes. */
export function looksBinary(head: Uint8Array): boolean {
  if (startsWith(head, ZIP) || MAGIC.some((m) => startsWith(head, m.bytes))) return true;
  let control = 0;
  const n = Math.min(head.length, 65_536);
  for (let i = 0; i < n; i++) {
    const b = head[i]!;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 12 && b !== 13) control++;
  }
  return control > n * 0.1;
}

/**
 * Why a file is not a CSV, in words, or null when it is text.
 * Example: a PNG named 'x.csv' → '"x.csv" is not a text file (it looks like a PNG image). Choose a CSV file.'
 */
export function binaryProblem(head: Uint8Array, fileName: string): string | null {
  // An XLSX is a zip: by far the most common "CSV" that is not one, so it gets the fix in words.
  if (startsWith(head, ZIP)) {
    return `"${fileName}" is an Excel workbook or another zip archive, not a CSV file. In Excel, use File › Save As › CSV, then import that.`;
  }
  if (!looksBinary(head)) return null;
  const magic = MAGIC.find((m) => startsWith(head, m.bytes));
  return `"${fileName}" is not a text file (${magic ? `it looks like ${magic.what}` : 'it contains binary data'}). Choose a CSV file.`;
}

/**
 * The sample as text: decoded, BOM removed, and, unless it is the whole file, without its
 * last line, which the sample's end probably cut.
 * Example: 'a,b\n1,2\n3,' (not the whole file) → 'a,b\n1,2'.
 */
export function decodeHead(head: Uint8Array, encoding: TextEncoding, isWholeFile: boolean): string {
  // Strip the BOM as bytes: decoded as Windows-1252 (the user's override) it would read 'ï»¿'.
  const body = startsWith(head, UTF8_BOM) ? head.subarray(3) : head;
  let text = new TextDecoder(encoding).decode(body);
  if (!isWholeFile) {
    let cut = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
    // Cut before the whole '\r\n': a stray '\r' would end up inside the last cell.
    if (text[cut] === '\n' && text[cut - 1] === '\r') cut--;
    if (cut > 0) text = text.slice(0, cut);
  }
  return text;
}

const DELIMITERS: Dialect['delimiter'][] = [',', ';', '\t', '|'];
/** Records read to choose the delimiter and quote, and to judge the header and decimal comma. */
const SNIFF_ROWS = 50;

/**
 * '\r' where lines end in a lone '\r' (old Mac exports) and no '\n' occurs, else '\r\n' or
 * '\n', whichever ends more of the sample's lines (not only the first: rows appended by another
 * tool may end differently).
 */
function lineEndingOf(text: string): Dialect['lineEnding'] {
  const lf = countChar(text, '\n');
  if (lf === 0) return text.includes('\r') ? '\r' : '\n';
  let crlf = 0;
  for (let at = text.indexOf('\r\n'); at !== -1; at = text.indexOf('\r\n', at + 2)) crlf++;
  return crlf * 2 > lf ? '\r\n' : '\n';
}

/**
 * Records of `text` under a delimiter, quote and line ending, with `skipEmptyLines` as PapaParse
 * has it. A '\r' before a '\n' ends the line with it, whichever line ending the dialect names.
 */
function parseRecords(
  text: string,
  d: { delimiter: string; quoteChar: string; lineEnding: Dialect['lineEnding'] },
  options: { preview?: number; skipEmptyLines: boolean | 'greedy' },
): string[][] {
  const newline = breakCharOf(d.lineEnding) as '\n' | '\r';
  const records = Papa.parse<string[]>(text, { delimiter: d.delimiter, quoteChar: d.quoteChar, newline, ...options }).data;
  if (newline === '\n') for (const record of records) dropLineEndCr(record);
  return records;
}

/** Removes the '\r' of a '\r\n' that a record read with '\n' as the line end keeps in its last field. */
export function dropLineEndCr(record: string[]): void {
  const last = record.length - 1;
  const cell = record[last]!;
  if (cell.charCodeAt(cell.length - 1) === 13) record[last] = cell.slice(0, -1);
}

function parseSample(text: string, delimiter: string, quoteChar: string, lineEnding: Dialect['lineEnding'], preview: number): string[][] {
  return parseRecords(text, { delimiter, quoteChar, lineEnding }, { preview, skipEmptyLines: 'greedy' });
}

/** A record's fields, a trailing empty one not counted: a separator closing every line adds no column. */
const widthOf = (record: readonly string[]) => record.length - (record.length > 1 && record[record.length - 1] === '' ? 1 : 0);

/** The delimiter under which the first records most often have the first record's width (at least 2). */
function bestDelimiter(text: string, quoteChar: Dialect['quoteChar'], lineEnding: Dialect['lineEnding']): Dialect['delimiter'] {
  let best: { delimiter: Dialect['delimiter']; score: number } = { delimiter: ',', score: -1 };
  for (const delimiter of DELIMITERS) {
    const rows = parseSample(text, delimiter, quoteChar, lineEnding, SNIFF_ROWS);
    const width = rows[0] ? widthOf(rows[0]) : 0;
    if (width < 2) continue;
    const consistent = rows.filter((r) => widthOf(r) === width).length / rows.length;
    // Consistency first, then more fields: the ',' inside '1,5' must not beat a steady ';'.
    const score = consistent * 1000 + Math.min(width, 999);
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/** Whether most non-empty cells open with a single quote, as in 'ann','paris'. */
function singleQuoted(rows: string[][]): boolean {
  let filled = 0;
  let opened = 0;
  for (const row of rows) {
    for (const cell of row) {
      const t = cell.trim();
      if (t === '') continue;
      filled++;
      // Opening is enough: a delimiter inside 'Smith, John' splits it when read with '"' quotes.
      if (t.startsWith("'")) opened++;
    }
  }
  return filled > 0 && opened * 2 >= filled;
}

const looksNumeric = (cell: string) => !Number.isNaN(parseNumber(cell, false)) || !Number.isNaN(parseNumber(cell, true));

/** Whether column `c` of `rows` holds numbers, ignoring missing spellings (at least one number). */
function numericColumn(rows: string[][], c: number): boolean {
  let numbers = 0;
  for (const row of rows) {
    const cell = row[c] ?? '';
    if (isMissingToken(cell)) continue;
    if (!looksNumeric(cell)) return false;
    numbers++;
  }
  return numbers > 0;
}

/** A header is names over data: no header when the first row is all numbers, or has a number atop a numeric column. */
function hasHeaderRow(rows: string[][]): boolean {
  const first = rows[0];
  if (!first) return true;
  const filled = first.filter((cell) => !isMissingToken(cell));
  if (filled.length > 0 && filled.every(looksNumeric)) return false;
  const later = rows.slice(1);
  if (later.length === 0) return true;
  return !first.some((cell, c) => !isMissingToken(cell) && looksNumeric(cell) && numericColumn(later, c));
}

const COMMA_DECIMAL = [/^[+-]?\d{1,3}(\.\d{3})*,\d+$/, /^[+-]?\d+,\d+$/];
const DOT_DECIMAL = /^[+-]?\d*\.\d+([eE][+-]?\d+)?$/;

/**
 * The number in a trimmed cell without the unit written around it: '3,50 €' → '3,50',
 * '-€1,09' → '-1,09', '12,5 %' → '12,5'; the cell itself when it has none.
 */
function withoutUnit(t: string): string {
  const unit = numberUnit(t);
  if (!unit) return t;
  if (t.endsWith(unit)) return t.slice(0, -unit.length).trimEnd();
  const sign = t[0] === '-' || t[0] === '+' ? t[0] : '';
  return sign + t.slice(sign.length + unit.length).trimStart();
}

/** Whether numbers write their decimals with a comma ('1.234,5', '3,50 €') and none with a dot. */
function usesDecimalComma(rows: string[][]): boolean {
  let comma = 0;
  for (const row of rows) {
    for (const cell of row) {
      const t = withoutUnit(cell.trim());
      // '1.234' is a dot decimal in one locale and a thousand in another: it decides nothing.
      if (DOT_DECIMAL.test(t) && !DOT_THOUSANDS.test(t)) return false;
      if (COMMA_DECIMAL.some((re) => re.test(t))) comma++;
    }
  }
  return comma > 0;
}

/** The dialect of `text`, which starts at the header (or the first data row). */
function sniffBody(text: string, lineEnding: Dialect['lineEnding']): { dialect: Dialect; rows: string[][] } {
  let delimiter = bestDelimiter(text, '"', lineEnding);
  const quoteChar: Dialect['quoteChar'] = singleQuoted(parseSample(text, delimiter, '"', lineEnding, SNIFF_ROWS)) ? "'" : '"';
  // Read with the right quote, a delimiter inside quoted cells no longer breaks the count.
  if (quoteChar === "'") delimiter = bestDelimiter(text, quoteChar, lineEnding);
  const rows = parseSample(text, delimiter, quoteChar, lineEnding, SNIFF_ROWS);
  const hasHeader = hasHeaderRow(rows);
  const dialect: Dialect = {
    delimiter,
    quoteChar,
    hasHeader,
    // With ',' as the delimiter, '1,5' is two cells, never a decimal comma.
    decimalComma: delimiter !== ',' && usesDecimalComma(rows),
    lineEnding,
    skipLines: 0,
    trailingDelimiter: trailingSeparator(rows, hasHeader) !== null,
  };
  return { dialect, rows };
}

/**
 * Why a decimal comma with a comma separator misreads the file, or null: an unquoted 1,5 is two
 * cells, and 1.5 is no longer a number, so the learner who ticks it sees columns turn categorical.
 */
export function decimalCommaClash(dialect: Pick<Dialect, 'delimiter' | 'decimalComma'>): string | null {
  if (!dialect.decimalComma || dialect.delimiter !== ',') return null;
  return 'The separator is a comma too: a number written 1,5 is read as two cells unless it is quoted, and one written 1.5 is not read as a number. Files with decimal commas usually separate cells with semicolons.';
}

/**
 * The dialect under which the sample reads most regularly. Leading lines that open with '#'
 * and have fewer fields than the line after them are comments, judged before the rest (as the
 * header, they would make every row look ragged, and hide the separator). With `skipLines`
 * (the learner's count), those lines are left out and no comment is looked for.
 * Example: 'stadt;preis\nBerlin;1.234,5\n' → { delimiter: ';', quoteChar: '"', hasHeader: true, decimalComma: true, lineEnding: '\n', skipLines: 0, trailingDelimiter: false }.
 */
export function sniffDialect(text: string, skipLines?: number): Dialect {
  const lineEnding = lineEndingOf(text);
  const breakChar = breakCharOf(lineEnding);
  // The learner said where the table starts: the rest is judged from there.
  if (skipLines !== undefined) return { ...sniffBody(text.slice(afterLines(text, skipLines, breakChar)), lineEnding).dialect, skipLines };
  const candidates = leadingHashLines(text, breakChar);
  if (candidates.length === 0) return sniffBody(text, lineEnding).dialect;
  const after = sniffBody(text.slice(afterLines(text, candidates.length, breakChar)), lineEnding);
  const comments = commentLineCount(candidates, after.dialect.delimiter, after.rows[0] ? widthOf(after.rows[0]) : 0);
  if (comments === candidates.length) return { ...after.dialect, skipLines: comments };
  return { ...sniffBody(text.slice(afterLines(text, comments, breakChar)), lineEnding).dialect, skipLines: comments };
}

/**
 * The first `limit` non-blank records of the sample under a dialect, its skipped lines left
 * out and nothing else changed: to judge what it holds (see trailingSeparator).
 */
export function sampleRecords(text: string, dialect: Dialect, limit = SNIFF_ROWS): string[][] {
  const body = text.slice(afterLines(text, dialect.skipLines ?? 0, breakCharOf(dialect.lineEnding)));
  return parseSample(body, dialect.delimiter, dialect.quoteChar, dialect.lineEnding, limit);
}

/** The first `lines` lines of `text`, as they are written (a '\r' before the line break left out). */
export function firstLines(text: string, lines: number, lineEnding: Dialect['lineEnding']): string[] {
  const breakChar = breakCharOf(lineEnding);
  const head = text.slice(0, afterLines(text, lines, breakChar));
  return head.split(breakChar).slice(0, lines).map((l) => (breakChar === '\n' && l.endsWith('\r') ? l.slice(0, -1) : l));
}

/**
 * The sample's rows under a dialect, for the preview table: the header (null without one), up
 * to `maxRows` data rows, the 1-based line of the file each starts on, and the lines where a
 * record starts whose field count differs from the first record's (blank lines, skipped lines
 * and cells spanning lines counted, as an editor counts them). Under `trailingDelimiter`, the
 * table is as wide as the first record without an empty last field, and a record one field
 * wider whose last field is empty loses it, as the import reads it (RowSink).
 * Example: 'a,b\n1,2\n\n3\n' → { header: ['a', 'b'], rows: [['1', '2'], ['3']], rowLines: [2, 4], raggedLines: [4] }.
 */
export function previewRows(text: string, dialect: Dialect, maxRows: number): { header: string[] | null; rows: string[][]; rowLines: number[]; raggedLines: number[] } {
  const breakChar = breakCharOf(dialect.lineEnding);
  const skip = dialect.skipLines ?? 0;
  const body = text.slice(afterLines(text, skip, breakChar));
  // Blank records are kept to number the lines, then left out as PapaParse's 'greedy' would.
  const parsed = parseRecords(body, dialect, { skipEmptyLines: false });
  const lineOf = recordLines(parsed, skip + 1, countChar(body, breakChar), Math.max(0, parsed.length - 1), breakChar);
  const all: string[][] = [];
  const lines: number[] = [];
  parsed.forEach((r, i) => {
    if (r.join('').trim() === '') return;
    all.push(r);
    lines.push(lineOf(i));
  });
  if (dialect.trailingDelimiter) dropClosingFields(all);
  const width = all[0]?.length ?? 0;
  const raggedLines = lines.filter((_, i) => all[i]!.length !== width);
  const header = dialect.hasHeader ? (all[0] ?? null) : null;
  const from = dialect.hasHeader ? 1 : 0;
  const to = from + Math.max(0, maxRows);
  return { header, rows: all.slice(from, to), rowLines: lines.slice(from, to), raggedLines };
}

/** The empty last field a closing separator leaves, removed from each record one field wider than the first record's fields before it. */
function dropClosingFields(records: string[][]): void {
  const width = records[0] ? widthOf(records[0]) : 0;
  for (const r of records) if (r.length === width + 1 && r[width] === '') r.pop();
}
