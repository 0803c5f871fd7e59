import { describe, expect, test } from 'vitest';
import type { Criterion } from '../../src/plan/criteria';
import { problemField, shownProblem } from '../../src/plan/criterion-check';

const criterion = (threshold: number | null): Criterion => ({ id: 'c', metric: 'accuracy', comparison: '>=', threshold });
const OUTSIDE = 'Accuracy is between 0 and 1, so 1.5 is outside its range.';

describe('when a criterion’s problem is shown', () => {
  test('a range problem typed into a sound criterion waits until the field is left', () => {
    // While typing: the problem as it was when the field was last left (none), not a new alert per keystroke.
    expect(shownProblem(OUTSIDE, { typing: true, atLastCommit: null })).toBeNull();
    // Left, or Enter pressed.
    expect(shownProblem(OUTSIDE, { typing: false, atLastCommit: null })).toBe(OUTSIDE);
  });

  test('typing on keeps the message found on leaving, and fixing it hides it at once', () => {
    expect(shownProblem('Accuracy is between 0 and 1, so 1.6 is outside its range.', { typing: true, atLastCommit: OUTSIDE })).toBe(OUTSIDE);
    expect(shownProblem(null, { typing: true, atLastCommit: OUTSIDE })).toBeNull();
  });

  test('a problem that typing did not cause (the task type changed) shows at once', () => {
    const mismatch = 'Accuracy is a classification metric, but this is a regression task.';
    expect(shownProblem(mismatch, { typing: false, atLastCommit: null })).toBe(mismatch);
  });

  test('the problem is tied to the control that causes it', () => {
    expect(problemField(criterion(1.5), 'binary')).toBe('threshold');
    expect(problemField(criterion(0), 'binary')).toBe('threshold'); // met by every value
    expect(problemField(criterion(0.8), 'regression')).toBe('metric');
    expect(problemField(criterion(0.8), 'binary')).toBeNull();
  });
});
