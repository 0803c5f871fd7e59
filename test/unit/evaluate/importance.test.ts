import { describe, expect, test } from 'vitest';
import { importanceReading, permutationImportance, shownImportances, withPermutedColumn, type PermutedScorer } from '../../../src/evaluate/importance';
import { applyPipeline, fitPipeline } from '../../../src/prepare/pipeline';
import { cells, col, frameOf } from '../prepare/tables';

describe('permutation importance', () => {
  test('the feature the score depends on matters; a feature it ignores does not; seeded', async () => {
    const rows = 200;
    const x = new Float32Array(rows * 2);
    const y: number[] = [];
    for (let i = 0; i < rows; i++) {
      x[i * 2] = Math.sin(i * 7.1);
      x[i * 2 + 1] = Math.cos(i * 3.3);
      y.push(x[i * 2]! > 0 ? 1 : 0);
    }
    // A "model" that predicts from feature 0 only, scored by accuracy, on the matrix with column j shuffled.
    const score: PermutedScorer = async (j, order) => {
      const value = (i: number, f: number) => x[(f === j ? order![i]! : i) * 2 + f]!;
      const right = y.filter((t, i) => (value(i, 0) > 0 ? 1 : 0) === t).length / rows;
      return { score: right, loss: 1 - right };
    };
    const result = await permutationImportance(rows, ['signal', 'noise'], score, 5, 1);
    expect(result.baseline).toBe(1);
    expect(result.importances[0]).toMatchObject({ feature: 'signal' });
    expect(result.importances[0]!.mean).toBeGreaterThan(0.3);
    expect(result.importances[1]).toEqual({ feature: 'noise', mean: 0, std: 0, lossRise: 0 });
    expect(await permutationImportance(rows, ['signal', 'noise'], score, 5, 1)).toEqual(result);
    expect(await permutationImportance(rows, ['signal', 'noise'], score, 5, 2)).not.toEqual(result);
  });

  test('features that drop the score as much are ranked by how much the loss rose, not left in column order', async () => {
    const rows = 40;
    // Shuffling any feature costs one right answer, so the scores tie; the loss rises most for "strong", then "middling".
    const rise = [0, 0.05, 0.2, 0];
    const score: PermutedScorer = async (j) => (j === null ? { score: 1, loss: 0.1 } : { score: 1 - 1 / rows, loss: 0.1 + rise[j]! });
    const result = await permutationImportance(rows, ['first', 'middling', 'strong', 'last'], score, 3, 1);
    expect(result.importances.map((i) => i.feature)).toEqual(['strong', 'middling', 'first', 'last']);
    expect(new Set(result.importances.map((i) => i.mean))).toEqual(new Set([result.importances[0]!.mean]));
    expect(result.importances[0]!.mean).toBeCloseTo(1 / rows, 12);
    expect(result.importances[0]!.lossRise).toBeCloseTo(0.2, 12);
    expect(result.importances[3]!.lossRise).toBe(0);
  });

  test('a column is shuffled as imported, values and gaps together, the frame left as it was', () => {
    const frame = frameOf(col('c', 'categorical', ['a', '', 'b', 'c']), col('x', 'numeric', ['1', '2', '3', '4']));
    const shuffled = withPermutedColumn(frame, 'c', Int32Array.of(2, 0, 3, 1));
    expect(cells(shuffled, 'c')).toEqual(['b', 'a', 'c', '']);
    expect(cells(shuffled, 'x')).toEqual(['1', '2', '3', '4']);
    expect(cells(frame, 'c')).toEqual(['a', '', 'b', 'c']);
  });

  test('through a one-hot pipeline, the encoded column counts once, as scikit-learn on a Pipeline; a dropped column is not shown', async () => {
    const n = 120;
    const labels = ['red', 'green', 'blue'];
    const raw = frameOf(
      col('colour', 'categorical', Array.from({ length: n }, (_, i) => labels[(i * 7) % 3]!)),
      col('noise', 'numeric', Array.from({ length: n }, (_, i) => String(Math.sin(i)))),
      col('gone', 'numeric', Array.from({ length: n }, (_, i) => String(i))),
    );
    const fit = fitPipeline(
      [
        { id: 'o', kind: 'one-hot', enabled: true, params: { column: 'colour', maxCategories: 20 } },
        { id: 'd', kind: 'drop-columns', enabled: true, params: { columns: ['gone'] } },
      ],
      raw,
    );
    if (!fit.ok) throw new Error(fit.problem);
    const truth = cells(raw, 'colour').map((c) => +(c === 'red'));
    // A "model" reading the red dummy only.
    const score: PermutedScorer = async (j, order) => {
      const frame = j === null ? raw : withPermutedColumn(raw, ['colour', 'noise', 'gone'][j]!, order!);
      const red = cells(applyPipeline(fit.fitted, frame), 'colour=red').map((v) => +(v === 'true'));
      const right = red.filter((r, i) => r === truth[i]).length / n;
      return { score: right, loss: 1 - right };
    };
    const result = await permutationImportance(n, ['colour', 'noise', 'gone'], score, 3, 1);
    expect(result.importances.map((i) => i.feature)).toEqual(['colour', 'noise', 'gone']);
    expect(result.importances[0]!.mean).toBeGreaterThan(0.2);
    const modelFeatures = names(applyPipeline(fit.fitted, raw));
    expect(modelFeatures.sort()).toEqual(['colour=blue', 'colour=green', 'colour=red', 'noise']);
    expect(shownImportances(result.importances, modelFeatures).map((i) => i.feature)).toEqual(['colour', 'noise']);
  });
});

const names = (frame: ReturnType<typeof frameOf>) => frame.table.columns.map((c) => c.name);

describe('importanceReading', () => {
  const drop = (feature: string, mean: number) => ({ feature, mean, std: 0.01, lossRise: mean });
  test('gives accuracy’s step of one row, and names the columns that scored better shuffled', () => {
    expect(importanceReading({ metric: 'accuracy', part: 'validation', rows: 27, importances: [drop('proline', 0.15), drop('hue', -0.007), drop('magnesium', -0.03)] })).toBe(
      'On 27 validation rows one row is 0.037 of accuracy: a smaller drop can be a single row’s luck. “hue” and “magnesium” scored better shuffled, which only chance does: the model does not rely on them.',
    );
  });
  test('R² has no step of one row; with no gain by chance there is nothing to say', () => {
    expect(importanceReading({ metric: 'R²', part: 'test', rows: 60, importances: [drop('bmi', 0.2), drop('age', -0.01)] })).toBe('“age” scored better shuffled, which only chance does: the model does not rely on it.');
    expect(importanceReading({ metric: 'R²', part: 'test', rows: 60, importances: [drop('bmi', 0.2), drop('age', 0)] })).toBeNull();
  });
});
