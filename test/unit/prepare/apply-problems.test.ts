/**
 * A step that fits on the training rows but cannot apply to validation or test rows is reported
 * as a problem of that step, naming the part, never thrown; and the usual ways to get there
 * (a fill or an edit the column cannot hold) are refused when the step is fitted.
 */
import { describe, expect, test } from 'vitest';
import { datasetFrame } from '../../../src/prepare/frame';
import { viewOf } from '../../../src/prepare/frame-view';
import { fitPipeline, prepareParts } from '../../../src/prepare/pipeline';
import { fitAndApplyViews, fitViews } from '../../../src/prepare/run-steps';
import type { StepSpec } from '../../../src/prepare/step';
import { col, frameOf, table } from './tables';

const spec = (id: string, kind: string, params: unknown): StepSpec => ({ id, kind, enabled: true, params });
/** Nothing missing in training (rows 0–2); a gap in the validation row (3). */
const data = () => table(col('b', 'boolean', ['true', 'false', 'true', '']), col('x', 'numeric', ['1', '2', '3', '4']));
const parts = Uint8Array.from([0, 0, 0, 1]);

describe('problems met outside the training rows', () => {
  test('a boolean column filled with a constant that is not true or false is refused when fitted; any spelling of true or false fills it', () => {
    const outcome = prepareParts([spec('fill', 'impute', { columns: ['b'], strategy: 'constant', constant: 'maybe' })], datasetFrame(data()), parts);
    expect(outcome).toEqual({ ok: false, stepId: 'fill', problem: 'Column "b" is yes/no: fill it with true or false (or 1 or 0), not "maybe".' });
    for (const constant of ['true', 'Yes', '1']) {
      const filled = prepareParts([spec('fill', 'impute', { columns: ['b'], strategy: 'constant', constant })], datasetFrame(data()), parts);
      if (!filled.ok) throw new Error(filled.problem);
      expect(Array.from(filled.frames.validation.table.columns[0]!.values.subarray(0, 1))).toEqual([1]);
    }
  });

  test('an edit of a validation row the column cannot hold is refused when fitted, though the training rows do not hold that row', () => {
    const edit = (value: string, column = 'x') => spec('edit', 'edit-cells', { edits: [{ row: 3, column, value }], bulk: [] });
    expect(prepareParts([edit('abc')], datasetFrame(data()), parts)).toEqual({ ok: false, stepId: 'edit', problem: 'The edit of row 4: Column "x" holds numbers: "abc" is not one.' });
    // An edit naming a column the dataset does not have (made on another dataset) is left out, and noted, not a problem.
    const elsewhere = prepareParts([edit('7', 'nope')], datasetFrame(data()), parts);
    expect(elsewhere).toMatchObject({ ok: true, fitted: { steps: [{ learned: { noColumn: [0] } }] } });
    const fine = prepareParts([edit('7')], datasetFrame(data()), parts);
    if (!fine.ok) throw new Error(fine.problem);
    expect(fine.frames.validation.table.columns[1]!.values[0]).toBe(7);
  });

  test('a step that cannot apply to the other rows is that step’s problem, naming the part, step by step and on the fast path', () => {
    // The test rows' "x" is a label column: filling passes it on (nothing is missing), scaling cannot apply to it.
    const train = viewOf(frameOf(col('x', 'numeric', ['1', '2', '3']), col('y', 'numeric', ['1', '5', '2'])));
    const validation = viewOf(frameOf(col('x', 'numeric', ['4']), col('y', 'numeric', ['3'])));
    const test = viewOf(frameOf(col('x', 'categorical', ['four']), col('y', 'numeric', ['3'])));
    const steps = [spec('fill', 'impute', { columns: ['x', 'y'], strategy: 'median' }), spec('scale', 'scale', { columns: ['x', 'y'], method: 'standard' }), spec('log', 'log', { columns: ['y'] })];
    const expected = { ok: false, stepId: 'scale', problem: 'In the test rows: Column "x" is categorical, not numeric: change its type first, or encode it.' };
    const names = { otherNames: ['validation', 'test'] };
    expect(fitViews(steps, train, [validation, test], names)).toEqual(expected);
    expect(fitAndApplyViews(steps, train, [validation, test], names)).toEqual(expected);
    // Without names, the rows are still said to be outside training.
    expect(fitViews(steps.slice(1), train, [test], {})).toEqual({ ok: false, stepId: 'scale', problem: 'In the rows outside training: Column "x" is categorical, not numeric: change its type first, or encode it.' });
  });

  test('a problem in the training rows comes first, as step by step meets it', () => {
    const train = viewOf(frameOf(col('x', 'numeric', ['1', '2', '3'])));
    const test = viewOf(frameOf(col('x', 'categorical', ['four'])));
    const steps = [spec('scale', 'scale', { columns: ['x'], method: 'standard' }), spec('bad', 'derive', { name: 'r', expression: 'x / (x - x)' })];
    for (const run of [fitViews, fitAndApplyViews]) expect(run(steps, train, [test], {})).toMatchObject({ ok: false, stepId: 'bad' });
  });

  test('fitPipeline, with no other rows, is unchanged', () => {
    expect(fitPipeline([spec('fill', 'impute', { columns: ['b'], strategy: 'constant', constant: 'false' })], datasetFrame(data())).ok).toBe(true);
  });
});
