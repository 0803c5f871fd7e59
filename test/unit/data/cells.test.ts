import { describe, expect, test } from 'vitest';
import { columnFromStrings, createColumnBuilder } from '../../../src/data/column-builder';
import { cleanHeaders } from '../../../src/data/headers';
import { inferColumnKind } from '../../../src/data/infer';
import { parseBoolean } from '../../../src/data/booleans';
import { inferDateOrder, parseDate } from '../../../src/data/dates';
import { isMissingToken } from '../../../src/data/missing-values';
import { parseNumber } from '../../../src/data/numbers';
import { isValid } from '../../../src/shared/column';

describe('isMissingToken', () => {
  test('knows the usual spellings of missing, in any case, trimmed', () => {
    for (const t of ['', '  ', 'NA', 'na', 'N/A', 'n/a', 'null', 'NULL', 'NaN', 'nan', 'None', 'none', '?', '-', '#N/A', ' NA ']) {
      expect(isMissingToken(t), JSON.stringify(t)).toBe(true);
    }
    for (const t of ['0', 'N', 'nana', 'none of them', '--', 'NAN1', ' a ']) expect(isMissingToken(t), t).toBe(false);
  });
});

describe('parseNumber', () => {
  test('reads plain, signed, exponent and grouped numbers', () => {
    const cases: [string, boolean, number][] = [
      ['42', false, 42], ['-3.5', false, -3.5], ['+7', false, 7], ['.5', false, 0.5], ['007', false, 7], [' 12 ', false, 12],
      ['1e-3', false, 0.001], ['2E+5', false, 200000], ['1,234,567.89', false, 1234567.89], ['1 234', false, 1234],
      ['1\u00a0234,5', true, 1234.5], ['1\u202f234', false, 1234], ['1.234.567,89', true, 1234567.89], ['99,95', true, 99.95], ['3.5', false, 3.5],
    ];
    for (const [text, comma, expected] of cases) expect(parseNumber(text, comma), text).toBe(expected);
  });

  test('refuses anything that is not one number', () => {
    for (const text of ['', ' ', '0x10', 'Infinity', '1,23,4', '1.2.3', '12abc', '--1', '.', '+', '1,2345', ',5', '1e', 'e5', '1 2', '12,']) {
      expect(parseNumber(text, false), text).toBeNaN();
    }
    // With a decimal comma, '1.5' is a badly grouped number, not one and a half.
    expect(parseNumber('1.5', true)).toBeNaN();
    expect(parseNumber('1,5', false)).toBeNaN();
  });
});

describe('parseBoolean and parseDate', () => {
  test('booleans are words, never 0/1', () => {
    expect(['true', 'Yes', ' T ', 'y'].map(parseBoolean)).toEqual([1, 1, 1, 1]);
    expect(['FALSE', 'no', 'f', 'N'].map(parseBoolean)).toEqual([0, 0, 0, 0]);
    expect(['1', '0', 'maybe', ''].map(parseBoolean)).toEqual([-1, -1, -1, -1]);
  });

  test('dates: ISO forms with offsets, and day/month orders', () => {
    expect(parseDate('2024-03-05', 'ymd')).toBe(Date.UTC(2024, 2, 5));
    expect(parseDate('2024-03-05T14:30', 'ymd')).toBe(Date.UTC(2024, 2, 5, 14, 30));
    expect(parseDate('2024-03-05 14:30:15.5Z', 'ymd')).toBe(Date.UTC(2024, 2, 5, 14, 30, 15, 500));
    expect(parseDate('2024-03-05T14:30+02:00', 'ymd')).toBe(Date.UTC(2024, 2, 5, 12, 30));
    expect(parseDate('2024/03/05', 'dmy')).toBe(Date.UTC(2024, 2, 5));
    expect(parseDate('05/03/2024', 'dmy')).toBe(Date.UTC(2024, 2, 5));
    expect(parseDate('03/05/2024', 'mdy')).toBe(Date.UTC(2024, 2, 5));
    expect(parseDate('29.02.2024', 'dmy')).toBe(Date.UTC(2024, 1, 29));
    for (const bad of ['2023-02-29', '2024-13-01', '2024-01-01T24:00', '2024', '20240305', '31/04/2024', 'soon']) {
      expect(parseDate(bad, 'dmy'), bad).toBeNaN();
    }
  });

  test('the date order follows the evidence', () => {
    expect(inferDateOrder(['25/12/2023', '01/02/2024'])).toBe('dmy');
    expect(inferDateOrder(['12/25/2023', '01/02/2024'])).toBe('mdy');
    expect(inferDateOrder(['2024-01-02', '2024-03-04'])).toBe('ymd');
  });
});

