import { describe, expect, test } from 'vitest';
import { permutationImportance } from '../../../src/evaluate/importance';
import { progressText } from '../../../src/shared/job-progress';

describe('how far a feature importance measurement is', () => {
  test('the worker says 0 done once the unshuffled score is in, so the page can say “Feature 1 of n” from then on', async () => {
    const calls: string[] = [];
    const score = async (feature: number | null) => (calls.push(feature === null ? 'baseline' : `feature ${feature}`), { score: 1, loss: 0 });
    await permutationImportance(4, ['a', 'b'], score, 1, 1, (done) => calls.push(`done ${done}`));
    expect(calls).toEqual(['baseline', 'done 0', 'feature 0', 'done 1', 'feature 1', 'done 2']);
  });

  test('the text: “Starting…” before the total is known, then the step under way from 1, never past the total', () => {
    expect(progressText('Feature', { done: 0, total: null })).toBe('Starting…');
    expect(progressText('Feature', { done: 0, total: 2 })).toBe('Feature 1 of 2…');
    expect(progressText('Feature', { done: 2, total: 2 })).toBe('Feature 2 of 2…');
  });
});
