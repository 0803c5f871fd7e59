/**
 * Feature importance's progress on the Evaluate page, from the click to the answer, with the
 * train worker answered here: the real worker starts a backend and restores the model first,
 * seconds in which it has not yet said how many features there are.
 */
import 'fake-indexeddb/auto';
import { describe, expect, test, vi } from 'vitest';
import { EvaluateState } from '../../../src/evaluate/evaluate.svelte';
import type { ImportanceOutcome } from '../../../src/workers/train-protocol';
import { runRow } from '../../helpers/rows';

let answer: (outcome: ImportanceOutcome) => void = () => undefined;
let report: (done: number, total: number) => void = () => undefined;
const worker = {
  importance: vi.fn(
    (_runId: string, _repeats: number, onFeature: (done: number, total: number) => void) =>
      new Promise<ImportanceOutcome>((resolve) => {
        report = onFeature;
        answer = resolve;
      }),
  ),
};
vi.mock('../../../src/workers/train-client', () => ({ callTrainWorker: vi.fn(async (fn: (api: unknown) => unknown) => fn(worker)) }));

/** The state with run 'r' chosen, its parts as given. */
function stateWith(rows: { train: number; validation: number; test: number }): EvaluateState {
  const state = new EvaluateState('p', null);
  state.runs = [runRow({ id: 'r', projectId: 'p', rows })];
  state.runId = 'r';
  return state;
}

describe('feature importance progress', () => {
  test('“Starting…” until the worker says how many features, then the feature under way counting from 1; nothing once answered', async () => {
    const state = stateWith({ train: 8, validation: 2, test: 0 });
    const measuring = state.measureImportance();
    // Not "Feature 0 of 1": the number of features is not known yet.
    expect(state.importanceStatus).toBe('Starting…');
    report(0, 2);
    expect(state.importanceStatus).toBe('Feature 1 of 2…');
    report(1, 2);
    expect(state.importanceStatus).toBe('Feature 2 of 2…');
    report(2, 2);
    expect(state.importanceStatus).toBe('Feature 2 of 2…');
    answer({ ok: true, part: 'validation', rows: 30, metric: 'accuracy', loss: 'log loss', baseline: 1, importances: [], note: null });
    await measuring;
    expect(state.importanceStatus).toBeNull();
    expect(state.importanceProgress).toBeNull();
  });

  test('the part importance is measured on: validation, or test when the split has no validation rows; the answer’s own once it comes', async () => {
    expect(stateWith({ train: 8, validation: 2, test: 2 }).importancePart).toBe('validation');
    const state = stateWith({ train: 8, validation: 0, test: 2 });
    expect(state.importancePart).toBe('test');
    const measuring = state.measureImportance();
    answer({ ok: true, part: 'validation', rows: 30, metric: 'accuracy', loss: 'log loss', baseline: 1, importances: [], note: null });
    await measuring;
    expect(state.importancePart).toBe('validation');
  });
});