describe('inferColumnKind', () => {
  const many = (f: (i: number) => string, n = 25) => Array.from({ length: n }, (_, i) => f(i));
  test('follows its rules in order, with a reason', () => {
    expect(inferColumnKind('a', ['NA', ''], false)).toMatchObject({ kind: 'categorical', reason: 'The column is empty in the rows read so far.' });
    expect(inferColumnKind('a', ['yes', 'no', 'NA'], false)).toMatchObject({ kind: 'boolean' });
    expect(inferColumnKind('age', ['31', '45', 'NA'], false)).toEqual({ kind: 'numeric', reason: 'All 2 values are numbers. 1 cell "NA" is read as missing.' });
    expect(inferColumnKind('row', many((i) => String(i + 1)), false).kind).toBe('identifier');
    expect(inferColumnKind('PassengerId', many((i) => String(i * 3 + 7)), false).kind).toBe('identifier');
    expect(inferColumnKind('paid', many((i) => String(i * 3 + 7)), false).kind).toBe('numeric');
    expect(inferColumnKind('row', many((i) => String(i + 1), 19), false).kind).toBe('numeric');
    expect(inferColumnKind('when', ['2024-01-02', '2024-03-04'], false)).toMatchObject({ kind: 'datetime', dateOrder: 'ymd' });
    expect(inferColumnKind('code', many((i) => `C-${i}`), false).kind).toBe('identifier');
    expect(inferColumnKind('review', many((i) => `review number ${i} says this was quite good overall, really`), false).kind).toBe('text');
    expect(inferColumnKind('colour', many((i) => ['red', 'green'][i % 2]!), false)).toMatchObject({ kind: 'categorical', reason: '2 distinct labels over 25 values.' });
  });
});

describe('cleanHeaders', () => {
  test('names every column once, and says what it changed', () => {
    expect(cleanHeaders(['\uFEFFid', '', 'x', 'x', 'x_2', ' a\tb ', '__proto__', '<b>x</b>'])).toEqual({
      names: ['id', 'column_2', 'x', 'x_3', 'x_2', 'a b', '__proto__', '<b>x</b>'],
      notes: ['Column 2 had no name; it is now "column_2".', 'Columns 3 and 4 were both named "x"; column 4 is now "x_3".'],
    });
  });
});

describe('column builder', () => {
  test('stores each kind in its typed array, with validity', () => {
    const num = columnFromStrings('n', 'numeric', ['1.5', 'NA', 'NaN', '2'], { decimalComma: false });
    expect(num.values).toBeInstanceOf(Float64Array);
    expect(Array.from(num.values)).toEqual([1.5, 0, 0, 2]);
    expect([0, 1, 2, 3].map((i) => isValid(num.valid, i))).toEqual([true, false, false, true]);
    const cat = columnFromStrings('c', 'categorical', ['b', 'a', ' b', '', 'a'], { decimalComma: false });
    expect(cat.dictionary).toEqual(['b', 'a']);
    expect(Array.from(cat.values)).toEqual([0, 1, 0, 0, 1]);
    expect(isValid(cat.valid, 3)).toBe(false);
    const flag = columnFromStrings('f', 'boolean', ['yes', 'no', 'x'], { decimalComma: false });
    expect(flag.values).toBeInstanceOf(Uint8Array);
    expect(Array.from(flag.values)).toEqual([1, 0, 0]);
    const when = columnFromStrings('d', 'datetime', ['05/03/2024'], { decimalComma: false, dateOrder: 'dmy' });
    expect(when.values[0]).toBe(Date.UTC(2024, 2, 5));
  });

  test('counts what did not parse', () => {
    const b = createColumnBuilder('n', 'numeric', { decimalComma: false });
    for (let i = 0; i < 1000; i++) b.push(i === 500 ? 'oops' : i === 700 ? 'bad' : String(i));
    const column = b.finish();
    expect(b.length).toBe(1000);
    expect(column.values).toHaveLength(1000);
    expect(column.valid).toHaveLength(125);
    expect(column.values[999]).toBe(999);
    expect(isValid(column.valid, 500)).toBe(false);
    expect(b.failures).toEqual({ count: 2, firstRow: 500, firstValue: 'oops' });
  });
});
