import { describe, expect, test } from 'vitest';
import { errorRows, largestErrors, likelyLabelErrors, predictionText, worstRows } from '../../../src/evaluate/rows-to-check';
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

  test('rows a diverged model gave no probabilities come first, whatever their class, never read as a prediction of the first class', () => {
    const e = evaluationRow({
      id: 'e',
      runId: 'r',
      rows: Uint32Array.of(10, 11, 12, 13),
      yTrue: Float32Array.of(0, 1, 0, 1),
      predictions: Float32Array.of(Number.NaN, Number.NaN, 0.7, 0.3, 0.1, 0.9, Number.NaN, Number.NaN),
      classes: ['cat', 'dog'],
    });
    expect(worstRows(e)).toEqual([
      { row: 10, truth: 'cat', predicted: 'n/a', score: Number.NaN, scoreText: 'n/a' },
      { row: 13, truth: 'dog', predicted: 'n/a', score: Number.NaN, scoreText: 'n/a' },
      { row: 12, truth: 'cat', predicted: 'dog', score: expect.closeTo(0.9, 6) },
      { row: 11, truth: 'dog', predicted: 'cat', score: expect.closeTo(0.7, 6) },
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

describe('largest errors: the actual value as the dataset holds it', () => {
  /** A regression part of these dataset rows, targets and predictions, stored as training stores them (float32). */
  const part = (rows: number[], actual: number[], predicted: number[]) =>
    evaluationRow({ id: 'e', runId: 'r', rows: Uint32Array.from(rows), yTrue: Float32Array.from(actual), predictions: Float32Array.from(predicted) });

  test('the actual value from the float64 source, written as the data table writes it (not 6 significant digits, nor float32)', () => {
    const actual = [250123.5, 1234567, 123456789];
    const e = part([4, 8, 9], actual, [250000, 1234000, 123000000]);
    const source = new Map([[4, 250123.5], [8, 1234567], [9, 123456789]]);
    const rows = errorRows(e, largestErrors(e), (row) => source.get(row));
    expect(rows.map((r) => [r.row, r.truth])).toEqual([[9, '123456789'], [8, '1234567'], [4, '250123.5']]);
    // The error is against the true value: 123456789 − 123000000, where float32 made it 456792.
    expect(rows[0]!.score).toBe(456789);
    expect(rows[0]!.scoreText).toBe('456789');
  });

  test('without the source, the stored value is written exactly as stored, not rounded to 6 digits', () => {
    const e = part([0, 1], [250123.5, 1234567], [250000, 1234000]);
    expect(worstRows(e).map((r) => r.truth)).toEqual(['1234567', '250123.5']);
  });

  test('a value the recipe changed (the source no longer reads as the stored one) keeps the stored value', () => {
    const e = part([0], [42.5], [40]);
    expect(errorRows(e, [0], () => 99)[0]).toMatchObject({ truth: '42.5', score: 2.5, scoreText: '2.5' });
  });

  test('a prediction never reads as equal to its actual value, nor on its wrong side; a rounded figure says so with ≈', () => {
    const e = part([0, 1, 2], [1234567, 250123.5, 0.5], [1234567.2, 243871.27, 0.1]);
    const rows = errorRows(e, [0, 1, 2], () => undefined);
    // float32 holds 1234567.2 as 1234567.25: 1234567 or 1234570 would say the model hit it, or overshot by 3.
    expect(rows[2]).toMatchObject({ truth: '1234567', predicted: '1234567.3', scoreText: '0.25' });
    expect(rows[0]).toMatchObject({ truth: '250123.5', predicted: '≈ 243871', scoreText: '≈ 6252.23' });
    // 0.1 is what the model gave, as float32 holds it: nothing rounded, nothing to say.
    expect(rows[1]).toMatchObject({ truth: '0.5', predicted: '0.1' });
    expect(rows[1]!.scoreText).toBe('≈ 0.4');
  });

  test('a diverged run: rows predicted no number (NaN, ±Infinity) are the worst errors, first, by row, their error n/a', () => {
    // 30 rows, errors 0…29 but for three that the model gave no number: NaN − x made the sort's order arbitrary.
    const actual = Array.from({ length: 30 }, (_, i) => i * 10);
    const predicted = actual.map((a, i) => (i === 7 ? Number.NaN : i === 18 ? Number.POSITIVE_INFINITY : i === 25 ? Number.NaN : a + i));
    const e = part(actual.map((_, i) => 100 + i), actual, predicted);
    expect(largestErrors(e, 5)).toEqual([7, 18, 25, 29, 28]);
    const rows = errorRows(e, largestErrors(e, 5));
    expect(rows.map((r) => [r.row, r.predicted, r.scoreText])).toEqual([
      [107, 'n/a', 'n/a'],
      [118, 'n/a', 'n/a'],
      [125, 'n/a', 'n/a'],
      [129, '319', '29'],
      [128, '308', '28'],
    ]);
    // The same order whichever way the positions come in.
    expect(errorRows(e, [29, 25, 28, 18, 7]).map((r) => r.row)).toEqual([107, 118, 125, 129, 128]);
  });

  test('a prediction just under its actual value stays under it', () => {
    expect(predictionText(Math.fround(1234566.6), 1234567)).toBe('1234566.6');
    expect(predictionText(Math.fround(99.99996), 100)).toBe('99.99996');
    expect(predictionText(Number.NaN, 1)).toBe('n/a');
  });
});
