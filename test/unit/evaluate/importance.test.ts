import { describe, expect, test } from 'vitest';
import { permutationImportance } from '../../../src/evaluate/importance';

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
    // A "model" that predicts from feature 0 only, scored by accuracy.
    const score = async (m: Float32Array) => y.filter((t, i) => (m[i * 2]! > 0 ? 1 : 0) === t).length / rows;
    const result = await permutationImportance(x, rows, ['signal', 'noise'], score, 5, 1);
    expect(result.baseline).toBe(1);
    expect(result.importances[0]).toMatchObject({ feature: 'signal' });
    expect(result.importances[0]!.mean).toBeGreaterThan(0.3);
    expect(result.importances[1]).toEqual({ feature: 'noise', mean: 0, std: 0 });
    expect(await permutationImportance(x, rows, ['signal', 'noise'], score, 5, 1)).toEqual(result);
    // The input is left as it was.
    expect(x[0]).toBe(Math.fround(Math.sin(0)));
  });
});
