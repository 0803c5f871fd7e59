/** A true/false column is shown as its file wrote it: Yes/No stays Yes/No, not true/false. */
import { describe, expect, test } from 'vitest';
import { booleanBit, columnWords } from '../../../src/data/booleans';
import { columnFromStrings } from '../../../src/data/column-builder';
import { formatCell } from '../../../src/data/format-cell';
import { booleanWord } from '../../../src/shared/column';
import { columnMetas } from '../../../src/workers/in-worker/derived-datasets';

const opts = { decimalComma: false };
const shown = (texts: string[]) => {
  const column = columnFromStrings('paid', 'boolean', texts, opts);
  return { words: column.words, cells: texts.map((_, r) => formatCell(column, r)) };
};

describe('the words of a true/false column', () => {
  test('the first spelling of each, trimmed; none kept for true/false as written by default', () => {
    expect(shown(['Yes', ' No ', 'yes', 'NO', ''])).toEqual({ words: ['No', 'Yes'], cells: ['Yes', 'No', 'Yes', 'No', ''] });
    expect(shown(['TRUE', 'FALSE'])).toEqual({ words: ['FALSE', 'TRUE'], cells: ['TRUE', 'FALSE'] });
    expect(shown(['true', 'false']).words).toBeUndefined();
    expect(shown(['t', 'f']).cells).toEqual(['t', 'f']);
    // Stored with the column's metadata; none for the default words.
    const yesNo = columnFromStrings('paid', 'boolean', ['Yes', 'No'], opts);
    expect(columnMetas({ rowCount: 2, columns: [yesNo, columnFromStrings('ok', 'boolean', ['true', 'false'], opts)] })).toEqual([
      { name: 'paid', kind: 'boolean', missing: 0, words: ['No', 'Yes'] },
      { name: 'ok', kind: 'boolean', missing: 0 },
    ]);
  });

  test('a word never seen is made to match the other, in its case; all missing or all 1/0 keeps the defaults', () => {
    expect(columnWords('', 'Yes')).toEqual(['No', 'Yes']);
    expect(columnWords('N', '')).toEqual(['N', 'Y']);
    expect(columnWords('', 'TRUE')).toEqual(['FALSE', 'TRUE']);
    expect(columnWords('', 'true')).toBeUndefined();
    expect(columnWords('', '')).toBeUndefined();
    // 1 and 0, read as true/false because the column was chosen so, are shown in the column's words, true and false by default.
    expect(shown(['1', '0', 'yes']).cells).toEqual(['yes', 'no', 'yes']);
    expect(shown(['1', '0']).words).toBeUndefined();
  });

  test('booleanWord and booleanBit: a word and its bit, any spelling typed', () => {
    expect([0, 1].map((b) => booleanWord({ words: ['No', 'Yes'] }, b))).toEqual(['No', 'Yes']);
    expect([0, 1].map((b) => booleanWord({}, b))).toEqual(['false', 'true']);
    expect(['Yes', 'no', 'TRUE', '1', '0.0', 'maybe', '2'].map(booleanBit)).toEqual([1, 0, 1, 1, 0, -1, -1]);
  });
});
