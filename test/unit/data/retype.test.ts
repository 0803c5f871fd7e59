import { describe, expect, test } from 'vitest';
import { columnFromStrings } from '../../../src/data/column-builder';
import { formatCell } from '../../../src/data/format-cell';
import { retypeColumn } from '../../../src/data/retype';
import type { Column, ColumnKind } from '../../../src/shared/column';

const col = (kind: ColumnKind, cells: string[]): Column => columnFromStrings('c', kind, cells, { decimalComma: false });
const cells = (c: Column, n: number) => Array.from({ length: n }, (_, r) => formatCell(c, r));

describe('retypeColumn', () => {
  test('labels to numbers: readable ones convert, the rest become missing and are counted', () => {
    const { column, failures } = retypeColumn(col('categorical', ['1', '2.5', 'x', '', '1']), 5, 'numeric');
    expect(column.kind).toBe('numeric');
    expect(cells(column, 5)).toEqual(['1', '2.5', '', '', '1']);
    expect(failures).toEqual({ count: 1, firstRow: 2, firstValue: 'x' });
  });

  test('numbers to labels keep their text; missing stays missing', () => {
    const { column, failures } = retypeColumn(col('numeric', ['3', '', '3', '0.5']), 4, 'categorical');
    expect(column.dictionary).toEqual(['3', '0.5']);
    expect(cells(column, 4)).toEqual(['3', '', '3', '0.5']);
    expect(failures).toBeNull();
  });

  test('booleans become 0 and 1; dates and numbers keep their value', () => {
    expect(cells(retypeColumn(col('boolean', ['yes', 'no', '']), 3, 'numeric').column, 3)).toEqual(['1', '0', '']);
    const date = col('datetime', ['2024-01-02']);
    expect(retypeColumn(date, 1, 'numeric').column.values[0]).toBe(Date.UTC(2024, 0, 2));
    expect(cells(retypeColumn(retypeColumn(date, 1, 'numeric').column, 1, 'datetime').column, 1)).toEqual(['2024-01-02']);
  });

  test('label kinds share codes; text to dates infers the day order', () => {
    const text = col('text', ['a', 'b', 'a']);
    const ident = retypeColumn(text, 3, 'identifier').column;
    expect(ident.kind).toBe('identifier');
    expect(Array.from(ident.values)).toEqual([0, 1, 0]);
    expect(ident.dictionary).not.toBe(text.dictionary);
    const dates = retypeColumn(col('categorical', ['31/01/2024', '01/02/2024']), 2, 'datetime').column;
    expect(cells(dates, 2)).toEqual(['2024-01-31', '2024-02-01']);
  });

  test('text to dates reads the order any value proves, however far down it is', () => {
    const texts = [...Array.from({ length: 1500 }, () => '01/02/2024'), '12/25/2023'];
    const { column, failures, note } = retypeColumn(col('categorical', texts), texts.length, 'datetime');
    expect(cells(column, texts.length).slice(-2)).toEqual(['2024-01-02', '2023-12-25']);
    expect(failures).toBeNull();
    expect(note).toBeNull();
  });

  test('text to dates that read either way takes the order the caller knows, and says it was assumed', () => {
    const dates = col('categorical', ['01/02/2024', '03/04/2024', '']);
    const chosen = retypeColumn(dates, 3, 'datetime', { dateOrder: 'mdy' });
    expect(cells(chosen.column, 3)).toEqual(['2024-01-02', '2024-03-04', '']);
    expect(chosen.note).toBe('Column "c": dates read as month/day; every day is 12 or less, so day/month is possible too.');
    const assumed = retypeColumn(dates, 3, 'datetime');
    expect(cells(assumed.column, 3)).toEqual(['2024-02-01', '2024-04-03', '']);
    expect(assumed.note).toBe('Column "c": dates read as day/month; every day is 12 or less, so month/day is possible too.');
    // A proof in the column beats the caller's order.
    expect(cells(retypeColumn(col('categorical', ['25/12/2023', '01/02/2024']), 2, 'datetime', { dateOrder: 'mdy' }).column, 2)).toEqual(['2023-12-25', '2024-02-01']);
  });

  test('the original column is never changed', () => {
    const original = col('categorical', ['1', 'x']);
    const before = Array.from(original.values);
    retypeColumn(original, 2, 'numeric').column.values[0] = 99;
    expect(Array.from(original.values)).toEqual(before);
    expect(original.kind).toBe('categorical');
  });
});
