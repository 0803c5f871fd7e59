import { describe, expect, test } from 'vitest';
import { defaultRecipe, type Recipe } from '../../../src/prepare/recipe';
import type { Frame } from '../../../src/prepare/frame';
import { relabelProbe } from '../../../src/prepare/relabel-probe';
import { assignFolds } from '../../../src/prepare/folds';
import { assignParts } from '../../../src/prepare/split';
import { unmatchedRelabel } from '../../../src/prepare/steps/edit-notes';
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
  test('each column after the pipeline, and each step’s input, says how many training rows miss it', () => {
    const report = prepareReport(data(), request(recipe({ steps: [{ id: 'f', kind: 'impute', enabled: true, params: { columns: ['x'], strategy: 'median', constant: '', indicator: false } }] })), quiet);
    // x misses every 7th of the 40 rows; the training part holds 28 of them.
    const inputX = report.steps[0]!.inputColumns!.find((c) => c.name === 'x')!;
    expect(inputX.missing).toBeGreaterThan(0);
    expect(inputX.missing).toBeLessThanOrEqual(6);
    expect(report.columns.find((c) => c.name === 'x')!.missing).toBe(0);
    expect(report.columns.find((c) => c.name === 'group')!.missing).toBe(0);
  });

  test('the split reports each part’s rows and classes', () => {
    const report = prepareReport(data(), request(recipe()), quiet);
    expect(report.split).toEqual({
      ok: true,
      notes: [],
      parts: [
        { part: 'train', rows: 28, classes: [{ label: 'a', count: 21 }, { label: 'b', count: 7 }] },
        // 6 rows each (ceil(0.15 · 40)), shared out of what training left (a 9, b 3): a 4.5, b 1.5, the tie drawn.
        { part: 'validation', rows: 6, classes: [{ label: 'a', count: 4 }, { label: 'b', count: 2 }] },
        { part: 'test', rows: 6, classes: [{ label: 'a', count: 5 }, { label: 'b', count: 1 }] },
      ],
    });
  });

  test('a grouped split without a group column, or a stratified one without a target, says what to choose', () => {
    expect(splitRows(data(), recipe({ split: { ...recipe().split, strategy: 'grouped' } }), 'y', true)).toMatchObject({ ok: false, problem: expect.stringMatching(/^Choose the column/) });
    expect(splitRows(data(), recipe(), null, false)).toMatchObject({ ok: false, problem: expect.stringMatching(/needs a classification target/) });
    // A target the plan names but the dataset lacks is named, not taken for no target at all.
    expect(splitRows(data(), recipe(), 'Y', true)).toMatchObject({ ok: false, problem: expect.stringContaining('the plan’s target "Y" is not a column of this dataset: choose the target in Plan') });
    const grouped = splitRows(data(), recipe({ split: { ...recipe().split, strategy: 'grouped', groupColumn: 'group' } }), 'y', true);
    expect(grouped.ok).toBe(true);
  });

  test('without the class balance the parts are the same, the classes are not read for a random split, and still are for a stratified one', () => {
    for (const strategy of ['random', 'stratified'] as const) {
      const settings = recipe({ split: { ...recipe().split, strategy } });
      const full = splitRows(data(), settings, 'y', true);
      const lean = splitRows(data(), settings, 'y', true, { classBalance: false });
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
    // Dedupe flags a held-out row that repeats one before it in its part, as applying it to the whole part does.
    const flagged = (f: Frame) => f.flagged.reduce((a, b) => a + b, 0);
    expect(report.heldOut).toEqual({
      parts: [
        { part: 'validation', rows: 15, checked: 15, copies: validation, flagged: flagged(prepared.frames.validation) },
        { part: 'test', rows: 15, checked: 15, copies: test, flagged: flagged(prepared.frames.test) },
      ],
      flaggedNote: flagged(prepared.frames.validation) + flagged(prepared.frames.test) > 0 ? expect.stringContaining(' flagged by the recipe') : null,
      copiesWarning: expect.stringMatching(/ of 15 test rows are exact copies of training rows: scores on them will look better than on new data\. Remove duplicates before splitting, or group the split by an id column\.$/),
    });
    const said = [validation > 0 ? `${validation} of 15 validation rows` : null, `${test} of 15 test rows`].filter(Boolean).join(' and ');
    expect(report.heldOut!.copiesWarning!.startsWith(`${said} are exact copies`)).toBe(true);
    const distinct = table(col('x', 'numeric', Array.from({ length: 100 }, (_, i) => String(i))));
    expect(prepareReport(distinct, { ...request(recipe({ steps, split })), target: null, task: null }, quiet).heldOut).toMatchObject({ copiesWarning: null });
  });

  test('over many rows, copies are counted on evenly spread rows of validation and test, and the warning says it is an estimate', () => {
    const n = 100_000;
    const twice = table(col('x', 'numeric', Array.from({ length: n }, (_, i) => String(i % (n / 2)))));
    const split = { ...recipe().split, strategy: 'random' as const, seed: 1 };
    const report = prepareReport(twice, { ...request(recipe({ steps: [], split })), target: null, task: null }, quiet);
    const [validation, test] = report.heldOut!.parts;
    expect(validation).toMatchObject({ part: 'validation', rows: 15_000, checked: COPIES_CHECKED });
    // About 70% of each value's twin is in training.
    expect(test!.copies / test!.checked).toBeGreaterThan(0.6);
    expect(test!.copies / test!.checked).toBeLessThan(0.8);
    expect(report.heldOut!.copiesWarning).toMatch(/^About [\d,]+ of 15,000 validation rows \(\d+% of the [\d,]+ checked\) and about [\d,]+ of 15,000 test rows \(\d+% of the [\d,]+ checked\) are exact copies of training rows: /);
  });

  test('held-out rows a row-removing step would drop from training are counted and said, exactly when every row was checked', () => {
    // x is missing in every 7th row: drop-missing removes those training rows and flags the held-out ones.
    const steps = [{ id: 'drop', kind: 'drop-missing', enabled: true, params: { columns: ['x'] } }];
    const report = prepareReport(data(), request(recipe({ steps })), quiet);
    const prepared = prepareFrames(data(), { recipe: recipe({ steps }), target: 'y', task: 'classification' }, quiet);
    if (!prepared.ok) throw new Error(prepared.problem);
    const flagged = (f: Frame) => f.flagged.reduce((a, b) => a + b, 0);
    const [validation, test] = [flagged(prepared.frames.validation), flagged(prepared.frames.test)];
    expect(report.heldOut!.parts.map((p) => p.flagged)).toEqual([validation, test]);
    expect(validation + test).toBeGreaterThan(0);
    const said = [validation ? `${validation} of 6 validation rows` : '', test ? `${test} of 6 test rows` : ''].filter(Boolean).join(' and ');
    expect(report.heldOut!.flaggedNote).toMatch(new RegExp(`^${said} (is|are) flagged by the recipe: a step drops such rows from the training rows .*, but never from validation or test\\. (It is|They are) kept and scored as the recipe leaves (it|them)\\.$`));
    expect(prepareReport(data(), request(recipe({ steps: [] })), quiet).heldOut!.flaggedNote).toBeNull();
  });

  test('over many rows, the flagged rows are counted among those checked and said as such, not scaled to the part', () => {
    const n = 100_000;
    // Every 10th row is missing x.
    const wide = table(col('x', 'numeric', Array.from({ length: n }, (_, i) => (i % 10 === 0 ? '' : String(i)))));
    const steps = [{ id: 'drop', kind: 'drop-missing', enabled: true, params: { columns: ['x'] } }];
    const split = { ...recipe().split, strategy: 'random' as const, seed: 1 };
    const report = prepareReport(wide, { ...request(recipe({ steps, split })), target: null, task: null }, quiet);
    const [validation, test] = report.heldOut!.parts;
    expect(validation!.checked).toBe(COPIES_CHECKED);
    // About a tenth of the rows checked.
    for (const p of [validation!, test!]) expect(Math.abs(p.flagged / p.checked - 0.1)).toBeLessThan(0.02);
    expect(report.heldOut!.flaggedNote).toBe(
      `${validation!.flagged} of the 5,000 validation rows checked (of 15,000) and ${test!.flagged} of the 5,000 test rows checked (of 15,000) are flagged by the recipe: ` +
        'a step drops such rows from the training rows (duplicates, outliers, a filter, missing values), but never from validation or test. They are kept and scored as the recipe leaves them, and Evaluate gives the count over every row.',
    );
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

describe('the split reads the target as the edit step leaves it', () => {
  // a 5, b 5, c 5; with seed 2, stratifying by the three classes puts 4 of b and c in training and 6 in validation.
  const abc = () => table(col('x', 'numeric', Array.from({ length: 15 }, (_, i) => String(i))), col('y', 'categorical', Array.from({ length: 15 }, (_, i) => 'abc'[Math.floor(i / 5)]!)));
  const split = { ...recipe().split, strategy: 'stratified' as const, fractions: [0.5, 0.5, 0] as [number, number, number], seed: 2 };
  const mergeCIntoB = { id: 'edits', kind: 'edit-cells', enabled: true, params: { edits: [{ where: { column: 'y', op: '==', value: 'c' }, column: 'y', value: 'b' }], bulk: [] } };
  const bOrC = (parts: Uint8Array, part: number) => Array.from(parts).filter((p, i) => p === part && i >= 5).length;

  test('a relabel that merges two classes stratifies by the merged class, so it is balanced across the parts', () => {
    const raw = splitRows(abc(), recipe({ split }), 'y', true);
    const merged = splitRows(abc(), recipe({ split, steps: [mergeCIntoB] }), 'y', true);
    if (!raw.ok || !merged.ok) throw new Error('the split failed');
    expect([bOrC(raw.parts, 0), bOrC(raw.parts, 1)]).toEqual([4, 6]);
    expect([bOrC(merged.parts, 0), bOrC(merged.parts, 1)]).toEqual([5, 5]);
    // The same parts as a stratified split of the edited labels, and the codes cross-validation's folds stratify by are those.
    const edited = Int32Array.from({ length: 15 }, (_, i) => (i < 5 ? 0 : 1));
    expect(Array.from(merged.parts)).toEqual(Array.from(assignParts(split, { rowCount: 15, classes: edited })));
    expect(Array.from(merged.inputs.classes!)).toEqual(Array.from(edited));
    expect(Array.from(assignFolds(5, merged.inputs, 1, 'stratified', merged.parts))).toEqual(Array.from(assignFolds(5, { rowCount: 15, classes: edited }, 1, 'stratified', merged.parts)));
  });

  test('the split panel lists the classes as edited, the old class gone; training gets the same parts', () => {
    const r = recipe({ split, steps: [mergeCIntoB] });
    const report = prepareReport(abc(), request(r), quiet);
    expect(report.split).toEqual({
      ok: true,
      notes: [],
      parts: [
        { part: 'train', rows: 7, classes: [{ label: 'a', count: 2 }, { label: 'b', count: 5 }] },
        { part: 'validation', rows: 8, classes: [{ label: 'a', count: 3 }, { label: 'b', count: 5 }] },
        { part: 'test', rows: 0, classes: [{ label: 'a', count: 0 }, { label: 'b', count: 0 }] },
      ],
    });
    const prepared = prepareFrames(abc(), { recipe: r, target: 'y', task: 'classification' }, quiet);
    if (!prepared.ok) throw new Error(prepared.problem);
    const parts = splitRows(abc(), r, 'y', true);
    if (!parts.ok) throw new Error(parts.problem);
    expect(Array.from(prepared.frames.train.rowIds)).toEqual(Array.from(parts.parts).flatMap((p, i) => (p === 0 ? [i] : [])));
  });

  test('relabelling one held-out row moves only that row and a few at the cuts, so runs before and after are scored on nearly the same rows', () => {
    const n = 600;
    const labels = Array.from({ length: n }, (_, i) => 'abc'[(i * 7) % 3]!);
    const data = () => table(col('x', 'numeric', labels.map((_, i) => String(i))), col('y', 'categorical', labels));
    const r = recipe({ split: { ...recipe().split, strategy: 'stratified' } });
    const before = splitRows(data(), r, 'y', true);
    if (!before.ok) throw new Error(before.problem);
    const row = before.parts.indexOf(2);
    const relabel = { id: 'edits', kind: 'edit-cells', enabled: true, params: { edits: [{ row, column: 'y', value: labels[row] === 'a' ? 'b' : 'a' }], bulk: [] } };
    const after = splitRows(data(), { ...r, steps: [relabel] }, 'y', true);
    if (!after.ok) throw new Error(after.problem);
    const moved = Array.from(after.parts).filter((p, i) => i !== row && p !== before.parts[i]!).length;
    expect(moved).toBeLessThanOrEqual(6);
    // A recipe stored before rows were keyed deals by a shuffle: the same edit re-deals most of two classes.
    const stored = { ...r.split, dealing: 'shuffled' as const };
    const shuffledBefore = splitRows(data(), { ...r, split: stored }, 'y', true);
    const shuffledAfter = splitRows(data(), { ...r, split: stored, steps: [relabel] }, 'y', true);
    if (!shuffledBefore.ok || !shuffledAfter.ok) throw new Error('the split failed');
    expect(Array.from(shuffledAfter.parts).filter((p, i) => p !== shuffledBefore.parts[i]!).length).toBeGreaterThan(50);
  });

  test('a relabel of a test row alone passes the check Prepare makes before adding it; the same check over the holdout split would refuse it', () => {
    const r = recipe({ split: { ...recipe().split, strategy: 'random', fractions: [0.6, 0.2, 0.2] } });
    const split = splitRows(abc(), r, 'y', true);
    if (!split.ok) throw new Error(split.problem);
    const where = { column: 'x', op: '==' as const, value: String(split.parts.indexOf(2)) };
    const probe = relabelProbe(r, { where, column: 'y', value: 'c' });
    const probed = prepareReport(abc(), request(probe.recipe), quiet).steps.find((s) => s.id === probe.stepId)!;
    expect(probed.state).not.toBe('problem');
    // What Prepare says once it adds the relabel: how many of the dataset's rows it sets.
    expect(probed.note).toBe(`1 row matches x == ${where.value}: y is now "c" there.`);
    const many = relabelProbe(r, { where: { column: 'y', op: '!=', value: 'a' }, column: 'y', value: 'b' });
    expect(prepareReport(abc(), request(many.recipe), quiet).steps.find((s) => s.id === many.stepId)!.note).toBe('10 rows match y != a: y is now "b" there.');
    const overHoldout = prepareReport(abc(), request({ ...probe.recipe, split: r.split }), quiet);
    expect(overHoldout.steps.find((s) => s.id === probe.stepId)).toMatchObject({ state: 'problem', problem: unmatchedRelabel(where) });
    // One that matches no row at all is refused by the probe.
    const none = relabelProbe(r, { where: { ...where, value: '99' }, column: 'y', value: 'c' });
    expect(prepareReport(abc(), request(none.recipe), quiet).steps.find((s) => s.id === none.stepId)).toMatchObject({ state: 'problem' });
  });

  test('an edit step that cannot apply leaves the split to the imported labels, and the step names the problem', () => {
    const bad = { ...mergeCIntoB, params: { edits: [{ where: { column: 'y', op: '<', value: 'c' }, column: 'y', value: 'b' }], bulk: [] } };
    const report = prepareReport(abc(), request(recipe({ split, steps: [bad] })), quiet);
    expect(report.split.ok && report.split.parts[0]!.classes!.map((c) => c.label)).toEqual(['a', 'b', 'c']);
    expect(report.steps[0]).toMatchObject({ state: 'problem', problem: expect.stringMatching(/holds labels: use == or !=, not </) });
  });

  test('an edit step that is off, or not first, leaves the split to the imported labels', () => {
    const off = splitRows(abc(), recipe({ split, steps: [{ ...mergeCIntoB, enabled: false }] }), 'y', true);
    const second = splitRows(abc(), recipe({ split, steps: [{ id: 'd', kind: 'drop-columns', enabled: true, params: { columns: ['x'] } }, mergeCIntoB] }), 'y', true);
    for (const s of [off, second]) expect(s.ok && s.report[0]!.classes!.map((c) => c.label)).toEqual(['a', 'b', 'c']);
  });
});

describe('the split says what it could not do as asked', () => {
  test('an ordered split takes rows with no date as the earliest, in training, and says so', () => {
    // 20 rows; every 5th has no date; the others run through three days.
    const dates = Array.from({ length: 20 }, (_, i) => (i % 5 === 0 ? '' : `2024-01-${10 + (i % 3)}`));
    const data = table(col('d', 'datetime', dates), col('y', 'categorical', Array.from({ length: 20 }, (_, i) => (i % 2 ? 'a' : 'b'))));
    const r = recipe({ split: { ...recipe().split, strategy: 'ordered', orderColumn: 'd' } });
    const split = splitRows(data, r, 'y', true);
    if (!split.ok) throw new Error(split.problem);
    for (let i = 0; i < 20; i += 5) expect(split.parts[i]).toBe(0);
    expect(split.notes).toEqual(['4 rows have no value in "d": the split cannot place them in time, so they are taken as the earliest, in training, and never scored as the latest.']);
    expect(prepareReport(data, request(r), quiet).split).toMatchObject({ ok: true, notes: split.notes });
  });

  test('a grouped split says how many rows have no group value, each kept as a group of its own', () => {
    const groups = Array.from({ length: 40 }, (_, i) => (i % 10 === 0 ? '' : `g${i % 8}`));
    const data = table(col('g', 'categorical', groups), col('y', 'categorical', groups.map((_, i) => (i % 2 ? 'p' : 'q'))));
    const r = recipe({ split: { ...recipe().split, strategy: 'grouped', groupColumn: 'g' } });
    const split = splitRows(data, r, 'y', true);
    if (!split.ok) throw new Error(split.problem);
    expect(split.notes).toContain('4 rows have no value in "g": each is kept as a group of its own, so a row whose group is unknown may fall in another part than the rest of its group. If you know the groups, give them a value: relabel "g" where "g" is missing.');
    const one = table(col('g', 'categorical', groups.map((g, i) => (i === 0 ? '' : g || 'g1'))), col('y', 'categorical', groups.map((_, i) => (i % 2 ? 'p' : 'q'))));
    const oneSplit = splitRows(one, r, 'y', true);
    expect(oneSplit.ok && oneSplit.notes.filter((n) => n.includes('no value in "g"'))).toEqual(['1 row has no value in "g": it is kept as a group of its own, so a row whose group is unknown may fall in another part than the rest of its group. If you know the groups, give them a value: relabel "g" where "g" is missing.']);
    // Every row with a group: no such note.
    const full = table(col('g', 'categorical', groups.map((g) => g || 'g1')), col('y', 'categorical', groups.map((_, i) => (i % 2 ? 'p' : 'q'))));
    const fullSplit = splitRows(full, r, 'y', true);
    expect(fullSplit.ok && fullSplit.notes.some((n) => n.includes('no value in'))).toBe(false);
  });

  test('a grouped split whose groups cannot meet the shares says how far off they are', () => {
    const groups = ['a', 'a', 'a', 'a', 'a', 'a', 'a', 'a', 'b', 'c'];
    const data = table(col('g', 'categorical', groups), col('y', 'categorical', groups.map((_, i) => (i % 2 ? 'p' : 'q'))));
    const r = recipe({ split: { ...recipe().split, strategy: 'grouped', groupColumn: 'g', seed: 3 } });
    const split = splitRows(data, r, 'y', true);
    if (!split.ok) throw new Error(split.problem);
    const shares = split.report.map((p) => `${Math.round((100 * p.rows) / 10)}%`);
    expect(split.notes[0]).toBe(
      `Kept whole, the groups give training ${shares[0]} of the rows, validation ${shares[1]} and test ${shares[2]}, for the 70/15/15 asked: a group larger than a part’s share goes wherever the shuffle puts it. Try another seed, or a column with more, smaller groups.`,
    );
    // The one training row is of class p: q is never learned, and the panel says so too.
    expect(split.report[0]!.classes).toEqual([{ label: 'q', count: 0 }, { label: 'p', count: 1 }]);
    expect(split.notes[1]).toMatch(/^Class "q" \(\d+ validation rows?(, \d+ test rows?)?\) has no training rows: a model cannot learn it, and Train and Evaluate leave those rows out of the figures\./);
    // Groups small enough to meet the shares: no note.
    const many = Array.from({ length: 100 }, (_, i) => `g${i % 50}`);
    const even = table(col('g', 'categorical', many), col('y', 'categorical', many.map((_, i) => (i % 2 ? 'p' : 'q'))));
    expect(splitRows(even, r, 'y', true)).toMatchObject({ ok: true, notes: [] });
  });
});
