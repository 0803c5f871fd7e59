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

  test('booleans become 0 and 1; dates become their epoch milliseconds, read back as dates when the caller says they were dates', () => {
    expect(cells(retypeColumn(col('boolean', ['yes', 'no', '']), 3, 'numeric').column, 3)).toEqual(['1', '0', '']);
    expect(retypeColumn(col('boolean', ['Yes', 'No']), 2, 'boolean').column.words).toEqual(['No', 'Yes']);
    const date = col('datetime', ['2024-01-02']);
    expect(retypeColumn(date, 1, 'numeric').column.values[0]).toBe(Date.UTC(2024, 0, 2));
    expect(cells(retypeColumn(retypeColumn(date, 1, 'numeric').column, 1, 'datetime', { epochMs: true }).column, 1)).toEqual(['2024-01-02']);
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

describe('retypeColumn in a file written with a decimal comma', () => {
  const dc = { decimalComma: true };
  test('labels are read as the file writes numbers: "." groups thousands, "," is the decimal', () => {
    const { column, failures } = retypeColumn(col('categorical', ['1.234', '2,5', '3', '1.234,5', '']), 5, 'numeric', dc);
    expect(Array.from(column.values.subarray(0, 4))).toEqual([1234, 2.5, 3, 1234.5]);
    expect(cells(column, 5)[4]).toBe('');
    expect(failures).toBeNull();
  });

  test('numbers become labels written the same way, so they read back as the same numbers', () => {
    const numbers = columnFromStrings('c', 'numeric', ['2,5', '1.234', '1.234,5', '0,001'], dc);
    const labels = retypeColumn(numbers, 4, 'categorical', dc).column;
    expect(cells(labels, 4)).toEqual(['2,5', '1234', '1234,5', '0,001']);
    expect(Array.from(retypeColumn(labels, 4, 'numeric', dc).column.values)).toEqual([2.5, 1234, 1234.5, 0.001]);
  });
});

describe('retypeColumn to true/false', () => {
  test('the numbers 0 and 1 are false and true; other numbers are not true/false values', () => {
    const { column, failures, noneRead } = retypeColumn(col('numeric', ['0', '1', '', '1', '2']), 5, 'boolean');
    expect(cells(column, 5)).toEqual(['false', 'true', '', 'true', '']);
    expect(failures).toEqual({ count: 1, firstRow: 4, firstValue: '2' });
    expect(noneRead).toBeNull();
  });

  test('labels "1" and "0" read as true and false, beside yes/no, shown in the first spelling of each word', () => {
    const { column, failures } = retypeColumn(col('categorical', ['1', '0', 'yes', 'No', 'maybe']), 5, 'boolean');
    expect(cells(column, 5)).toEqual(['yes', 'No', 'yes', 'No', '']);
    expect(failures).toEqual({ count: 1, firstRow: 4, firstValue: 'maybe' });
  });

  test('when no value reads as the new type, the reason names the column and a value', () => {
    const { noneRead } = retypeColumn(col('numeric', ['3', '', '7']), 3, 'boolean');
    expect(noneRead).toBe(
      'Column "c" cannot be read as true/false values: none of its 2 values is one (for example "3"), so its type was not changed. True/false values are written true/false, yes/no, t/f, y/n or 1/0.',
    );
    // A column with no values at all has nothing to refuse.
    expect(retypeColumn(col('numeric', ['', '']), 2, 'boolean').noneRead).toBeNull();
  });
});

describe('retypeColumn from numbers to dates', () => {
  test('numbers written yyyymmdd are those dates; other numbers are not dates', () => {
    const { column, failures, noneRead } = retypeColumn(col('numeric', ['20240305', '19991231', '', '20240230', '2024']), 5, 'datetime');
    expect(cells(column, 5)).toEqual(['2024-03-05', '1999-12-31', '', '', '']);
    expect(failures).toEqual({ count: 2, firstRow: 3, firstValue: '20240230' });
    expect(noneRead).toBeNull();
  });

  test('a year column is not read as milliseconds since 1970: it is refused, with the reason', () => {
    const { column, noneRead } = retypeColumn(col('numeric', ['2024', '2023']), 2, 'datetime');
    expect(cells(column, 2)).toEqual(['', '']);
    expect(noneRead).toBe(
      'Column "c" cannot be read as dates: none of its 2 values is one (for example "2024"), so its type was not changed. Numbers become dates only when written as yyyymmdd, like 20240305; a year alone, like 2024, is best kept as a number.',
    );
  });
});

describe('retypeColumn with a fitted order', () => {
  test('readDatesAs reads year-last dates in that order, whatever the values prove', () => {
    const dates = col('categorical', ['03/04/2024', '12/25/2023', '2024-05-06']);
    const { column, failures, note } = retypeColumn(dates, 3, 'datetime', { readDatesAs: 'dmy' });
    expect(cells(column, 3)).toEqual(['2024-04-03', '', '2024-05-06']);
    expect(failures).toEqual({ count: 1, firstRow: 1, firstValue: '12/25/2023' });
    expect(note).toBeNull();
  });
});
