/**
 * How missing cells were written, counted over the whole import (not only the preview's sample)
 * and said in the import notes, column by column.
 */
import { describe, expect, test } from 'vitest';
import { createColumnBuilder } from '../../../src/data/column-builder';
import { readCsvInParts } from '../../../src/data/csv-parallel';
import { readCsvPart, type StreamOptions } from '../../../src/data/csv-part';
import { streamCsv } from '../../../src/data/csv-stream';
import { inspectHead } from '../../../src/data/inspect';
import { missingNotes } from '../../../src/data/row-sink';
import { isMissingIn, MISSING_SPELLINGS } from '../../../src/data/missing-values';

describe('isMissingIn says which spelling a missing cell has', () => {
  test('0 for a value, else the code of its spelling as written, in its case, with blanks around left out', () => {
    const code = (text: string) => isMissingIn(text, 0, text.length);
    expect(code('31')).toBe(0);
    expect(code('none of them')).toBe(0);
    expect(code('nab')).toBe(0);
    const spelled = (text: string) => MISSING_SPELLINGS[code(text)];
    expect(['', '   ', 'NA', ' na ', 'Na', 'N/A', 'n/A', 'nan', 'NaN', 'NULL', 'None', 'nONe', '?', '-', '#n/a'].map(spelled)).toEqual([
      '', '', 'NA', 'na', 'Na', 'N/A', 'n/A', 'nan', 'NaN', 'NULL', 'None', 'nONe', '?', '-', '#n/a',
    ]);
  });

  test('every spelling has a code of its own, and each reads back as itself', () => {
    const codes = MISSING_SPELLINGS.slice(2).map((s) => isMissingIn(s, 0, s.length));
    expect(codes).toEqual(MISSING_SPELLINGS.slice(2).map((_, i) => i + 2));
    // '?', '-', then every case of NA, N/A, NaN, null, None and #N/A.
    expect(MISSING_SPELLINGS).toHaveLength(2 + 2 + 4 + 4 + 8 + 16 + 16 + 4);
  });
});

describe('a column builder counts the missing cells of every kind by spelling', () => {
  test.each(['numeric', 'categorical', 'boolean', 'datetime'] as const)('%s', (kind) => {
    const builder = createColumnBuilder('x', kind, { decimalComma: false });
    for (const cell of ['NA', '', 'na', '?', 'null', 'NA']) builder.push(cell);
    builder.pushIn('a, Na ,b', 2, 6);
    const { counts, written } = builder.missing;
    const by = Object.fromEntries(MISSING_SPELLINGS.map((s, code) => [s, counts[code]]).filter(([, n]) => n));
    expect(by).toEqual({ NA: 2, na: 1, Na: 1, '': 1, '?': 1, null: 1 });
    expect(written[MISSING_SPELLINGS.indexOf('Na')]).toBe('Na');
  });
});

describe('the import notes', () => {
  /** Missing counts by exact spelling. */
  const counts = (entries: Record<string, number>) => ({
    counts: Float64Array.from(MISSING_SPELLINGS, (s, code) => (code === 0 ? 0 : (entries[s] ?? 0))),
    written: [...MISSING_SPELLINGS],
  });

  test('say how each column’s missing cells were written, empty ones left unsaid', () => {
    const plan = [{ name: 'age' }, { name: 'city' }, { name: 'note' }, { name: 'one' }];
    expect(missingNotes(plan, [counts({ NA: 1204, '': 7 }), counts({ '?': 90, NA: 6, NULL: 1204, '-': 2, None: 1 }), counts({ '': 40 }), counts({ NA: 1 })])).toEqual([
      '1,204 cells "NA" were read as missing in "age".',
      '1,303 cells were read as missing in "city": 1,204 "NULL", 90 "?", 6 "NA" and 3 others.',
      '1 cell "NA" was read as missing in "one".',
    ]);
  });

  test('list the cases a spelling was written in apart, as a learner cleaning the file finds them', () => {
    expect(missingNotes([{ name: 'b' }], [counts({ NA: 1, na: 2, Na: 1 })])).toEqual(['4 cells were read as missing in "b": 2 "na", 1 "NA" and 1 "Na".']);
  });

  test('past ten columns, the rest are counted', () => {
    const plan = Array.from({ length: 13 }, (_, i) => ({ name: `c${i}` }));
    const notes = missingNotes(plan, plan.map(() => counts({ NA: 2 })));
    expect(notes).toHaveLength(11);
    expect(notes.at(-1)).toBe('Cells such as these were read as missing in 3 more columns.');
  });

  test('count over the whole file, read whole or in parts, far past the preview', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `${i % 100 === 7 ? 'NA' : i},${i % 1000 === 3 ? 'n/a' : i === 2500 ? 'N/A' : 'x'},${i % 2 ? '' : 'y'}`);
    const text = `n,label,sparse\n${rows.join('\n')}\n`;
    const bytes = new TextEncoder().encode(text);
    // The preview sees the first 200 lines only.
    const head = bytes.subarray(0, text.split('\n').slice(0, 200).join('\n').length + 1);
    const inspected = inspectHead(head, { name: 'f.csv', size: bytes.length });
    if (!inspected.ok) throw new Error(inspected.problem);
    const { dialect, encoding, columns } = inspected.inspection;
    const options: StreamOptions = { dialect, encoding, columns, skipRagged: false, chunkBytes: 4096 };
    // 'N/A' only far past the preview, in the last of the three parts.
    const expected = ['30 cells "NA" were read as missing in "n".', '4 cells were read as missing in "label": 3 "n/a" and 1 "N/A".'];
    const whole = await streamCsv(text, 'f.csv', options);
    expect(whole.ok && whole.notes).toEqual(expected);
    const file = new File([bytes], 'f.csv');
    const parts = await readCsvInParts(file, options, 3, (range, _k, onProgress) => readCsvPart(file, options, range, onProgress));
    expect(parts.ok && parts.notes).toEqual(expected);
  });
});
