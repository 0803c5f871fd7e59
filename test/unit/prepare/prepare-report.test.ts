import { describe, expect, test } from 'vitest';
import { defaultRecipe, type Recipe } from '../../../src/prepare/recipe';
import type { Frame } from '../../../src/prepare/frame';
import { COPIES_CHECKED, prepareDataset, prepareFrames, prepareReport, splitRows } from '../../../src/workers/in-worker/prepare-report';
import { col, table } from './tables';

const N = 40;
const data = () =>
  table(
    col('x', 'numeric', Array.from({ length: N }, (_, i) => (i % 7 === 0 ? '' : String(i)))),
    col('group', 'categorical', Array.from({ length: N }, (_, i) => `g${i % 8}`)),
    col('y', 'categorical', Array.from({ length: N }, (_, i) => (i < 30 ? 'a' : 'b'))),
  );
const recipe = (patch: Partial<Recipe> = {}): Recipe => ({ ...defaultRecipe(3, true), ...patch });
const request = (r: Recipe, previewStepId: string | null = null) => ({ datasetId: 'd', recipe: r, target: 'y', task: 'classification' as const, previewStepId, scatter: null });
const quiet = () => undefined;

describe('the Prepare report', () => {
  test('the split reports each part’s rows and classes', () => {
    const report = prepareReport(data(), request(recipe()), quiet);
    expect(report.split).toEqual({
      ok: true,
      parts: [
        { part: 'train', rows: 28, classes: [{ label: 'a', count: 21 }, { label: 'b', count: 7 }] },
        // 6 rows each (ceil(0.15 · 40)), shared out of what training left (a 9, b 3): a 4.5, b 1.5, the tie drawn.
        { part: 'validation', rows: 6, classes: [{ label: 'a', count: 4 }, { label: 'b', count: 2 }] },
        { part: 'test', rows: 6, classes: [{ label: 'a', count: 5 }, { label: 'b', count: 1 }] },
      ],
    });
  });

  test('a grouped split without a group column, or a stratified one without a target, says what to choose', () => {
    expect(splitRows(data(), { ...recipe().split, strategy: 'grouped' }, 'y', true)).toMatchObject({ ok: false, problem: expect.stringMatching(/^Choose the column/) });
    expect(splitRows(data(), recipe().split, null, false)).toMatchObject({ ok: false, problem: expect.stringMatching(/needs a classification target/) });
    const grouped = splitRows(data(), { ...recipe().split, strategy: 'grouped', groupColumn: 'group' }, 'y', true);
    expect(grouped.ok).toBe(true);
  });

  test('without the class balance the parts are the same, the classes are not read for a random split, and still are for a stratified one', () => {
    for (const strategy of ['random', 'stratified'] as const) {
      const settings = { ...recipe().split, strategy };
      const full = splitRows(data(), settings, 'y', true);
      const lean = splitRows(data(), settings, 'y', true, false);
      if (!full.ok || !lean.ok) throw new Error('the split failed');
      expect(Array.from(lean.parts)).toEqual(Array.from(full.parts));
      expect(lean.report.map((p) => p.rows)).toEqual(full.report.map((p) => p.rows));
      expect(lean.report.every((p) => p.classes === null)).toBe(strategy === 'random');
      expect(lean.inputs.classes === undefined).toBe(strategy === 'random');
    }
  });

  test('steps are fitted in order; the first that cannot apply is named and the rest not reached', () => {
    const steps = [
      { id: 'a', kind: 'impute', enabled: true, params: { columns: ['x'], strategy: 'median' } },
      { id: 'off', kind: 'drop-columns', enabled: false, params: { columns: ['group'] } },
      { id: 'b', kind: 'scale', enabled: true, params: { columns: ['group'], method: 'standard' } },
      { id: 'c', kind: 'log', enabled: true, params: { columns: ['x'] } },
    ];
    const report = prepareReport(data(), request(recipe({ steps }), 'a'), quiet);
    expect(report.steps.map((s) => s.state)).toEqual(['fitted', 'disabled', 'problem', 'not-reached']);
    expect(report.steps[2]!.problem).toBe('Column "group" is categorical, not numeric: change its type first, or encode it.');
    expect(report.preview).toMatchObject({ rowsBefore: 28, rowsAfter: 28, columns: ['x'] });
    expect(report.preview!.cellsChanged).toBeGreaterThan(0);
    expect(report.columns).toEqual([]);
  });

  test('augmentation reports class balance and real against generated points', () => {
    const report = prepareReport(data(), request(recipe({ augment: { ...recipe().augment, method: 'oversample' } })), quiet);
    expect(report.augment).toMatchObject({ ok: true, added: 14, before: [{ label: 'a', count: 21 }, { label: 'b', count: 7 }], after: [{ label: 'a', count: 21 }, { label: 'b', count: 21 }] });
  });

  test('validation and test rows that copy a training row are counted, with a warning; none, no warning', () => {
    // Every value twice: removing duplicates within each part leaves copies of training rows in the others.
    const twice = table(col('x', 'numeric', Array.from({ length: 100 }, (_, i) => String(i % 50))));
    const steps = [{ id: 'd', kind: 'dedupe', enabled: true, params: { columns: [] } }];
    const split = { ...recipe().split, strategy: 'random' as const, seed: 1 };
    const report = prepareReport(twice, { ...request(recipe({ steps, split })), target: null, task: null }, quiet);
    const prepared = prepareFrames(twice, { recipe: recipe({ steps, split }), target: null, task: null }, quiet);
    if (!prepared.ok) throw new Error(prepared.problem);
    // The same count as comparing the prepared parts' values.
    const trainValues = new Set(prepared.frames.train.table.columns[0]!.values);
    const copies = (f: Frame) => Array.from(f.table.columns[0]!.values).filter((x) => trainValues.has(x)).length;
    const [validation, test] = [copies(prepared.frames.validation), copies(prepared.frames.test)];
    expect(test).toBeGreaterThan(0);
    expect(report.copies).toEqual({
      parts: [
        { part: 'validation', rows: 15, checked: 15, copies: validation },
        { part: 'test', rows: 15, checked: 15, copies: test },
      ],
      warning: expect.stringMatching(/ of 15 test rows are exact copies of training rows: scores on them will look better than on new data\. Remove duplicates before splitting, or group the split by an id column\.$/),
    });
    const said = [validation > 0 ? `${validation} of 15 validation rows` : null, `${test} of 15 test rows`].filter(Boolean).join(' and ');
    expect(report.copies!.warning!.startsWith(`${said} are exact copies`)).toBe(true);
    const distinct = table(col('x', 'numeric', Array.from({ length: 100 }, (_, i) => String(i))));
    expect(prepareReport(distinct, { ...request(recipe({ steps, split })), target: null, task: null }, quiet).copies).toMatchObject({ warning: null });
  });

  test('over many rows, copies are counted on evenly spread rows of validation and test, and the warning says it is an estimate', () => {
    const n = 100_000;
    const twice = table(col('x', 'numeric', Array.from({ length: n }, (_, i) => String(i % (n / 2)))));
    const split = { ...recipe().split, strategy: 'random' as const, seed: 1 };
    const report = prepareReport(twice, { ...request(recipe({ steps: [], split })), target: null, task: null }, quiet);
    const [validation, test] = report.copies!.parts;
    expect(validation).toMatchObject({ part: 'validation', rows: 15_000, checked: COPIES_CHECKED });
    // About 70% of each value's twin is in training.
    expect(test!.copies / test!.checked).toBeGreaterThan(0.6);
    expect(test!.copies / test!.checked).toBeLessThan(0.8);
    expect(report.copies!.warning).toMatch(/^About [\d,]+ of 15,000 validation rows \(\d+% of the [\d,]+ checked\) and about [\d,]+ of 15,000 test rows \(\d+% of the [\d,]+ checked\) are exact copies of training rows: /);
  });

  test('prepareDataset fits on training rows and applies to the rest, with timings per phase', () => {
    const steps = [{ id: 'drop', kind: 'drop-missing', enabled: true, params: { columns: ['x'] } }];
    const result = prepareDataset(data(), { recipe: recipe({ steps }), target: 'y', task: 'classification' }, quiet);
    if (!result.ok) throw new Error(result.problem);
    expect(result.summary.rows.validation + result.summary.rows.test).toBe(12); // never dropped outside training
    expect(result.summary.rows.train).toBeLessThan(28);
    expect(result.summary.timings.map((t) => t.phase)).toEqual(['split', 'drop', 'gather training rows', 'gather validation and test rows']);
  });
});
