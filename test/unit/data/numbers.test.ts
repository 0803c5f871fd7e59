import { describe, expect, test } from 'vitest';
import { numberUnit, parseNumber } from '../../../src/data/numbers';

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
