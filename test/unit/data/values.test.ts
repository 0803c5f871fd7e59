import { describe, expect, test } from 'vitest';
import { inferDateOrder, isMissingToken, numberUnit, parseBoolean, parseDate, parseNumber, readDateOrder } from '../../../src/data/values';

describe('isMissingToken', () => {
  test('knows the usual spellings of missing, in any case, trimmed', () => {
    const missing = ['', ' ', '\t', '\u00a0', 'NA', 'na', 'N/A', 'n/a', 'null', 'NULL', 'Null', 'NaN', 'nan', 'None', 'none', '?', '-', '#N/A', ' NA ', '\tnull\r'];
    for (const t of missing) expect(isMissingToken(t), JSON.stringify(t)).toBe(true);
  });

  test('leaves values alone, including near misses', () => {
    const values = ['0', '1', 'N', 'n', 'A', 'nana', 'nul', 'nulls', 'none of them', 'non', 'nab', 'n-a', '--', '??', '#N/', 'N/A2', 'NAN1', ' a ', 'x', 'Ñ'];
    for (const t of values) expect(isMissingToken(t), JSON.stringify(t)).toBe(false);
  });
});

describe('parseNumber', () => {
  test('reads plain, signed and exponent numbers exactly as Number() does', () => {
    const cases: [string, number][] = [
      ['42', 42], ['-3.5', -3.5], ['+7', 7], ['.5', 0.5], ['-.5', -0.5], ['5.', 5], ['007', 7], [' 12 ', 12], ['\t12\r', 12],
      ['1e-3', 0.001], ['2E+5', 200000], ['1.5e3', 1500], ['0.1', 0.1], ['0.3', 0.3], ['123456789012345', 123456789012345],
      ['3.141592653589793238', 3.141592653589793], ['12345678901234567890', 12345678901234567000], ['1e-30', 1e-30], ['1e300', 1e300],
    ];
    for (const [text, expected] of cases) expect(parseNumber(text, false), text).toBe(expected);
    expect(Object.is(parseNumber('-0', false), -0)).toBe(true);
  });

  test('agrees with Number() on many generated numbers', () => {
    // A fixed linear congruential sequence: the same cases on every run.
    let seed = 12345;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let k = 0; k < 5000; k++) {
      let digits = '';
      for (let d = 1 + next(18); d > 0; d--) digits += String(next(10));
      const split = next(digits.length + 1);
      const text = `${next(2) ? '-' : ''}${digits.slice(0, split)}.${digits.slice(split)}${next(3) ? '' : `e${next(40) - 20}`}`;
      expect(parseNumber(text, false), text).toBe(Number(text));
      expect(parseNumber(text.replace('.', ','), true), text).toBe(Number(text));
    }
  });

  test('reads thousands separators in groups of three', () => {
    const cases: [string, boolean, number][] = [
      ['1,234', false, 1234], ['1,234,567.89', false, 1234567.89], ['-12,345', false, -12345], ['999,999', false, 999999],
      ['1 234', false, 1234], ['1\u00a0234', false, 1234], ['1\u202f234,5', true, 1234.5], ['1 234 567', true, 1234567],
      ['1.234.567,89', true, 1234567.89], ['1.234', true, 1234], ['99,95', true, 99.95], ['-0,5', true, -0.5], ['1,5e3', true, 1500],
    ];
    for (const [text, comma, expected] of cases) expect(parseNumber(text, comma), `${text} ${comma}`).toBe(expected);
  });

  test('refuses anything that is not one number', () => {
    const bad = [
      '', ' ', '0x10', '0X1F', '0b1', '0o7', 'Infinity', '-Infinity', 'NaN', '1,23,4', '1,2345', '1234,567', '1.2.3', '12abc', '--1', '+-1',
      '.', '+', '-', ',5', '1,', '12,', '1e', '1e+', 'e5', '1 2', '1,234 567', '1 234,567', '0,500', '00,123', '1_000', '1..2', '1e5.5',
      // one unit at most, and never alone or doubled
      '%', '$', '5%%', '$$5', '$5%', '5$%', '% 5', '5 $ 5', '-', '$-', '5 %5', 'US$5', '5€€',
    ];
    for (const text of bad) expect(parseNumber(text, false), text).toBeNaN();
  });

  test('a % after the number, or a currency sign before or after it, is left out', () => {
    const cases: [string, boolean, number][] = [
      ['12%', false, 12], ['12.5 %', false, 12.5], ['-3%', false, -3], ['$1,200', false, 1200], ['$ 5', false, 5], ['-$5', false, -5], ['$-5', false, -5],
      ['€3.50', false, 3.5], ['3,50 €', true, 3.5], ['1.234,50€', true, 1234.5], ['£12', false, 12], ['¥1,000', false, 1000], ['5$', false, 5],
      [' $7 ', false, 7], ['1 200 €', true, 1200], ['$12345678901234567890', false, 12345678901234567000], ['$1.5e3', false, 1500],
    ];
    for (const [text, comma, expected] of cases) expect(parseNumber(text, comma), text).toBe(expected);
  });

  test('numberUnit names the unit a number is written with', () => {
    expect(['12%', ' 12 % ', '$1,200', '-$5', '3,50 €', '£1', '¥2', '5', '-1.5', 'x%'].map(numberUnit)).toEqual(['%', '%', '$', '$', '€', '£', '¥', '', '', '%']);
  });

  test('the decimal separator decides what a comma or a dot means', () => {
    // With a decimal comma, '1.5' is a badly grouped number, not one and a half; without, '1,5' is.
    expect(parseNumber('1.5', true)).toBeNaN();
    expect(parseNumber('1,5', false)).toBeNaN();
    expect(parseNumber('1,234.5', true)).toBeNaN();
    expect(parseNumber('0.500', true)).toBeNaN();
    expect(parseNumber('1.234,5', false)).toBeNaN();
  });

  test('numbers too large for a double are refused, not infinite', () => {
    expect(parseNumber('1e400', false)).toBeNaN();
    expect(parseNumber(`1${'0'.repeat(400)}`, false)).toBeNaN();
    expect(parseNumber('1e-400', false)).toBe(0);
  });
});

