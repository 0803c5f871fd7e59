import { expect, test } from 'vitest';
import { workerCallback } from '../../../src/workers/worker-handle';

test('a worker callback passes calls on until it is closed, and drops them after: a late progress message cannot bring a finished job back', () => {
  const seen: number[] = [];
  const progress = workerCallback((done: number) => seen.push(done));
  progress(1);
  progress(2);
  progress.close();
  progress(3);
  expect(seen).toEqual([1, 2]);
});
