/**
 * From the preview's guess to the stored column: what the learner reads in a reason is what the
 * import then does — units left out, codes kept whole, odd cells missing and counted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { streamCsv } from '../../../src/data/csv-stream';
import { inspectHead, type Inspection } from '../../../src/data/inspect';
import { isValid, type Column } from '../../../src/shared/column';

function inspect(text: string): Inspection {
  const result = inspectHead(new TextEncoder().encode(text), { name: 'f.csv', size: new TextEncoder().encode(text).length });
  if (!result.ok) throw new Error(result.problem);
  return result.inspection;
}

async function importText(text: string, inspection: Inspection) {
  const outcome = await streamCsv(text, 'f.csv', { dialect: inspection.dialect, encoding: inspection.encoding, columns: inspection.columns, skipRagged: false });
  if (!outcome.ok) throw new Error(outcome.problem);
  return outcome;
}

const cells = (column: Column) =>
  Array.from({ length: column.values.length }, (_, i) => (isValid(column.valid, i) ? (column.dictionary ? column.dictionary[column.values[i]!] : column.values[i]) : null));

describe('what the preview says is what the import does', () => {
  test('percentages and prices are stored as their numbers', async () => {
    const text = 'rate,price,zip\n12%,"$1,200",01234\n5.5%,$3.50,00501\n100 %,-$2,90210\n';
    const inspection = inspect(text);
    expect(inspection.columns.map((c) => c.kind)).toEqual(['numeric', 'numeric', 'categorical']);
    const { table } = await importText(text, inspection);
    expect(cells(table.columns[0]!)).toEqual([12, 5.5, 100]);
    expect(cells(table.columns[1]!)).toEqual([1200, 3.5, -2]);
    // The zip codes keep their leading zeros.
    expect(cells(table.columns[2]!)).toEqual(['01234', '00501', '90210']);
  });

  test('Numeric chosen for mostly numbers: the words become missing, and the notes count them', async () => {
    const text = `age\n${[31, 45, 'unknown', 50, 61, 'n/a?', 70, 'unknown', 33, 41, 52, 38, 29, 64, 47].join('\n')}\n`;
    const inspection = inspect(text);
    expect(inspection.columns[0]!.kind).toBe('categorical');
    expect(inspection.columns[0]!.reason).toContain('choose Numeric to read those 3 cells as missing');
    inspection.columns[0]!.kind = 'numeric';
    const { table, notes } = await importText(text, inspection);
    expect(cells(table.columns[0]!)).toEqual([31, 45, null, 50, 61, null, 70, null, 33, 41, 52, 38, 29, 64, 47]);
    expect(notes).toEqual(['Column "age": 3 values were not numbers (first at row 3, line 4 of the file: "unknown") and are stored as missing. To keep them, import this column as categorical.']);
  });
});

describe('a file with several exporters’ habits at once (exporter-quirks.csv)', () => {
  test('the preview says what it noticed, and the import keeps zeros, drops the % and makes the word missing', async () => {
    const text = readFileSync(join(import.meta.dirname, '../../fixtures/csv/exporter-quirks.csv'), 'utf8');
    const inspection = inspect(text);
    expect(inspection.dialect).toMatchObject({ skipLines: 1, trailingDelimiter: true });
    expect(inspection.headerNotes).toEqual([
      'Line 1 looks like a comment, not a header: "# exported by ShopTool 3.2". It is skipped; the column names are read from line 2.',
      'Every line ends with a separator; the empty last field is ignored.',
    ]);
    expect(inspection.columns.map((c) => [c.name, c.kind])).toEqual([
      ['city', 'categorical'],
      ['zip', 'categorical'],
      ['discount', 'numeric'],
      ['age', 'categorical'],
    ]);
    expect(inspection.columns[3]!.reason).toBe('Mostly numbers (9 of 10), but "unknown" (line 5) is not: read as labels. Fix it in the file, or choose Numeric to read that cell as missing.');
    inspection.columns[3]!.kind = 'numeric';
    const { table, notes } = await importText(text, inspection);
    expect(cells(table.columns[1]!).slice(0, 3)).toEqual(['01234', '00501', '02139']);
    expect(cells(table.columns[2]!)).toEqual([12, 5, 7.5, 20, 12, 0, 15, 5, 10, 12]);
    expect(cells(table.columns[3]!)).toEqual([31, 45, null, 52, 29, 61, 38, 44, 27, 35]);
    expect(notes).toEqual(['Column "age": 1 value was not a number (first at row 3, line 5 of the file: "unknown") and is stored as missing. To keep it, import this column as categorical.']);
  });
});
