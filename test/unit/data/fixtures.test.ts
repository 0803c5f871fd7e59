import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { hugeFieldCsv, largeCsv, wideCsv } from '../../fixtures/csv/generate';

const FIXTURES = join(import.meta.dirname, '../../fixtures/csv');

describe('committed fixtures', () => {
  test('are all there and small', () => {
    const names = readdirSync(FIXTURES).filter((n) => n !== 'generate.ts');
    expect(names.sort()).toEqual([
      'binary.csv', 'cr-only.csv', 'crlf.csv', 'duplicate-headers.csv', 'empty.csv', 'excel.xlsx.csv', 'exporter-quirks.csv', 'formulas.csv',
      'header-only.csv', 'html.csv', 'latin1.csv', 'missing-values.csv', 'no-header.csv', 'proto-columns.csv', 'ragged.csv',
      'semicolon-decimal-comma.csv', 'single-quote.csv', 'tab.tsv', 'thousands.csv', 'unclosed-quote.csv', 'utf16.csv',
      'utf8-bom.csv',
    ]);
    for (const name of names) expect(statSync(join(FIXTURES, name)).size, name).toBeLessThan(20_000);
    expect(statSync(join(FIXTURES, 'empty.csv')).size).toBe(0);
  });
});

describe('generated fixtures', () => {
  test('wideCsv has 5,000 columns on every line', () => {
    const lines = wideCsv().trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line.split(',')).toHaveLength(5000);
    expect(lines[0]!.split(',').at(-1)).toBe('c5000');
    expect(wideCsv(3, 1)).toBe('c1,c2,c3\n0,1,2\n');
  });

  test('hugeFieldCsv holds one field of exactly the asked size', () => {
    for (const size of [1_048_576, 10]) {
      const rows = Papa.parse<string[]>(hugeFieldCsv(size), { skipEmptyLines: true }).data;
      expect(rows).toHaveLength(3);
      expect(rows[1]![1]).toHaveLength(size);
      expect(rows[2]).toEqual(['2', 'short']);
    }
  });

  test('largeCsv is deterministic: 10 columns, one line per row plus the header', () => {
    const text = largeCsv(1000);
    expect(largeCsv(1000)).toBe(text);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(1001);
    expect(lines[0]).toBe('x1,x2,x3,x4,x5,x6,x7,x8,segment,target');
    for (const line of lines) expect(line.split(',')).toHaveLength(10);
    // The first rows of a longer file are the same rows: a benchmark can compare sizes.
    expect(largeCsv(2000).startsWith(text)).toBe(true);
  });

  test('largeCsv has 8 numeric columns, 5 segments and a 0/1 target with both classes', () => {
    const rows = largeCsv(1000).trimEnd().split('\n').slice(1).map((l) => l.split(','));
    for (const row of rows) for (const x of row.slice(0, 8)) expect(Number.isFinite(Number(x)), x).toBe(true);
    expect(new Set(rows.map((r) => r[8])).size).toBe(5);
    const targets = rows.map((r) => r[9]);
    expect(new Set(targets)).toEqual(new Set(['0', '1']));
    const ones = targets.filter((t) => t === '1').length;
    // Balanced enough to train on: neither class is rare.
    expect(ones).toBeGreaterThan(300);
    expect(ones).toBeLessThan(700);
  });
});
