import { describe, expect, test } from 'vitest';
import { likelyLabelErrors, worstRows } from '../../../src/evaluate/rows-to-check';
import type { CvEvaluation } from '../../../src/storage/rows';
import { evaluationRow } from '../../helpers/rows';

describe('rows to check', () => {
  test('the most confident wrong predictions come first; right ones are left out', () => {
    const e = evaluationRow({
      id: 'e',
      runId: 'r',
      rows: Uint32Array.of(10, 11, 12, 13),
      yTrue: Float32Array.of(0, 1, 1, 0),
      predictions: Float32Array.of(0.9, 0.1, 0.6, 0.4, 0.2, 0.8, 0.05, 0.95),
      classes: ['cat', 'dog'],
    });
    expect(worstRows(e)).toEqual([
      { row: 13, truth: 'cat', predicted: 'dog', score: expect.closeTo(0.95, 6) },
      { row: 11, truth: 'dog', predicted: 'cat', score: expect.closeTo(0.6, 6) },
    ]);
  });

  test('regression: the largest absolute errors first', () => {
    const e = evaluationRow({ id: 'e', runId: 'r', rows: Uint32Array.of(1, 2, 3), yTrue: Float32Array.of(10, 20, 30), predictions: Float32Array.of(11, 25, 30) });
    expect(worstRows(e).map((r) => [r.row, r.score])).toEqual([[2, 5], [1, 1], [3, 0]]);
  });

  test('likely label errors: a low out-of-fold probability for the own label, with the preferred label suggested', () => {
    const cv = {
      outOfFold: [
        { rows: Uint32Array.of(0, 1), yTrue: Float32Array.of(0, 2), predictions: Float32Array.of(0.02, 0.08, 0.9, 0.1, 0.1, 0.8), classes: ['a', 'b', 'c'] },
        { rows: Uint32Array.of(5), yTrue: Float32Array.of(1), predictions: Float32Array.of(0.5, 0.05, 0.45), classes: ['a', 'b', 'c'] },
      ],
    } as unknown as CvEvaluation;
    expect(likelyLabelErrors(cv)).toEqual([
      { row: 0, truth: 'a', predicted: 'c', score: expect.closeTo(0.02, 6) },
      { row: 5, truth: 'b', predicted: 'a', score: expect.closeTo(0.05, 6) },
    ]);
  });
});
