import { describe, expect, test } from 'vitest';
import { inferColumnKind } from '../../../src/data/infer';

/** n cells made by f(0), f(1), … */
const many = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));
/** A distinct cell of exactly `length` characters, without spaces: 'v7xxxx…' */
const sized = (i: number, length: number) => `v${i}`.padEnd(length, 'x');

describe('empty columns', () => {
  test('a column of missing values, or no values, is categorical and says it is empty', () => {
    expect(inferColumnKind('a', ['NA', '', ' ', 'null'], false)).toEqual({ kind: 'categorical', reason: 'The column is empty in the rows read so far.' });
    expect(inferColumnKind('a', [], false).kind).toBe('categorical');
  });
});

describe('booleans', () => {
  test('words for yes and no, missing values aside', () => {
    expect(inferColumnKind('smoker', ['yes', 'no', 'NA', 'Yes'], false)).toEqual({
      kind: 'boolean',
      reason: 'All 3 values are yes/no or true/false. 1 cell "NA" is read as missing.',
    });
    expect(inferColumnKind('ok', ['TRUE', 'false', 't', 'F'], false).kind).toBe('boolean');
  });

  test('0/1 stays numeric, and one stray word spoils a boolean', () => {
    expect(inferColumnKind('survived', ['0', '1', '1', '0'], false).kind).toBe('numeric');
    expect(inferColumnKind('smoker', ['yes', 'no', '1'], false).kind).toBe('categorical');
    expect(inferColumnKind('smoker', ['yes', 'no', 'maybe'], false).kind).toBe('categorical');
  });
});

describe('numbers', () => {
  test('all numbers is numeric, with the count in the reason', () => {
    expect(inferColumnKind('age', ['31', '45', 'NA'], false)).toEqual({ kind: 'numeric', reason: 'All 2 values are numbers. 1 cell "NA" is read as missing.' });
    expect(inferColumnKind('price', ['1,5', '2,25', '1.234,5'], true)).toEqual({ kind: 'numeric', reason: 'All 3 values are numbers.' });
    expect(inferColumnKind('price', ['1,5', '2,25'], false).kind).toBe('categorical');
  });

  test('thousands in the reason are grouped', () => {
    expect(inferColumnKind('x', many(1500, (i) => String(i % 7)), false).reason).toBe('All 1,500 values are numbers.');
  });

  test('a count up by one over at least 20 rows is a row number', () => {
    const guess = inferColumnKind('row', many(20, (i) => String(i + 1)), false);
    expect(guess.kind).toBe('identifier');
    expect(guess.reason).toBe('The values count up by one (1, 2, …): a row number, not a measurement.');
    expect(inferColumnKind('row', many(19, (i) => String(i + 1)), false).kind).toBe('numeric');
    // Missing cells do not break the count.
    expect(inferColumnKind('row', [...many(10, (i) => String(i)), 'NA', ...many(10, (i) => String(i + 10))], false).kind).toBe('identifier');
  });

  test('counting down, by two, or with a repeat is not a row number', () => {
    expect(inferColumnKind('n', many(25, (i) => String(100 - i)), false).kind).toBe('numeric');
    expect(inferColumnKind('n', many(25, (i) => String(2 * i)), false).kind).toBe('numeric');
    expect(inferColumnKind('n', [...many(24, (i) => String(i)), '23'], false).kind).toBe('numeric');
    expect(inferColumnKind('n', many(25, (i) => `${i}.5`), false).kind).toBe('numeric');
  });

  test('distinct whole numbers in a column named like an id are an identifier', () => {
    const scattered = many(20, (i) => String(i * 37 + 1000));
    for (const name of ['PassengerId', 'userID', 'customer_id', 'customer-id', 'customer id', 'ID', 'id', 'Id_number', 'order_uuid', 'GUID']) {
      const guess = inferColumnKind(name, scattered, false);
      expect(guess.kind, name).toBe('identifier');
      expect(guess.reason, name).toBe('Whole numbers, a different one in every row, in a column named like an id.');
    }
    for (const name of ['paid', 'valid', 'idle', 'VOID', 'width', 'grid']) expect(inferColumnKind(name, scattered, false).kind, name).toBe('numeric');
  });

  test('an id name needs 20 distinct whole numbers', () => {
    expect(inferColumnKind('customer_id', many(19, (i) => String(i * 37)), false).kind).toBe('numeric');
    expect(inferColumnKind('customer_id', [...many(24, (i) => String(i * 37)), '0'], false).kind).toBe('numeric');
    expect(inferColumnKind('customer_id', many(25, (i) => `${i * 37}.25`), false).kind).toBe('numeric');
  });
});

