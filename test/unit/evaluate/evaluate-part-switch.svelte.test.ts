/**
 * The Evaluate page's figures belong to the run and part chosen: switching to the test part
 * shows none until the worker answers for it (the validation ones stayed under the test part's
 * heading meanwhile), and an answer for a run or part no longer chosen is never shown.
 */
import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import { EvaluateState } from '../../../src/evaluate/evaluate.svelte';
import type { RunReport } from '../../../src/workers/evaluate-protocol';
import { runRow } from '../../helpers/rows';

const reportOf = (row: number): RunReport => ({ part: null, cv: null, labelErrors: [{ row, truth: 'a', predicted: 'b', score: 1, scoreText: '1' }] });

function stateWithRuns(): EvaluateState {
  const state = new EvaluateState('p', null);
  state.runs = [runRow({ id: 'r', projectId: 'p' }), runRow({ id: 's', projectId: 'p' })];
  state.runId = 'r';
  return state;
}

test('switching part: nothing shown until the answer for that part, then its own figures', () => {
  const state = stateWithRuns();
  expect(state.computing).toBe(true);
  state.answered('r', 'validation', reportOf(1));
  expect(state.loaded?.labelErrors[0]?.row).toBe(1);
  expect(state.computing).toBe(false);

  state.part = 'test';
  expect(state.loaded).toBeNull();
  expect(state.computing).toBe(true);
  state.answered('r', 'test', reportOf(2));
  expect(state.loaded?.labelErrors[0]?.row).toBe(2);
});

test('an answer for another part or run than the one chosen is never shown', () => {
  const state = stateWithRuns();
  state.part = 'test';
  state.answered('r', 'validation', reportOf(1));
  expect(state.loaded).toBeNull();
  state.answered('s', 'test', reportOf(3));
  expect(state.loaded).toBeNull();
  state.runId = 's';
  expect(state.loaded?.labelErrors[0]?.row).toBe(3);
});

test('an error stops the page saying it is computing', () => {
  const state = stateWithRuns();
  state.error = 'The database could not be read.';
  expect(state.computing).toBe(false);
});

test('the flagged rows note is the chosen part\'s, and absent for runs stored before it was kept', () => {
  const state = new EvaluateState('p', null);
  state.runs = [runRow({ id: 'r', projectId: 'p', flaggedRows: { validation: { rows: 4, filled: 0 }, test: { rows: 0, filled: 0 } } }), runRow({ id: 'old', projectId: 'p' })];
  state.runId = 'r';
  expect(state.flaggedNote).toMatch(/^4 validation rows were flagged/);
  state.part = 'test';
  expect(state.flaggedNote).toBeNull();
  state.runId = 'old';
  expect(state.flaggedNote).toBeNull();
});
