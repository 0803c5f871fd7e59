import { describe, expect, test } from 'vitest';
import { inferDateOrder, parseDate, readDateOrder } from '../../../src/data/dates';

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
