/** A step that changes, fills, renames, drops or reads the target says so beside it; steps meant for the target say nothing. */
import { describe, expect, test } from 'vitest';
import { defaultRecipe } from '../../../src/prepare/recipe';
import { defaultParams } from '../../../src/prepare/step-forms';
import { prepareFrames, prepareReport } from '../../../src/workers/in-worker/prepare-report';
import { col, table } from './tables';

const N = 40;
const data = () =>
  table(
    col('x', 'numeric', Array.from({ length: N }, (_, i) => String((i * 7) % 13))),
    col('c', 'categorical', Array.from({ length: N }, (_, i) => `g${i % 3}`)),
    col('y', 'numeric', Array.from({ length: N }, (_, i) => (i % 9 === 4 ? '' : String(i * 1.5)))),
  );
const columns = [
  { name: 'x', kind: 'numeric' as const },
  { name: 'c', kind: 'categorical' as const },
  { name: 'y', kind: 'numeric' as const },
];

/** The note beside one step of `kind` (its form's defaults, then `params`), fitted with target y. */
function noteOf(kind: string, params: Record<string, unknown>, target: string | null = 'y'): string | undefined {
  const recipe = { ...defaultRecipe(1, false), steps: [{ id: 's', kind, enabled: true, params: { ...defaultParams(kind, columns, null), ...params } }] };
  const report = prepareReport(data(), { datasetId: 'd', recipe, target, task: 'regression', previewStepId: null, scatter: null }, () => undefined);
  const status = report.steps[0]!;
  if (status.state !== 'fitted') throw new Error(`the ${kind} step did not fit: ${status.problem}`);
  return status.note;
}

describe('a step that changes the target', () => {
  test('scaling, a log and clipping it say the model is learned and scored on the changed values', () => {
    for (const [kind, params] of [
      ['scale', { columns: ['x', 'y'] }],
      ['log', { columns: ['y'] }],
      ['outliers', { columns: ['y'], action: 'clip', factor: 0.5 }],
    ] as const) {
      expect(noteOf(kind, params), kind).toMatch(/^This step changes the target "y" itself: the model learns, and Evaluate scores it, on the changed values/);
    }
  });

  test('filling its missing values says those rows get labels the data never gave', () => {
    expect(noteOf('impute', { columns: ['x', 'y'] })).toMatch(/^This step fills missing values of the target "y": those training rows get labels the data never gave them/);
  });

  test('renaming, dropping or one-hot encoding it says training looks for it', () => {
    expect(noteOf('rename', { column: 'y', to: 'why' })).toMatch(/^This step renames the target "y"/);
    expect(noteOf('drop-columns', { columns: ['y'] })).toMatch(/^This step removes the target "y", which training needs/);
    expect(noteOf('one-hot', { column: 'c' }, 'c')).toMatch(/^This step removes the target "c"/);
  });

  test('a formula that reads it says the new column hands the model the answer', () => {
    expect(noteOf('derive', { name: 'twice', expression: 'x + y * 2' })).toMatch(/^The formula reads the target "y": the new column hands the model the answer/);
  });
});

describe('a step meant for the target, or that leaves it as imported, says nothing of it', () => {
  test.each([
    ['scale', { columns: ['x'] }],
    ['impute', { columns: ['x'] }],
    ['drop-missing', { columns: ['y'] }],
    ['outliers', { columns: ['y'], action: 'remove', factor: 0.5 }],
    ['filter', { condition: { column: 'y', op: '>', value: '3' } }],
    ['cast', { column: 'y', to: 'categorical' }],
    ['edit-cells', { edits: [{ row: 1, column: 'y', value: '99' }], bulk: [] }],
    ['derive', { name: 'twice', expression: 'x * 2' }],
  ])('%s %j', (kind, params) => {
    expect(noteOf(kind, params)).toBeUndefined();
  });

  test('nor does any step when the plan names no target', () => {
    expect(noteOf('scale', { columns: ['x', 'y'] }, null)).toBeUndefined();
  });
});

test('the frames a run trains on carry the notes, each naming its step, for the run’s notes', () => {
  const steps = [
    { id: 'a', kind: 'scale', enabled: true, params: { columns: ['x'], method: 'standard' } },
    { id: 'b', kind: 'log', enabled: true, params: { columns: ['y'], plusOne: true } },
  ];
  const prepared = prepareFrames(data(), { recipe: { ...defaultRecipe(1, false), steps }, target: 'y', task: 'regression' }, () => undefined);
  if (!prepared.ok) throw new Error(prepared.problem);
  expect(prepared.frames.targetNotes).toEqual([expect.stringMatching(/^Prepare’s step 2 \(Log transform\): This step changes the target "y" itself/)]);
});
