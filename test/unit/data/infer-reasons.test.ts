/**
 * Type guesses a learner would question: codes that look like numbers, years that count up,
 * numbers spoiled by a few words, units, missing spellings and date orders. Each guess must
 * say why, naming the values and rows that decided it.
 */
import { describe, expect, test } from 'vitest';
import { chosenDateOrder } from '../../../src/data/chosen-kind';
import { inferColumnKind } from '../../../src/data/infer';
import { inspectHead } from '../../../src/data/inspect';

/** n cells made by f(0), f(1), … */
const many = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));

describe('codes written with digits', () => {
  test('a leading zero before a digit makes the column codes, with the value named', () => {
    const zips = inferColumnKind('zip', ['01234', '00501', '90210', '01234'], false);
    expect(zips.kind).toBe('categorical');
    expect(zips.reason).toBe('Values such as "01234" (row 1) start with 0, which a number would lose: read as text. 3 distinct labels over 4 values.');
    // Distinct in every one of 20 rows: an identifier.
    const codes = inferColumnKind('code', many(20, (i) => String(i * 37 + 1).padStart(6, '0')), false);
    expect(codes.kind).toBe('identifier');
    expect(codes.reason).toBe('Values such as "000001" (row 1) start with 0, which a number would lose: read as text. A different short code in every one of 20 rows: an identifier.');
  });

  test('0, 0.5, -0.25 and 10 have no leading zero to lose', () => {
    expect(inferColumnKind('x', ['0', '0.5', '-0.25', '10', '0.5e3', '+0'], false).kind).toBe('numeric');
    expect(inferColumnKind('x', ['0,5', '0', '10,25'], true).kind).toBe('numeric');
  });

  test('whole numbers beyond 2^53 are codes: a number would change their last digits', () => {
    const ids = many(20, (i) => `1234567890123456${String(7000 + i)}`);
    const guess = inferColumnKind('account', ids, false);
    expect(guess.kind).toBe('identifier');
    expect(guess.reason).toBe('Whole numbers too long to keep exactly, such as "12345678901234567000" (row 1, 20 digits): a number keeps about 15 digits, so they are read as text. A different short code in every one of 20 rows: an identifier.');
    expect(inferColumnKind('account', ['9007199254740993', '12', '12'], false).kind).toBe('categorical');
    // Up to 2^53 − 1 every whole number is exact, and 1e20 or 1.5e30 are measurements, not codes.
    expect(inferColumnKind('x', ['9007199254740991', '-9007199254740991', '1e20', '1.5e30', '123456789012345678.5'], false).kind).toBe('numeric');
  });
});

describe('counting up by one', () => {
  test('consecutive years are a measurement, not a row number', () => {
    const years = inferColumnKind('year', many(31, (i) => String(1990 + i)), false);
    expect(years.kind).toBe('numeric');
    expect(years.reason).toBe('All 31 values are numbers: whole numbers from 1990 to 2020, like years, so not a row number.');
    // Named otherwise, a count within 1800–2100 is still read as years.
    expect(inferColumnKind('when', many(20, (i) => String(2001 + i)), false).kind).toBe('numeric');
    // A column named for years counts by one from anywhere: a study's year 1, 2, …
    expect(inferColumnKind('study_year', many(20, (i) => String(i + 1)), false).kind).toBe('numeric');
    // 'yearID' names a year, not an id.
    expect(inferColumnKind('yearID', many(25, (i) => String(1871 + i * 3)), false).kind).toBe('numeric');
  });

  test('a count up by one from 1 (or from anywhere outside years) is still a row number', () => {
    expect(inferColumnKind('n', many(31, (i) => String(i + 1)), false).kind).toBe('identifier');
    expect(inferColumnKind('n', many(31, (i) => String(i)), false).kind).toBe('identifier');
    expect(inferColumnKind('n', many(31, (i) => String(5001 + i)), false).kind).toBe('identifier');
    // A column named like an id stays an identifier whatever its range.
    expect(inferColumnKind('customer_id', many(31, (i) => String(1990 + i)), false).kind).toBe('identifier');
  });
});

