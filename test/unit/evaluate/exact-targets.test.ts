/**
 * The figures are computed against the dataset's own target values (float64), not the float32
 * copies the model trains on: float32 keeps about 7 significant digits, so 100000001 becomes
 * 100000000 and 123456789 becomes 123456792, and an RMSE against those is not the model's.
 */
import { describe, expect, test } from 'vitest';
import { foldScores } from '../../../src/evaluate/cross-validate';
import { foldPredictionsOf, heldOutMatrices } from '../../../src/evaluate/fold-rows';
import { errorRows, largestErrors } from '../../../src/evaluate/rows-to-check';
import { regressionReport } from '../../../src/evaluate/holdout';
import { layoutOf, toMatrices } from '../../../src/train/training-data';
import { foldBaseline } from '../../../src/workers/in-worker/run-matrices';
import { evaluationRow } from '../../helpers/rows';
import { col, frameOf } from '../prepare/tables';

const targets = [100000001, 100000003, 100000005, 100000007];
const frame = () => frameOf(col('x', 'numeric', ['1', '2', '3', '4']), col('y', 'numeric', targets.map(String)));
/** Every row predicted 100000000 (a float32, as a model's predictions are). */
const predicted = Float32Array.of(1e8, 1e8, 1e8, 1e8);
// RMSE as defined, from the dataset's values: √((1² + 3² + 5² + 7²) / 4) = √21. From the float32
// copies (100000000, 100000000, 100000008, 100000008) it would be √32.
const RMSE = Math.sqrt(21);

function layout() {
  const l = layoutOf(frame(), 'y', 'regression');
  if (!l.ok) throw new Error(l.problem);
  return l.layout;
}

describe('targets as the dataset holds them', () => {
  test('the matrices carry the exact targets beside the float32 ones the model trains on', () => {
    const m = toMatrices(frame(), layout(), 'y').matrices;
    expect(Array.from(m.yTrue)).toEqual(targets);
    expect(Array.from(m.y)).toEqual([1e8, 1e8, 100000008, 100000008]);
  });

  test('a cross-validation fold scores against them', () => {
    const held = heldOutMatrices(frame(), layout(), 'y');
    const scores = foldScores(foldPredictionsOf(held, predicted));
    expect(scores.rmse).toBeCloseTo(RMSE, 9);
    expect(scores.mae).toBe(4);
    // R² = 1 − 84 / 20 with the exact targets (mean 100000004, squares 9 + 1 + 1 + 9)
    expect(scores.r2).toBeCloseTo(1 - 84 / 20, 9);
  });

  test('a baseline fold keeps them too', () => {
    const m = toMatrices(frame(), layout(), 'y').matrices;
    expect(Array.from(foldBaseline({ layout: layout(), real: m, validation: m }).yTrue)).toEqual(targets);
  });

  test('a hold-out evaluation stored with them reports the figures as defined; one stored in float32 still reads', () => {
    const exact = evaluationRow({ id: 'e', runId: 'r', rows: Uint32Array.of(0, 1, 2, 3), yTrue: Float64Array.from(targets), predictions: predicted, baseline: predicted });
    const rmse = regressionReport(exact).metrics.find((m) => m.key === 'rmse')!;
    expect(rmse.value).toBeCloseTo(RMSE, 9);
    const old = evaluationRow({ id: 'o', runId: 'r', rows: Uint32Array.of(0, 1, 2, 3), yTrue: Float32Array.from(targets), predictions: predicted, baseline: predicted });
    expect(regressionReport(old).metrics.find((m) => m.key === 'rmse')!.value).toBeCloseTo(Math.sqrt(32), 9);
  });

  test('the largest errors of such an evaluation show each row’s own value and error', () => {
    const e = evaluationRow({ id: 'e', runId: 'r', rows: Uint32Array.of(0, 1, 2, 3), yTrue: Float64Array.from(targets), predictions: predicted, baseline: predicted });
    const rows = errorRows(e, largestErrors(e), (row) => targets[row]);
    expect(rows.map((r) => [r.row, r.truth, r.scoreText])).toEqual([
      [3, '100000007', '7'],
      [2, '100000005', '5'],
      [1, '100000003', '3'],
      [0, '100000001', '1'],
    ]);
    // Without the dataset's value (a recipe changed it), the stored exact one is shown.
    expect(errorRows(e, [2], () => undefined)[0]!.truth).toBe('100000005');
  });
});