describe('parseBoolean', () => {
  test('reads true/false, yes/no, t/f and y/n in any case, trimmed', () => {
    expect(['true', 'TRUE', 'True', 'yes', 'Yes', ' T ', 't', 'y', 'Y'].map(parseBoolean)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(['false', 'FALSE', 'no', 'NO', 'f', 'F', 'n', 'N', '\tno\n'].map(parseBoolean)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  test('0/1 and other words are not booleans', () => {
    const not = ['1', '0', '', ' ', 'maybe', 'tru', 'truee', 'yess', 'ye', 'nope', 'x', 'on', 'off', 'true false', 'NA'];
    for (const t of not) expect(parseBoolean(t), JSON.stringify(t)).toBe(-1);
  });
});

describe('parseDate', () => {
  test('ISO dates and date-times, UTC unless an offset says otherwise', () => {
    expect(parseDate('2024-03-05', 'ymd')).toBe(Date.UTC(2024, 2, 5));
    expect(parseDate('2024-03-05T14:30', 'ymd')).toBe(Date.UTC(2024, 2, 5, 14, 30));
    expect(parseDate('2024-03-05 14:30:15', 'ymd')).toBe(Date.UTC(2024, 2, 5, 14, 30, 15));
    expect(parseDate('2024-03-05T14:30:15.5Z', 'ymd')).toBe(Date.UTC(2024, 2, 5, 14, 30, 15, 500));
    expect(parseDate('2024-03-05T14:30:15.123456Z', 'ymd')).toBe(Date.UTC(2024, 2, 5, 14, 30, 15, 123));
    expect(parseDate('2024-03-05T14:30+02:00', 'ymd')).toBe(Date.UTC(2024, 2, 5, 12, 30));
    expect(parseDate('2024-03-05T14:30:00-0530', 'ymd')).toBe(Date.UTC(2024, 2, 5, 20, 0));
    expect(parseDate('2024-03-05T01:00+02', 'ymd')).toBe(Date.UTC(2024, 2, 4, 23, 0));
    expect(parseDate(' 2024-03-05 ', 'ymd')).toBe(Date.UTC(2024, 2, 5));
  });

  test('agrees with Date.parse on ISO date-times', () => {
    for (const text of ['1970-01-01T00:00:00Z', '1969-12-31T23:59:59.999Z', '2000-02-29T12:00:00Z', '9999-12-31T23:59:59Z', '1600-03-01T00:00:00Z']) {
      expect(parseDate(text, 'ymd'), text).toBe(Date.parse(text));
    }
  });

  test('years below 100 stay where they are', () => {
    // Date.UTC would read year 50 as 1950.
    expect(parseDate('0050-01-01', 'ymd')).toBe(Date.parse('0050-01-01T00:00:00Z'));
  });

  test('year-last forms follow the order; year-first ones read the same in every order', () => {
    expect(parseDate('05/03/2024', 'dmy')).toBe(Date.UTC(2024, 2, 5));
    expect(parseDate('03/05/2024', 'mdy')).toBe(Date.UTC(2024, 2, 5));
    expect(parseDate('05/03/2024', 'ymd')).toBe(Date.UTC(2024, 2, 5));
    expect(parseDate('5-3-2024', 'dmy')).toBe(Date.UTC(2024, 2, 5));
    expect(parseDate('29.02.2024', 'dmy')).toBe(Date.UTC(2024, 1, 29));
    expect(parseDate('3/5/2024 2:30 PM', 'mdy')).toBe(Date.UTC(2024, 2, 5, 14, 30));
    expect(parseDate('3/5/2024 12:05 am', 'mdy')).toBe(Date.UTC(2024, 2, 5, 0, 5));
    expect(parseDate('05.03.2024 14:30:15', 'dmy')).toBe(Date.UTC(2024, 2, 5, 14, 30, 15));
    for (const order of ['ymd', 'dmy', 'mdy'] as const) {
      expect(parseDate('2024/03/05', order), order).toBe(Date.UTC(2024, 2, 5));
      expect(parseDate('2024.3.5', order), order).toBe(Date.UTC(2024, 2, 5));
      expect(parseDate('2024-03-05', order), order).toBe(Date.UTC(2024, 2, 5));
    }
  });

  test('validates every part', () => {
    const bad: [string, 'ymd' | 'dmy' | 'mdy'][] = [
      ['2023-02-29', 'ymd'], ['1900-02-29', 'ymd'], ['2024-13-01', 'ymd'], ['2024-00-10', 'ymd'], ['2024-04-31', 'ymd'], ['2024-01-00', 'ymd'],
      ['2024-01-01T24:00', 'ymd'], ['2024-01-01T12:60', 'ymd'], ['2024-01-01T12:30:60', 'ymd'], ['2024-01-01T12:30+24:00', 'ymd'],
      ['2024-01-01T12:30+02:60', 'ymd'], ['2024-01-01T1:3', 'ymd'], ['2024-01-01T', 'ymd'], ['2024-01-01T12:30:15.', 'ymd'],
      ['2024-01-01T12:30 XYZ', 'ymd'], ['2024-01-01 13:00 PM', 'ymd'], ['31/04/2024', 'dmy'], ['13/05/2024', 'mdy'], ['05/13/2024', 'dmy'],
    ];
    for (const [text, order] of bad) expect(parseDate(text, order), text).toBeNaN();
  });

  test('plain numbers and other shapes are not dates', () => {
    const bad = ['2024', '20240305', '1710000000000', '12.5', '2024-03', '05/03/24', '2024/03-05', '05/03-2024', '123/03/2024', '20245-03-05', 'soon', 'March 5, 2024', ''];
    for (const text of bad) expect(parseDate(text, 'dmy'), text).toBeNaN();
  });
});

describe('inferDateOrder', () => {
  test('a day over 12 in the first place proves dmy, in the second mdy', () => {
    expect(inferDateOrder(['25/12/2023', '01/02/2024'])).toBe('dmy');
    expect(inferDateOrder(['12/25/2023', '01/02/2024'])).toBe('mdy');
  });

  test('the order under which more samples read wins', () => {
    expect(inferDateOrder(['12/25/2023', '11/30/2023', '13/01/2024'])).toBe('mdy');
    expect(inferDateOrder(['25/12/2023', '30/11/2023', '01/13/2024'])).toBe('dmy');
  });

  test('without evidence: ymd for year-first samples, else dmy', () => {
    expect(inferDateOrder(['2024-01-02', '2024-03-04'])).toBe('ymd');
    expect(inferDateOrder(['2024/01/02', ' 2024-03-04T10:00'])).toBe('ymd');
    expect(inferDateOrder(['01/02/2024', '03/04/2024'])).toBe('dmy');
    expect(inferDateOrder(['01/02/2024', '03/04/2024', '2024-05-06'])).toBe('dmy');
  });

  test('readDateOrder says when the order was assumed, and which sample decided it', () => {
    expect(readDateOrder(['01/02/2024', '25/12/2023'])).toEqual({ order: 'dmy', assumed: false, proof: '25/12/2023' });
    expect(readDateOrder(['01/02/2024', '12/25/2023'])).toEqual({ order: 'mdy', assumed: false, proof: '12/25/2023' });
    expect(readDateOrder(['01/02/2024', '03/04/2024'])).toEqual({ order: 'dmy', assumed: true });
    // Year-first dates read the same in every order: nothing is assumed.
    expect(readDateOrder(['2024-01-02', '2024-03-04'])).toEqual({ order: 'ymd', assumed: false });
    // Mostly year-first, but a year-last date is still read day first without proof.
    expect(readDateOrder(['2024-01-02', '2024-03-04', '05/06/2024'])).toEqual({ order: 'ymd', assumed: true });
    expect(readDateOrder(['soon', 'later'])).toEqual({ order: 'dmy', assumed: false });
  });
});