describe('numbers spoiled by a few words', () => {
  test('the words are named with their rows, and choosing Numeric is explained', () => {
    const cells = many(30, (i) => String(20 + i));
    cells[13] = 'unknown';
    cells[20] = 'n/a?';
    cells[25] = 'unknown';
    const guess = inferColumnKind('age', cells, false);
    expect(guess.kind).toBe('categorical');
    expect(guess.reason).toBe(
      'Mostly numbers (27 of 30), but "unknown" (2 cells, first at row 14) and "n/a?" (row 21) are not: read as labels. Fix them in the file, or choose Numeric to read those 3 cells as missing.',
    );
  });

  test('lines of the file are named when the caller knows them', () => {
    const cells = [...many(9, (i) => String(i * 3)), 'oops'];
    const guess = inferColumnKind('x', cells, false, { lineOf: (i) => i + 2 });
    expect(guess.reason).toContain('"oops" (line 11)');
  });

  test('more than three different words are summed up; under 80% numbers is plain labels', () => {
    const cells = [...many(40, (i) => String(i * 3)), 'a', 'b', 'c', 'd', 'e'];
    expect(inferColumnKind('x', cells, false).reason).toBe(
      'Mostly numbers (40 of 45), but "a" (row 41), "b" (row 42), "c" (row 43) and 2 other values are not: read as labels. Fix them in the file, or choose Numeric to read those 5 cells as missing.',
    );
    const labels = inferColumnKind('size', ['S', 'M', 'L', '10', '12'], false);
    expect(labels.reason).toBe('5 distinct labels over 5 values.');
  });

  test('mostly dates likewise names the odd ones, and keeps the order the dates read in', () => {
    const cells = [...many(12, (i) => `${String(13 + i).padStart(2, '0')}/01/2024`), 'soon'];
    const guess = inferColumnKind('when', cells, false);
    expect(guess).toEqual({
      kind: 'categorical',
      dateOrder: 'dmy',
      reason: 'Mostly dates (12 of 13), but "soon" (row 13) is not: read as labels. Fix it in the file, or choose Date/time to read that cell as missing.',
    });
  });
});

describe('units', () => {
  test('every value with a % after it: numbers, the % removed and named', () => {
    const guess = inferColumnKind('rate', ['12%', '5.5%', 'NA', '100 %'], false);
    expect(guess).toEqual({
      kind: 'numeric',
      reason: 'All 3 values are numbers written with "%": the "%" is removed, so "12%" is read as 12. 1 cell "NA" is read as missing.',
    });
  });

  test('every value with the same currency sign: numbers', () => {
    expect(inferColumnKind('price', ['$1,200', '$3.50', '-$2'], false)).toEqual({
      kind: 'numeric',
      reason: 'All 3 values are numbers written with "$": the "$" is removed, so "$1,200" is read as 1200.',
    });
    expect(inferColumnKind('preis', ['3,50 €', '1.234,50 €'], true).kind).toBe('numeric');
  });

  test('mixed units, or a unit on only some values, stay labels, saying why', () => {
    const mixed = inferColumnKind('x', ['12%', '0.5', '$3'], false);
    expect(mixed.kind).toBe('categorical');
    expect(mixed.reason).toBe('Numbers, but not all written alike: "12%" (row 1) has "%", "0.5" (row 2) has no unit: read as text so nothing is misread. 3 distinct labels over 3 values.');
    expect(inferColumnKind('x', ['$5', '€5'], false).kind).toBe('categorical');
  });
});

describe('one value', () => {
  test('says "the one value is", never "all 1 value are"', () => {
    expect(inferColumnKind('x', ['5'], false).reason).toBe('The one value is a number.');
    expect(inferColumnKind('x', ['yes', 'NA'], false).reason).toBe('The one value is yes/no or true/false. 1 cell "NA" is read as missing.');
    expect(inferColumnKind('x', ['2024-01-02'], false).reason).toBe('The one value is a date.');
    expect(inferColumnKind('x', ['12%'], false).reason).toBe('The one value is a number written with "%": the "%" is removed, so "12%" is read as 12.');
  });
});

