import { describe, expect, test } from 'vitest';
import { defaultRecipe, type Recipe } from '../../../src/prepare/recipe';
import type { StepSpec } from '../../../src/prepare/step';
import { prepareReport } from '../../../src/workers/in-worker/prepare-report';
import { col, table } from '../prepare/tables';

// What each step's edit form offers: the columns as that step receives them, not as the whole pipeline leaves them.
const N = 40;
const data = () =>
  table(
    col('x', 'numeric', Array.from({ length: N }, (_, i) => (i % 7 === 0 ? '' : String(i + 1)))),
    col('island', 'categorical', Array.from({ length: N }, (_, i) => ['Biscoe', 'Dream'][i % 2]!)),
    col('y', 'categorical', Array.from({ length: N }, (_, i) => (i < 30 ? 'a' : 'b'))),
  );
const report = (steps: StepSpec[]) => {
  const recipe: Recipe = { ...defaultRecipe(3, true), steps };
  return prepareReport(data(), { datasetId: 'd', recipe, target: 'y', task: 'classification', previewStepId: null, scatter: null }, () => undefined);
};
const imported = [
  { name: 'x', kind: 'numeric' },
  { name: 'island', kind: 'categorical' },
  { name: 'y', kind: 'categorical' },
];
// One-hot's columns take the place of the column they encode.
const encoded = [
  { name: 'x', kind: 'numeric' },
  { name: 'island=Biscoe', kind: 'boolean' },
  { name: 'island=Dream', kind: 'boolean' },
  { name: 'y', kind: 'categorical' },
];

describe('the Prepare report names the columns each step receives', () => {
  test('fitted steps, columnwise ones fitted together too, a step that is off, the step that cannot apply; none for a step not reached', () => {
    const r = report([
      { id: 'impute', kind: 'impute', enabled: true, params: { columns: ['x'], strategy: 'median' } },
      { id: 'scale', kind: 'scale', enabled: true, params: { columns: ['x'], method: 'standard' } },
      { id: 'one-hot', kind: 'one-hot', enabled: true, params: { column: 'island', maxCategories: 20 } },
      { id: 'off', kind: 'rename', enabled: false, params: { column: 'x', to: 'X' } },
      { id: 'rename', kind: 'rename', enabled: true, params: { column: 'y', to: 'Y' } },
      { id: 'broken', kind: 'one-hot', enabled: true, params: { column: 'island', maxCategories: 20 } },
      { id: 'later', kind: 'log', enabled: true, params: { columns: ['x'] } },
    ]);
    expect(r.steps.map((s) => s.state)).toEqual(['fitted', 'fitted', 'fitted', 'disabled', 'fitted', 'problem', 'not-reached']);
    const received = (id: string) => r.steps.find((s) => s.id === id)!.inputColumns;
    const input = (id: string) => received(id)?.map(({ name, kind }) => ({ name, kind }));
    expect(input('impute')).toEqual(imported);
    // With how many training rows miss each: x's gaps before the fill, none after it.
    expect(received('impute')!.find((c) => c.name === 'x')!.missing).toBeGreaterThan(0);
    expect(received('scale')!.map((c) => c.missing)).toEqual([0, 0, 0]);
    expect(input('scale')).toEqual(imported);
    expect(input('one-hot')).toEqual(imported);
    expect(input('off')).toEqual(encoded);
    expect(input('rename')).toEqual(encoded);
    expect(input('broken')).toEqual([...encoded.slice(0, 3), { name: 'Y', kind: 'categorical' }]);
    expect(input('later')).toBeUndefined();
  });

  test('a first step that cannot apply, and a step off before any fitted one, receive the imported columns', () => {
    const r = report([
      { id: 'off', kind: 'log', enabled: false, params: { columns: ['x'] } },
      { id: 'broken', kind: 'scale', enabled: true, params: { columns: ['island'], method: 'standard' } },
    ]);
    expect(r.steps.map((s) => [s.state, s.inputColumns])).toEqual([
      ['disabled', imported],
      ['problem', imported],
    ]);
  });
});
