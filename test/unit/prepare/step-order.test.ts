import { describe, expect, test } from 'vitest';
import { EDITS_STAY_FIRST, moveProblem } from '../../../src/prepare/step-order';

const steps = (...kinds: string[]) => kinds.map((kind, i) => ({ id: String(i), kind, enabled: true, params: {} }));

describe('the edit step stays first', () => {
  test('it cannot move down, and no step can move above it', () => {
    const list = steps('edit-cells', 'impute', 'scale');
    expect(moveProblem(list, 0, 1)).toBe(EDITS_STAY_FIRST);
    expect(moveProblem(list, 1, -1)).toBe(EDITS_STAY_FIRST);
    expect(EDITS_STAY_FIRST).toMatch(/Edit values and labels/);
  });

  test('other steps move freely below it; an edit step stored lower may move up', () => {
    expect(moveProblem(steps('edit-cells', 'impute', 'scale'), 1, 1)).toBeNull();
    expect(moveProblem(steps('edit-cells', 'impute', 'scale'), 2, -1)).toBeNull();
    expect(moveProblem(steps('impute', 'edit-cells'), 1, -1)).toBeNull();
    expect(moveProblem(steps('impute', 'edit-cells'), 0, 1)).toBeNull();
  });
});