describe('dates', () => {
  test('all dates is datetime, with the order they read in', () => {
    expect(inferColumnKind('when', ['2024-01-02', '2024-03-04T10:00', 'NA'], false)).toEqual({
      kind: 'datetime',
      dateOrder: 'ymd',
      reason: 'All 2 values are dates. 1 cell "NA" is read as missing.',
    });
    expect(inferColumnKind('when', ['25/12/2023', '01/02/2024'], false)).toMatchObject({ kind: 'datetime', dateOrder: 'dmy' });
    expect(inferColumnKind('when', ['12/25/2023', '01/02/2024'], false)).toMatchObject({ kind: 'datetime', dateOrder: 'mdy' });
  });

  test('one cell that is not a date makes the column labels; years alone are numbers', () => {
    const guess = inferColumnKind('when', ['2024-01-02', '2024-03-04', 'soon'], false);
    expect(guess.kind).toBe('categorical');
    expect(guess.dateOrder).toBeUndefined();
    expect(inferColumnKind('year', ['2024', '2023', '2024'], false).kind).toBe('numeric');
    // Day over 12 first, and over 12 second: no single order reads both.
    expect(inferColumnKind('when', ['25/12/2023', '12/25/2023'], false).kind).toBe('categorical');
  });
});

describe('strings', () => {
  test('a short code different in every one of at least 20 rows is an identifier', () => {
    expect(inferColumnKind('ticket', many(20, (i) => `A-${i}`), false)).toEqual({
      kind: 'identifier',
      reason: 'A different short code in every one of 20 rows: an identifier.',
    });
    expect(inferColumnKind('ticket', many(19, (i) => `A-${i}`), false).kind).toBe('categorical');
  });

  test('a mean length over 40 makes unique strings text', () => {
    expect(inferColumnKind('code', many(20, (i) => sized(i, 40)), false).kind).toBe('identifier');
    expect(inferColumnKind('code', many(20, (i) => sized(i, 41)), false)).toEqual({ kind: 'text', reason: 'Different text in every one of 20 rows.' });
  });

  test('more than 10% with spaces makes unique strings text', () => {
    // 2 of 20 is 10%: still codes. 3 of 20 is 15%: words.
    expect(inferColumnKind('name', many(20, (i) => (i < 2 ? `a ${i}` : `a${i}`)), false).kind).toBe('identifier');
    expect(inferColumnKind('name', many(20, (i) => (i < 3 ? `a ${i}` : `a${i}`)), false).kind).toBe('text');
  });

  test('repeated long strings are text when mostly different, else labels', () => {
    // 20 values, 11 distinct (over half), 41 characters each.
    const mostlyDifferent = many(20, (i) => sized(Math.min(i, 10), 41));
    expect(inferColumnKind('review', mostlyDifferent, false)).toEqual({ kind: 'text', reason: 'Long text (41 characters on average), mostly different in each row.' });
    // 10 distinct of 20 is exactly half: labels.
    expect(inferColumnKind('review', many(20, (i) => sized(i % 10, 41)), false).kind).toBe('categorical');
    // 40 characters on average is not long.
    expect(inferColumnKind('review', many(20, (i) => sized(Math.min(i, 10), 40)), false).kind).toBe('categorical');
  });

  test('short repeated labels are categorical, counted in the reason', () => {
    expect(inferColumnKind('colour', [...many(25, (i) => ['red', 'green'][i % 2]!), 'NA'], false)).toEqual({
      kind: 'categorical',
      reason: '2 distinct labels over 25 values. 1 cell "NA" is read as missing.',
    });
    expect(inferColumnKind('one', ['x'], false).reason).toBe('1 distinct label over 1 value.');
  });
});