describe('missing spellings', () => {
  test('the reason says how many cells were read as missing, and how they were written', () => {
    const cells = [...many(20, (i) => String(i % 5)), ...many(12, () => 'NA'), '', ' ', 'null'];
    expect(inferColumnKind('x', cells, false).reason).toBe('All 20 values are numbers. 15 cells are read as missing: 12 "NA", 2 empty and 1 "null".');
    expect(inferColumnKind('x', ['1', '', '2'], false).reason).toBe('All 2 values are numbers. 1 empty cell is read as missing.');
    expect(inferColumnKind('c', ['a', 'b', 'a', 'N/A', 'NA', 'n/a', '?', '-'], false).reason).toBe(
      '2 distinct labels over 3 values. 5 cells are read as missing: 1 "N/A", 1 "NA", 1 "n/a" and 2 others.',
    );
  });
});

describe('date order', () => {
  test('an assumed order says so; a proven one names its proof', () => {
    expect(inferColumnKind('when', ['01/02/2024', '03/04/2024'], false)).toEqual({
      kind: 'datetime',
      dateOrder: 'dmy',
      dateOrderAssumed: true,
      reason: 'All 2 values are dates, read as day/month; every day is 12 or less, so month/day is possible too.',
    });
    expect(inferColumnKind('when', ['01/02/2024', '12/25/2024'], false).dateOrderAssumed).toBeUndefined();
    expect(inferColumnKind('when', ['01/02/2024', '12/25/2024'], false).reason).toBe('All 2 values are dates, read as month/day, as "12/25/2024" shows.');
    expect(inferColumnKind('when', ['2024-01-02', '2024-03-04'], false).reason).toBe('All 2 values are dates.');
  });

  test('a column chosen as dates reads in the order its cells prove, else the one the file’s other dates use', () => {
    expect(chosenDateOrder(['01/02/2024', '25/12/2024'], undefined, [])).toEqual({ order: 'dmy', reason: 'You chose this type. Dates are read as day/month, as "25/12/2024" shows.' });
    // The other column's order was proven (month/day is never assumed), so this column follows it.
    expect(chosenDateOrder(['01/02/2024', '03/04/2024'], undefined, [{ name: 'signup', dateOrder: 'mdy' }])).toEqual({
      order: 'mdy',
      assumed: true,
      reason: 'You chose this type. Dates are read as month/day, as in "signup"; every day here is 12 or less, so day/month is possible too.',
    });
    // The column's own guess from the whole sample beats the other columns.
    expect(chosenDateOrder(['01/02/2024'], 'dmy', [{ name: 'signup', dateOrder: 'mdy' }]).order).toBe('dmy');
    expect(chosenDateOrder(['01/02/2024', 'x'], undefined, [])).toEqual({
      order: 'dmy',
      assumed: true,
      reason: 'You chose this type. Dates are read as day/month; every day is 12 or less, so month/day is possible too. Cells that are not dates become missing; the import notes say how many.',
    });
    expect(chosenDateOrder(['2024-01-02'], undefined, []).reason).toBe('You chose this type.');
  });
});

describe('reasons in the preview name lines of the file', () => {
  test('counting the skipped comment, the header and blank lines, as an editor does', () => {
    const text = `# exported\nage,zip\n${[31, 45, 50].map((a) => `${a},90210`).join('\n')}\n\nunknown,01234\n61,90210\n`;
    const bytes = new TextEncoder().encode(text);
    const result = inspectHead(bytes, { name: 'f.csv', size: bytes.length });
    if (!result.ok) throw new Error(result.problem);
    const [age, zip] = result.inspection.columns;
    expect(age!.reason).toContain('"unknown" (line 7)');
    expect(zip!.reason).toContain('Values such as "01234" (line 7) start with 0');
  });
});
