import { describe, expect, test } from 'vitest';
import { TrainJobs } from '../../../src/workers/in-worker/train-jobs';

/** A job that runs until the test lets it end, handing out the flags it was given. */
function pending() {
  let finish: (value: string) => void = () => undefined;
  const done = new Promise<string>((resolve) => (finish = resolve));
  return { done, finish };
}

const refused = (problem: string) => `refused: ${problem}`;

describe('the train worker runs one job at a time, each with its own flags', () => {
  test('a second job while one runs is refused with a sentence saying what runs and what to do', async () => {
    const jobs = new TrainJobs();
    const first = pending();
    const a = jobs.run('run-a', 'training', () => first.done, refused);
    let secondStarted = false;
    const b = await jobs.run('run-b', 'training', async () => ((secondStarted = true), 'b'), refused);
    expect(secondStarted).toBe(false);
    expect(b).toBe('refused: A model is training in the background: stop it on the Train page, or wait for it to end, then try again.');
    const cv = await jobs.run('run-c', 'cross-validation', async () => 'c', refused);
    expect(cv).toMatch(/^refused: A model is training in the background/);
    first.finish('a');
    expect(await a).toBe('a');
    // Once the first has ended the next may start.
    expect(await jobs.run('run-b', 'training', async () => 'b', refused)).toBe('b');
  });

  test('stop and cancel reach the job they name, and only it', async () => {
    const jobs = new TrainJobs();
    const first = pending();
    let flags: { stop: boolean; cancel: boolean } | undefined;
    const a = jobs.run('run-a', 'training', (f) => ((flags = f), first.done), refused);
    expect(jobs.stop('run-old')).toBe(false);
    expect(jobs.cancel('run-old')).toBe(false);
    expect(flags).toEqual({ stop: false, cancel: false });
    expect(jobs.stop('run-a')).toBe(true);
    expect(flags).toEqual({ stop: true, cancel: false });
    expect(jobs.cancel('run-a')).toBe(true);
    expect(flags).toEqual({ stop: true, cancel: true });
    first.finish('a');
    await a;
    // A job that has ended is not there to stop, and the next job starts with flags of its own.
    expect(jobs.stop('run-a')).toBe(false);
    let next: { stop: boolean; cancel: boolean } | undefined;
    await jobs.run('run-b', 'cross-validation', async (f) => ((next = f), 'b'), refused);
    expect(next).toEqual({ stop: false, cancel: false });
  });

  test('a job that throws still ends, so the next one may start', async () => {
    const jobs = new TrainJobs();
    await expect(jobs.run('run-a', 'importance', async () => Promise.reject(new Error('boom')), refused)).rejects.toThrow('boom');
    expect(await jobs.run('run-b', 'measurement', async () => 'b', refused)).toBe('b');
  });
});
