import { describe, expect, test } from 'vitest';
import { deletionNote } from '../../../src/data/deletion';

describe('what the question before deleting a dataset adds', () => {
  test('nothing when it leaves nothing behind', () => {
    expect(deletionNote(0, 0)).toBeNull();
  });

  test('the stranded edits and the runs, counted, singular or plural', () => {
    expect(deletionNote(1, 0)).toBe('1 cell edit of the Labels panel was made on its rows, which no other dataset holds: it would apply to no dataset any more.');
    expect(deletionNote(0, 2)).toBe('2 runs were trained on it: their scores stay, but they could no longer be cross-validated, measured for feature importance or relabelled.');
    expect(deletionNote(1200, 1)).toBe(
      '1,200 cell edits of the Labels panel were made on its rows, which no other dataset holds: they would apply to no dataset any more. 1 run was trained on it: its scores stay, but it could no longer be cross-validated, measured for feature importance or relabelled.',
    );
  });
});
