/**
 * Which held-out rows cross-validation scores: rows without a target are left out before the folds
 * are formed (never an empty fold that spoils the mean), and a row of a class its fold's training
 * rows never had counts as a wrong prediction (never silently dropped).
 */
import { describe, expect, test } from 'vitest';
import { crossValidate, type FitAndPredict } from '../../../src/evaluate/cross-validate';
import { flaggedFoldsNote, foldPredictionsOf, heldOutMatrices, leaveOutNoTarget, noTargetNote } from '../../../src/evaluate/fold-rows';
import { datasetFrame } from '../../../src/prepare/frame';
import { defaultRecipe } from '../../../src/prepare/recipe';
import { assignFolds } from '../../../src/prepare/folds';
import { foldBaseline, runMatrices } from '../../../src/workers/in-worker/run-matrices';
import { col, table } from '../prepare/tables';

type Task = 'classification' | 'regression';

/** The baseline fold as the worker runs it: fitted on the fold's real training rows, scoring its held-out rows. */
const baseline =
  (target: string, task: Task): FitAndPredict =>
  async (train, held, _fold, real) => {
    const m = runMatrices({ train, real }, held, null, target, task);
    if (!m.ok) throw new Error(m.problem);
    const rows = heldOutMatrices(held, m.data.layout, target);
    return foldPredictionsOf(rows, foldBaseline({ ...m.data, validation: rows.matrices }).predictions);
  };

describe('rows without a target', () => {
  /** n rows, 10 random folds with seed 1, the third fold's held-out rows all without a target, and one more row without. */
  function dataset(n: number) {
    const rawFolds = assignFolds(10, { rowCount: n }, 1, 'random');
    const emptyFold = [...rawFolds.keys()].filter((i) => rawFolds[i] === 2);
    const missing = new Set([...emptyFold, rawFolds.indexOf(5)]);
    const cells = (present: (i: number) => string) => Array.from({ length: n }, (_, i) => (missing.has(i) ? '' : present(i)));
    const x = col('x', 'numeric', Array.from({ length: n }, (_, i) => String(i)));
    const tables = {
      regression: table(x, col('y', 'numeric', cells((i) => String(2 * i + (i % 3))))),
      classification: table(x, col('y', 'categorical', cells((i) => (i % 3 === 0 ? 'b' : 'a')))),
    };
    const inputs = (task: Task, parts: Uint8Array, folds: Uint8Array) => ({ frame: datasetFrame(tables[task]), parts, folds, k: 10, recipe: defaultRecipe(1, task === 'classification'), target: 'y', task });
    return { rawFolds, emptyFold, missing, tables, inputs, everyRow: new Uint8Array(n) };
  }

  test.each(['regression', 'classification'] as const)('%s: a fold left with no row to score is refused, naming the fold and its rows without a target', async (task) => {
    // The auditor's case: 20 rows, and the third of 10 folds holds two rows, both without a target.
    const { rawFolds, emptyFold, everyRow, inputs } = dataset(20);
    expect(emptyFold).toHaveLength(2);
    // Before: RMSE NaN and every mean "n/a"; for classes an accuracy of 0 that dragged the mean down.
    await expect(crossValidate(inputs(task, everyRow, rawFolds), baseline('y', task))).rejects.toThrow(
      /^Fold 3 has no held-out row to score: its 2 held-out rows have no target value\. Choose fewer folds, or fill in their target in Prepare\.$/,
    );
  });

  test.each(['regression', 'classification'] as const)('%s: left out before the folds are formed, so every fold is scored and the folds stay balanced', async (task) => {
    // 24 rows, 4 without a target (the third fold's three and one more): 20 left, two per fold, so R² is defined in each.
    const { emptyFold, missing, tables, everyRow, inputs } = dataset(24);
    expect(emptyFold).toHaveLength(3);
    const left = leaveOutNoTarget(tables[task], 'y', everyRow);
    expect(left.noTarget).toBe(4);
    expect([...missing].every((i) => left.parts[i] === 2)).toBe(true);
    const folds = assignFolds(10, { rowCount: 24 }, 1, 'random', left.parts);
    const result = await crossValidate(inputs(task, left.parts, folds), baseline('y', task));
    expect(result.folds.map((f) => f.heldOutRows)).toEqual(new Array(10).fill(2));
    for (const [key, mean] of Object.entries(result.mean)) {
      expect(Number.isFinite(mean), key).toBe(true);
      expect(mean).toBeCloseTo(result.folds.reduce((s, f) => s + f.scores[key]!, 0) / 10, 12);
    }
    // No scored row is one without a target.
    expect(result.outOfFold.flatMap((p) => Array.from(p.rows)).some((r) => missing.has(r))).toBe(false);
  });

  test('the page says how many rows were left out', () => {
    expect(noTargetNote(4)).toBe('4 training and validation rows have no target value: they were left out before the folds were formed, so every fold is scored on rows that have one.');
    expect(noTargetNote(1)).toBe('1 training and validation row has no target value: it was left out before the folds were formed, so every fold is scored on rows that have one.');
    expect(noTargetNote(0)).toBeNull();
    // Test rows are never folded, so a test row without a target is not counted.
    const t = table(col('y', 'categorical', ['', 'a', '', 'b']));
    expect(leaveOutNoTarget(t, 'y', Uint8Array.of(0, 0, 2, 1))).toEqual({ parts: Uint8Array.of(2, 0, 2, 1), noTarget: 1 });
  });
});

