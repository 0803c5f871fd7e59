/**
 * What kind of text file a CSV is, detected from its first bytes: encoding, separator,
 * quote character, header row, decimal comma and line ending. The user sees the result in the
 * import preview and can change any of it.
 */
import Papa from 'papaparse';

export type TextEncoding = 'utf-8' | 'windows-1252';

export interface Dialect {
  delimiter: ',' | ';' | '\t' | '|';
  quoteChar: '"' | "'";
  hasHeader: boolean;
  decimalComma: boolean;
  lineEnding: '\n' | '\r\n' | '\r';
}

/** UTF-8 (with or without BOM) when the bytes decode as UTF-8, else Windows-1252; UTF-16 is refused. */
export function detectEncoding(head: Uint8Array): { encoding: TextEncoding; bom: boolean } | { problem: string } {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    return { problem: 'This file is UTF-16 encoded; save it as UTF-8 CSV and import it again.' };
  }
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  // A multi-byte character may be cut at the end of the sample: decode without the last 3 bytes.
  const body = head.length > 3 ? head.subarray(0, head.length - 3) : head;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
    return { encoding: 'utf-8', bom };
  } catch {
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

const startsWith = (head: Uint8Array, bytes: number[]) => bytes.every((b, i) => head[i] === b);

/** True for NUL bytes, known binary formats, or more than 10% control bytes. */
export function looksBinary(head: Uint8Array): boolean {
  if (MAGIC.some((m) => startsWith(head, m.bytes)) || startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return true;
  let control = 0;
  const n = Math.min(head.length, 65_536);
  for (let i = 0; i < n; i++) {
    const b = head[i]!;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return control > n * 0.1;
}

/** Why a file is not a CSV, in words, or null when it is text. */
export function binaryProblem(head: Uint8Array, fileName: string): string | null {
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    return `"${fileName}" is an Excel workbook or another zip archive, not a CSV file. In Excel, use File › Save As › CSV, then import that.`;
  }
  if (!looksBinary(head)) return null;
  const magic = MAGIC.find((m) => startsWith(head, m.bytes));
  return `"${fileName}" is not a text file (${magic ? `it looks like ${magic.what}` : 'it contains binary data'}). Choose a CSV file.`;
}

/** The sample as text: decoded, BOM removed, and without its last, probably cut, line. */
export function decodeHead(head: Uint8Array, encoding: TextEncoding, isWholeFile: boolean): string {
  let text = new TextDecoder(encoding).decode(head);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!isWholeFile) {
    const cut = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
    if (cut > 0) text = text.slice(0, cut);
  }
  return text;
}

const DELIMITERS: Dialect['delimiter'][] = [',', ';', '\t', '|'];

function lineEndingOf(text: string): Dialect['lineEnding'] {
  const i = text.search(/[\r\n]/);
  if (i < 0 || text[i] === '\n') return '\n';
  return text[i + 1] === '\n' ? '\r\n' : '\r';
}

function parseSample(text: string, delimiter: string, quoteChar: string, newline: Dialect['lineEnding'], rows: number): string[][] {
  return Papa.parse<string[]>(text, { delimiter, quoteChar, newline, preview: rows, skipEmptyLines: 'greedy' }).data;
}

const looksNumeric = (s: string) => /^\s*[+-]?(\d[\d,. ]*)?[.,]?\d+([eE][+-]?\d+)?\s*$/.test(s);

/** The dialect under which the sample reads most regularly. */
export function sniffDialect(text: string): Dialect {
  const lineEnding = lineEndingOf(text);
  let best: { delimiter: Dialect['delimiter']; score: number } = { delimiter: ',', score: -1 };
  for (const delimiter of DELIMITERS) {
    const rows = parseSample(text, delimiter, '"', lineEnding, 50);
    if (rows.length === 0) continue;
    const width = rows[0]!.length;
    if (width < 2) continue;
    const consistent = rows.filter((r) => r.length === width).length / rows.length;
    // Consistency first, then more fields: ',' inside '1,5' must not beat a steady ';'.
    const score = consistent * 1000 + Math.min(width, 999);
    if (score > best.score) best = { delimiter, score };
  }
  const delimiter = best.delimiter;
  const singleQuoted = new RegExp(`(^|[${delimiter === '\t' ? '\\t' : delimiter}])'[^']*'(?=[${delimiter === '\t' ? '\\t' : delimiter}]|$)`, 'm');
  const quoteChar: Dialect['quoteChar'] = !text.includes('"') && singleQuoted.test(text) ? "'" : '"';
  const rows = parseSample(text, delimiter, quoteChar, lineEnding, 200);

  const cells = rows.slice(1).flat();
  const commaDecimals = cells.filter((c) => /^[+-]?\d{1,3}(\.\d{3})*,\d+$/.test(c) || /^[+-]?\d+,\d+$/.test(c)).length;
  const dotDecimals = cells.filter((c) => /^[+-]?\d+\.\d+$/.test(c) && !/^[+-]?\d{1,3}\.\d{3}$/.test(c)).length;
  const decimalComma = delimiter !== ',' && commaDecimals > 0 && dotDecimals === 0;

  // A header is names over data: no header when the first row has a number where later rows do too.
  let hasHeader = true;
  if (rows.length > 1) {
    const first = rows[0]!;
    hasHeader = !first.some((cell, c) => cell.trim() !== '' && looksNumeric(cell) && rows.slice(1, 20).every((r) => looksNumeric(r[c] ?? '')));
  }
  return { delimiter, quoteChar, hasHeader, decimalComma, lineEnding };
}

/** The sample's rows under a dialect, for the preview, with the records whose width differs from the first. */
export function previewRows(text: string, dialect: Dialect, maxRows: number): { header: string[] | null; rows: string[][]; raggedRows: number[] } {
  const all = parseSample(text, dialect.delimiter, dialect.quoteChar, dialect.lineEnding, maxRows === Number.MAX_SAFE_INTEGER ? 0 : maxRows + 1);
  const width = all[0]?.length ?? 0;
  const raggedRows: number[] = [];
  all.forEach((r, i) => {
    if (r.length !== width) raggedRows.push(i + 1);
  });
  const header = dialect.hasHeader ? (all[0] ?? null) : null;
  return { header, rows: dialect.hasHeader ? all.slice(1) : all, raggedRows };
}
