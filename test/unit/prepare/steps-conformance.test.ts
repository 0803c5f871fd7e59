/** What every step must do (the conformance checks), the pipeline that runs steps in order, and what a step form's cleared number field means. */
import { describe, expect, test } from 'vitest';
import { dropOrFlag } from '../../../src/prepare/frame';
import { applyPipeline, fitPipeline } from '../../../src/prepare/pipeline';
import { STEPS } from '../../../src/prepare/steps';
import { fitOne, other, problemOf, spec, train } from './step-fixtures';
import { cells, names, snapshot } from './tables';

/** One working spec per step kind, for the conformance checks every step must pass. */
const EXAMPLES: Record<string, unknown> = {
  'drop-columns': { columns: ['y'] },
  cast: { column: 'y', to: 'categorical' },
  impute: { columns: ['x', 'colour'], strategy: 'most-frequent', indicator: true },
  'drop-missing': { columns: ['x'] },
  dedupe: { columns: [] },
  outliers: { columns: ['x'], rule: 'iqr', action: 'remove' },
  filter: { condition: { column: 'y', op: '>', value: '10' } },
  rename: { column: 'x', to: 'ex' },
  'one-hot': { column: 'colour', maxCategories: 2 },
  ordinal: { column: 'colour', order: [] },
  scale: { columns: ['x', 'y'], method: 'standard' },
  log: { columns: ['y'], plusOne: true },
  bin: { column: 'y', bins: 2, strategy: 'width' },
  derive: { name: 'ratio', expression: 'x / y' },
  'edit-cells': { edits: [{ row: 1, column: 'colour', value: 'green' }], bulk: [] },
};

describe('every step', () => {
  test('has an example here', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(STEPS.map((s) => s.kind).sort());
  });

  for (const def of STEPS) {
    test(`${def.kind}: fits on training rows, transforms other rows, never mutates input, and its learned state survives JSON`, () => {
      const t = train();
      const o = other();
      const [before, otherBefore] = [snapshot(t), snapshot(o)];
      const fit = fitPipeline([spec(def.kind, EXAMPLES[def.kind])], t);
      if (!fit.ok) throw new Error(fit.problem);
      const roundTrip = JSON.parse(JSON.stringify(fit.fitted));
      expect(roundTrip).toEqual(fit.fitted);
      const applied = applyPipeline(roundTrip, o);
      expect(snapshot(t)).toBe(before);
      expect(snapshot(o)).toBe(otherBefore);
      // Rows to predict are never dropped.
      expect(applied.table.rowCount).toBe(3);
      expect(applied.rowIds).toEqual(o.rowIds);
      expect(def.explain.length).toBeGreaterThan(20);
    });

    test(`${def.kind}: a value missing in an untouched column stays missing`, () => {
      const fit = fitPipeline([spec(def.kind, EXAMPLES[def.kind])], train());
      if (!fit.ok) throw new Error(fit.problem);
      const applied = applyPipeline(fit.fitted, other());
      if (names(applied).includes('ok')) expect(cells(applied, 'ok')[1]).toBe('');
    });
  }
});

describe('pipeline', () => {
  test('steps fit in order on the output of the steps before; disabled steps are skipped', () => {
    const steps = [spec('impute', { columns: ['x'], strategy: 'median' }), { ...spec('drop-columns', { columns: ['y'] }), enabled: false }, spec('scale', { columns: ['x'], method: 'minmax' })];
    const fit = fitPipeline(steps, train());
    if (!fit.ok) throw new Error(fit.problem);
    expect(fit.fitted.steps.map((s) => s.kind)).toEqual(['impute', 'scale']);
    expect(cells(fit.train, 'x')).toEqual(['0', String(1 / 99), String(1 / 99), String(3 / 99), '1', String(1 / 99)]);
  });

  test('the first step that cannot apply is named, with its problem', () => {
    const fit = fitPipeline([spec('impute', { columns: ['x'], strategy: 'mean' }), { ...spec('scale', { columns: ['nope'], method: 'standard' }), id: 'bad' }], train());
    expect(fit).toEqual({ ok: false, stepId: 'bad', problem: 'There is no column "nope" at this point of the pipeline.' });
    expect(fitPipeline([spec('teleport', {})], train())).toMatchObject({ ok: false, problem: 'Looplab does not know a step called "teleport".' });
  });

  test('dropOrFlag never drops when applying', () => {
    const f = train();
    expect(dropOrFlag(f, new Uint8Array([1, 0, 0, 0, 0, 1]), 'apply').table.rowCount).toBe(6);
  });
});

describe('a number field cleared in a step form (null)', () => {
  test('is refused, naming the field by its label, never read as the default', () => {
    expect(problemOf('one-hot', { column: 'colour', maxCategories: null })).toMatch(/^One-hot encode: At most this many columns: enter a whole number from 2 to 1000\./);
    expect(problemOf('outliers', { columns: ['x'], rule: 'iqr', factor: null, action: 'remove' })).toMatch(/^Remove or clip outliers: Factor: enter a number, 0 or more \(0: the rule’s usual one\)\./);
    expect(problemOf('bin', { column: 'y', bins: null, strategy: 'width' })).toMatch(/^Bin into ranges: Bins: enter a whole number from 2 to 100\./);
  });

  test('a field an older recipe did not have still takes its default', () => {
    expect(fitOne('one-hot', { column: 'colour' }).fitted.steps[0]!.params).toEqual({ column: 'colour', maxCategories: 20 });
    expect(fitOne('outliers', { columns: ['x'], rule: 'iqr', action: 'clip' }).fitted.steps[0]!.params).toMatchObject({ factor: 0 });
  });
});
