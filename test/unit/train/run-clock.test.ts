import { expect, test } from 'vitest';
import { formatRunClock } from '../../../src/train/run-clock';

test('the run’s clock rounds to whole seconds before it splits them: 59.6 s and 119.6 s carry into the next minute', () => {
  expect([0, 0.4, 42.4, 59.4, 59.6, 60, 119.4, 119.6].map(formatRunClock)).toEqual(['0 s', '0 s', '42 s', '59 s', '1 min 0 s', '1 min 0 s', '1 min 59 s', '2 min 0 s']);
});

test('a long run reads in hours and minutes, the minutes rounded with the seconds', () => {
  expect([3599.6, 3600, 3725, 7199.6, 90_061].map(formatRunClock)).toEqual(['1 h 0 min', '1 h 0 min', '1 h 2 min', '2 h 0 min', '25 h 1 min']);
});

test('a clock a moment behind the start reads 0 s; a time not known says so', () => {
  expect([-0.3, Number.NaN, Number.POSITIVE_INFINITY].map(formatRunClock)).toEqual(['0 s', 'unknown', 'unknown']);
});
