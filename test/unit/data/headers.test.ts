import { describe, expect, test } from 'vitest';
import { cleanHeaders } from '../../../src/data/headers';

describe('cleanHeaders', () => {
  test('good names pass unchanged, with no notes', () => {
    expect(cleanHeaders(['id', 'Sepal Length (cm)', 'x_2', 'Ünïcødé'])).toEqual({ names: ['id', 'Sepal Length (cm)', 'x_2', 'Ünïcødé'], notes: [] });
    expect(cleanHeaders([])).toEqual({ names: [], notes: [] });
  });

  test('trims, strips a byte-order mark, and turns control characters into spaces', () => {
    expect(cleanHeaders(['\uFEFFid', '  age ', 'a\tb', 'line\r\nbreak', 'bell\u0007', 'c1\u0085x', '\u007f'])).toEqual({
      names: ['id', 'age', 'a b', 'line  break', 'bell', 'c1 x', 'column_7'],
      notes: ['Column 7 had no name; it is now "column_7".'],
    });
  });

  test('an empty name becomes column_<position>, counted from 1', () => {
    expect(cleanHeaders(['', 'b', '   '])).toEqual({
      names: ['column_1', 'b', 'column_3'],
      notes: ['Column 1 had no name; it is now "column_1".', 'Column 3 had no name; it is now "column_3".'],
    });
  });

  test('a made-up name never takes a name the file gives later', () => {
    expect(cleanHeaders(['', 'column_1'])).toEqual({
      names: ['column_1_2', 'column_1'],
      notes: ['Column 1 had no name; it is now "column_1_2".'],
    });
  });

  test('duplicates get the next free suffix, and each gets a note naming the first holder', () => {
    expect(cleanHeaders(['x', 'y', 'x', 'x'])).toEqual({
      names: ['x', 'y', 'x_2', 'x_3'],
      notes: [
        'Columns 1 and 3 were both named "x"; column 3 is now "x_2".',
        'Columns 1 and 4 were both named "x"; column 4 is now "x_3".',
      ],
    });
  });

  test('a suffix never collides with any other name, before or after it', () => {
    const { names } = cleanHeaders(['x', 'x', 'x_2', 'x_3', 'x', 'x_2']);
    expect(names).toEqual(['x', 'x_4', 'x_2', 'x_3', 'x_5', 'x_2_2']);
    expect(new Set(names).size).toBe(names.length);
  });

  test('names that differ only after cleaning are duplicates; case still matters', () => {
    expect(cleanHeaders([' a', 'a ', 'A'])).toEqual({
      names: ['a', 'a_2', 'A'],
      notes: ['Columns 1 and 2 were both named "a"; column 2 is now "a_2".'],
    });
  });

  test('names that look like code or markup are kept exactly', () => {
    const raw = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '<b>x</b>', '"quoted"', '${x}'];
    expect(cleanHeaders(raw)).toEqual({ names: raw, notes: [] });
  });

  test('every name of a wide header is unique', () => {
    const raw = Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? '' : `c${i % 7}`));
    const { names, notes } = cleanHeaders(raw);
    expect(names).toHaveLength(3000);
    expect(new Set(names).size).toBe(3000);
    expect(notes).toHaveLength(1000 + (2000 - 7));
    const copies = cleanHeaders(Array.from({ length: 5000 }, () => 'x')).names;
    expect(copies.slice(0, 3)).toEqual(['x', 'x_2', 'x_3']);
    expect(copies[4999]).toBe('x_5000');
  });
});
