import { render } from 'svelte/server';
import { describe, expect, test } from 'vitest';
import { MAX_COMPARED, toggleCompared } from '../../../src/train/runs-table';
import type { TrainState } from '../../../src/train/train.svelte';
import RunsTable from '../../../src/train/views/RunsTable.svelte';
import { runRow } from '../../helpers/rows';

describe('runs picked for comparison', () => {
  const all = ['a', 'b', 'c', 'd', 'e'];

  test('ticking adds a run and ticking again removes it', () => {
    expect(toggleCompared([], 'a', all)).toEqual(['a']);
    expect(toggleCompared(['a', 'b'], 'a', all)).toEqual(['b']);
  });

  test('a fifth run is refused, never swapped in for the oldest', () => {
    const four = ['a', 'b', 'c', 'd'];
    expect(MAX_COMPARED).toBe(4);
    expect(toggleCompared(four, 'e', all)).toEqual(four);
  });

  test('a deleted run no longer holds one of the four places', () => {
    expect(toggleCompared(['a', 'gone', 'b', 'c'], 'd', all)).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('the runs table', () => {
  const runs = ['a', 'b', 'c', 'd', 'e'].map((id) => runRow({ id, projectId: 'p', name: `run ${id}` }));
  const train = { runs, now: 0 } as unknown as TrainState;
  const checkbox = (body: string, name: string) => body.match(new RegExp(`<input type="checkbox" aria-label="Compare ${name}"[^>]*>`))?.[0] ?? '';

  test('with four runs ticked, the others cannot be ticked, and say why in words on the page', () => {
    const body = render(RunsTable, { props: { train, compared: ['a', 'b', 'c', 'd'] } }).body.replace(/<!--.*?-->/g, '');
    const reason = body.match(/<[^>]* id="compare-limit"[^>]*>([^<]*)</);
    expect(reason?.[1]).toMatch(/4 runs are ticked, the most that can be compared at once/);
    expect(checkbox(body, 'run e')).toMatch(/disabled/);
    expect(checkbox(body, 'run e')).toMatch(/aria-describedby="compare-limit"/);
    // The ticked ones can still be unticked.
    expect(checkbox(body, 'run a')).not.toMatch(/disabled/);
  });

  test('with fewer ticked, every run can be ticked', () => {
    const { body } = render(RunsTable, { props: { train, compared: ['a', 'b', 'c'] } });
    expect(checkbox(body, 'run e')).not.toMatch(/disabled|aria-describedby/);
  });
});
