/**
 * A rename to a name that differs from another column's only in capital letters ("Price" beside
 * "price") is refused: the two are easy to confuse in every list, and tools that ignore case
 * (SQL, spreadsheets, file names on Windows and macOS) read them as one column.
 */
import { describe, expect, test } from 'vitest';
import { fitPipeline } from '../../../src/prepare/pipeline';
import { col, frameOf, names } from './tables';

const frame = () => frameOf(col('a', 'numeric', ['1', '2']), col('price', 'numeric', ['3', '4']));
const renameTo = (column: string, to: string) => fitPipeline([{ id: 'r', kind: 'rename', enabled: true, params: { column, to } }], frame());

describe('rename and capital letters', () => {
  test('a name that differs from another column’s only in case is refused, naming both', () => {
    const fit = renameTo('a', 'Price');
    expect(fit.ok).toBe(false);
    if (fit.ok) return;
    expect(fit.problem).toBe(
      'There is already a column "price", which differs from "Price" only in capital letters: the two would be easy to confuse, and tools that ignore case (SQL, spreadsheets) would read them as one column. Choose another name.',
    );
  });

  test('the exact name of another column is still refused as before', () => {
    const fit = renameTo('a', 'price');
    expect(!fit.ok && fit.problem).toBe('There is already a column "price".');
  });

  test('a column may change its own capitals', () => {
    const fit = renameTo('price', 'Price');
    if (!fit.ok) throw new Error(fit.problem);
    expect(names(fit.train)).toEqual(['a', 'Price']);
  });

  test('a name unlike any other is accepted', () => {
    const fit = renameTo('a', 'area');
    if (!fit.ok) throw new Error(fit.problem);
    expect(names(fit.train)).toEqual(['area', 'price']);
  });
});
