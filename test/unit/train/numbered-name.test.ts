import { describe, expect, test } from 'vitest';
import { nextNumbered } from '../../../src/train/numbered-name';

describe('the next name of a numbered series', () => {
  test('one more than the highest number in use, so a delete never makes it repeat a name still there', () => {
    // Run 1 and Run 2 stored, Run 1 deleted: counting the runs would say "Run 2" again.
    expect(nextNumbered('Run', ['Run 2'])).toBe('Run 3');
    expect(nextNumbered('Run', ['Run 1', 'Run 3', 'Run 2'])).toBe('Run 4');
    expect(nextNumbered('Run', [])).toBe('Run 1');
  });

  test('only names of the series count: other names, trials and look-alikes are ignored', () => {
    expect(nextNumbered('Run', ['best so far', 'sweep 4 · trial 2', 'Run 7b', 'Runner 9', 'Run -3', 'Run 2.5'])).toBe('Run 1');
    expect(nextNumbered('sweep', ['sweep 2', 'sweep 10', 'fast', 'sweep'])).toBe('sweep 11');
  });

  test('a name typed in another case or with spaces around still counts, so the placeholder never looks the same as it', () => {
    expect(nextNumbered('Run', ['run 5', '  Run 6 '])).toBe('Run 7');
  });

  test('a prefix with characters special in patterns is matched as written', () => {
    expect(nextNumbered('Run (a)', ['Run (a) 2', 'Run a 9'])).toBe('Run (a) 3');
  });
});
