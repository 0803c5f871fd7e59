import { describe, expect, test } from 'vitest';
import { failureNote } from '../../../src/data/row-sink';

const failures = { count: 2, firstRow: 4, firstValue: 'n/a2', line: 7 };

describe('what a note says to do about values that did not fit their column', () => {
  test('imported: choose another type; appended: change the dataset’s type; joined: fix the file', () => {
    expect(failureNote({ name: 'age', kind: 'numeric' }, failures)).toMatch(/To keep them, import this column as categorical\.$/);
    expect(failureNote({ name: 'age', kind: 'numeric', kindFromDataset: true }, failures, false)).toMatch(/change the type of "age" in this dataset first, or fix the file\.$/);
    const joined = failureNote({ name: 'age', kind: 'numeric', kindGuessedOnly: true }, { ...failures, count: 1 }, false);
    expect(joined).toBe('Column "age": 1 value was not a number (first at line 7 of the file: "n/a2") and is stored as missing. To keep it, fix it in the file, then join again.');
  });
});