describe('a held-out row of a class its fold never trained on', () => {
  // a at x = 0 … 5, b at x = 10 … 15, and a single c at x = 20 (row 12), held out in the second fold.
  const labels = [...'aaaaaabbbbbb', 'c'];
  const xs = [0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15, 20];
  const frame = datasetFrame(table(col('x', 'numeric', xs.map(String)), col('y', 'categorical', labels)));
  const folds = Uint8Array.of(0, 0, 1, 1, 2, 2, 0, 0, 1, 1, 2, 2, 1);
  /** b when x > 7: right for every a and b row; a c row can only be wrong. */
  const threshold: FitAndPredict = async (train, held, _fold, real) => {
    const m = runMatrices({ train, real }, held, null, 'y', 'classification');
    if (!m.ok) throw new Error(m.problem);
    const rows = heldOutMatrices(held, m.data.layout, 'y');
    const k = m.data.layout.classes!.length;
    const p = new Float32Array(rows.matrices.rows * k);
    for (let r = 0; r < rows.matrices.rows; r++) p[r * k + (rows.matrices.x[r]! > 7 ? 1 : 0)] = 1;
    return foldPredictionsOf(rows, p);
  };
  const run = () => crossValidate({ frame, parts: new Uint8Array(13), folds, k: 3, recipe: defaultRecipe(1, true), target: 'y', task: 'classification' }, threshold);

  test('counts as a wrong prediction, as scikit-learn scores it', async () => {
    const result = await run();
    // Before: 4 held-out rows and a perfect score; the c row was dropped without a word.
    expect(result.folds.map((f) => f.heldOutRows)).toEqual([4, 5, 4]);
    const second = result.folds[1]!.scores;
    // accuracy_score, balanced_accuracy_score and f1_score(average='macro') of a a b b c against a a b b b.
    expect(second.accuracy).toBeCloseTo(0.8, 12);
    expect(second['balanced-accuracy']).toBeCloseTo(2 / 3, 12);
    expect(second['f1-macro']).toBeCloseTo((1 + 0.8 + 0) / 3, 12);
    // The model gave c probability 0: log loss at its clip, -log(eps), over the fold's 5 rows.
    expect(second['log-loss']).toBeCloseTo(-Math.log(Number.EPSILON / (1 + Number.EPSILON)) / 5, 9);
    expect(result.mean.accuracy).toBeCloseTo((1 + 0.8 + 1) / 3, 12);
    // The out-of-fold predictions hold the row too, under its own class.
    const oof = result.outOfFold[1]!;
    expect(oof.classes).toEqual(['a', 'b', 'c']);
    expect(Array.from(oof.rows)).toContain(12);
    expect(Object.keys(oof).sort()).toEqual(['classes', 'predictions', 'rows', 'yTrue']);
    expect(result.outOfFold.flatMap((p) => Array.from(p.rows)).sort((a, b) => a - b)).toEqual(xs.map((_, i) => i));
  });

  test('the page says so for that fold, in plain words', async () => {
    const result = await run();
    expect(result.notes).toEqual([
      'Fold 2: 1 held-out row has a class ("c") that the fold’s training rows never had. A model cannot predict a class it never saw, so the row counts as a wrong prediction (probability 0 for its class in the log loss).',
    ]);
  });
});

describe('held-out rows the recipe flagged', () => {
  test('are scored, and counted over the folds: an outlier rule removes training rows only', async () => {
    // x is 0…9 but for three rows of 1000: outliers by the IQR rule in every fold's training rows.
    const n = 40;
    const extreme = new Set([3, 17, 31]);
    const x = col('x', 'numeric', Array.from({ length: n }, (_, i) => (extreme.has(i) ? '1000' : String(i % 10))));
    const y = col('y', 'numeric', Array.from({ length: n }, (_, i) => String(i)));
    const recipe = { ...defaultRecipe(1, false), steps: [{ id: 'o', kind: 'outliers', enabled: true, params: { columns: ['x'], rule: 'iqr', factor: 0, action: 'remove' } }] };
    const folds = assignFolds(5, { rowCount: n }, 1, 'random');
    let flagged = 0;
    let scored = 0;
    const counting: FitAndPredict = async (train, held, fold, real) => {
      const m = runMatrices({ train, real }, held, null, 'y', 'regression');
      if (!m.ok) throw new Error(m.problem);
      const rows = heldOutMatrices(held, m.data.layout, 'y');
      flagged += rows.flagged;
      scored += rows.matrices.rows;
      return foldPredictionsOf(rows, foldBaseline({ ...m.data, validation: rows.matrices }).predictions);
    };
    await crossValidate({ frame: datasetFrame(table(x, y)), parts: new Uint8Array(n), folds, k: 5, recipe, target: 'y', task: 'regression' }, counting);
    expect(scored).toBe(n);
    expect(flagged).toBe(3);
    expect(flaggedFoldsNote(flagged)).toMatch(/^3 held-out rows were flagged by the recipe over the folds: .* They are scored as the recipe left them\.$/);
    expect(flaggedFoldsNote(1)).toMatch(/^1 held-out row was flagged .* It is scored as the recipe left it\.$/);
    expect(flaggedFoldsNote(0)).toBeNull();
  });
});
