import { describe, expect, test } from 'vitest';
import { compareRuns } from '../../../src/evaluate/compare';
import type { CvEvaluation } from '../../../src/storage/rows';
import { evaluationRow, runRow } from '../../helpers/rows';

/** Validation predictions of a binary run: right on `right` of 4 rows. */
const holdout = (runId: string, right: number) =>
  evaluationRow({
    id: `e-${runId}`,
    runId,
    yTrue: Float32Array.of(0, 1, 0, 1),
    predictions: Float32Array.from([0, 1, 2, 3].flatMap((i) => (i < right ? (i % 2 ? [0.1, 0.9] : [0.9, 0.1]) : i % 2 ? [0.9, 0.1] : [0.1, 0.9]))),
    baseline: new Float32Array(8).fill(0.5),
    classes: ['a', 'b'],
  });

describe('run comparison', () => {
  test('the best by the first criterion is marked; cross-validation mean ± std beside', () => {
    const runs = [runRow({ id: 'r1', projectId: 'p', name: 'one' }), runRow({ id: 'r2', projectId: 'p', name: 'two' }), runRow({ id: 'r3', projectId: 'p', name: 'three' })];
    const cv = { id: 'c', runId: 'r2', kind: 'cv', mean: { accuracy: 0.8 }, std: { accuracy: 0.05 } } as unknown as CvEvaluation;
    const result = compareRuns(runs, [holdout('r1', 2), holdout('r2', 4), cv], 'accuracy')!;
    expect(result.label).toBe('Accuracy');
    expect(result.lines).toEqual([
      { runId: 'r1', name: 'one', value: 0.5, cvMean: null, cvStd: null, best: false },
      { runId: 'r2', name: 'two', value: 1, cvMean: 0.8, cvStd: 0.05, best: true },
      { runId: 'r3', name: 'three', value: null, cvMean: null, cvStd: null, best: false },
    ]);
  });

  test('lower is better for a loss; without criteria, accuracy is used and the reason says so', () => {
    const runs = [runRow({ id: 'r1', projectId: 'p' }), runRow({ id: 'r2', projectId: 'p' })];
    expect(compareRuns(runs, [holdout('r1', 4), holdout('r2', 1)], 'log-loss')!.lines.find((l) => l.best)!.runId).toBe('r1');
    expect(compareRuns(runs, [], null)).toMatchObject({ metric: 'accuracy', because: 'the plan has no success criterion yet' });
  });

  test('ROC AUC of a validation part without one class: n/a, with the metrics table’s reason', () => {
    const runs = [runRow({ id: 'r1', projectId: 'p', name: 'one' }), runRow({ id: 'r2', projectId: 'p', name: 'two' })];
    const oneClass = evaluationRow({ id: 'e-r1', runId: 'r1', yTrue: Float32Array.of(0, 0), predictions: Float32Array.of(0.9, 0.1, 0.4, 0.6), baseline: new Float32Array(4).fill(0.5), classes: ['a', 'b'] });
    const [one, two] = compareRuns(runs, [oneClass, holdout('r2', 4)], 'roc-auc')!.lines;
    expect(one).toMatchObject({ value: Number.NaN, best: false, note: 'ROC AUC needs rows of both classes among the scored rows: 2 of “a”, 0 of “b”.' });
    expect(two).toMatchObject({ value: 1, best: true });
    expect(two!.note).toBeUndefined();
    // Only a metric that is n/a for that reason gets the note.
    expect(compareRuns(runs, [oneClass], 'accuracy')!.lines[0]!.note).toBeUndefined();
  });
});

describe('runs scored on other rows or labels', () => {
  const scoredOn = (runId: string, rows: number[], labels: number[], classes = ['a', 'b']) =>
    evaluationRow({ id: `e-${runId}`, runId, rows: Uint32Array.from(rows), yTrue: Float64Array.from(labels), predictions: new Float32Array(rows.length * 2).fill(0.5), baseline: new Float32Array(rows.length * 2).fill(0.5), classes });

  test('a run scored on other validation rows, or against a relabelled row, is named beside its figure, and the comparison warns', () => {
    const runs = ['r1', 'r2', 'r3', 'r4'].map((id) => runRow({ id, projectId: 'p', name: id }));
    const result = compareRuns(
      runs,
      [
        scoredOn('r1', [3, 5, 8, 9], [0, 1, 0, 1]),
        scoredOn('r2', [3, 5, 8, 9], [0, 1, 0, 1]),
        // The split moved one row: 8 left validation, 11 came in.
        scoredOn('r3', [3, 5, 9, 11], [0, 1, 1, 0]),
        // The same rows, row 5 relabelled a; another class list, so index 0 is "b" here: compared by label.
        scoredOn('r4', [3, 5, 8, 9], [1, 1, 1, 0], ['b', 'a']),
      ],
      'accuracy',
    )!;
    expect(result.lines.map((l) => l.otherRows)).toEqual([undefined, undefined, 'Scored on 2 other validation rows than most runs.', 'Scored on 1 row labelled otherwise than most runs.']);
    expect(result.rowsNote).toMatch(/^Not every run was scored on the same validation rows and labels/);
    // Scored alike: no note.
    const alike = compareRuns(runs.slice(0, 2), [scoredOn('r1', [3, 5], [0, 1]), scoredOn('r2', [3, 5], [0, 1])], 'accuracy')!;
    expect(alike.rowsNote).toBeNull();
    expect(alike.lines.every((l) => l.otherRows === undefined)).toBe(true);
  });

  test('regression runs compare their true values as numbers written out', () => {
    const runs = ['r1', 'r2'].map((id) => runRow({ id, projectId: 'p', name: id }));
    const reg = (runId: string, y: number[]) => evaluationRow({ id: `e-${runId}`, runId, rows: Uint32Array.of(0, 1), yTrue: Float64Array.from(y), predictions: Float32Array.of(0, 0), baseline: Float32Array.of(0, 0), classes: null });
    expect(compareRuns(runs, [reg('r1', [1.5, 2]), reg('r2', [1.5, 2])], 'rmse')!.rowsNote).toBeNull();
    // A run stored by an earlier version kept its targets as float32: 1.1 there is the same target.
    const float32 = evaluationRow({ ...reg('r2', [1.1, 2]), yTrue: Float32Array.of(1.1, 2) });
    expect(compareRuns(runs, [reg('r1', [1.1, 2]), float32], 'rmse')!.rowsNote).toBeNull();
    // Two runs, each alike with itself only: the first is the reference.
    expect(compareRuns(runs, [reg('r1', [1.5, 2]), reg('r2', [1.5, 3])], 'rmse')!.lines.map((l) => l.otherRows)).toEqual([undefined, 'Scored on 1 row with another target value than most runs.']);
    expect(compareRuns(runs, [reg('r1', [1.5, 2]), evaluationRow({ ...reg('r2', [1.5, 3]), rows: Uint32Array.of(0, 7) })], 'rmse')!.lines[1]!.otherRows).toBe('Scored on 2 other validation rows than most runs.');
  });
});
