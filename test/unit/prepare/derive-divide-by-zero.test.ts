import { describe, expect, test } from 'vitest';
import { compileExpression } from '../../../src/prepare/expression';
import { evaluateExpression } from '../../../src/prepare/expression-evaluate';
import { fitTrainingPart } from '../../../src/prepare/pipeline';
import type { StepSpec } from '../../../src/prepare/step';
import { isValid, type Table } from '../../../src/shared/column';
import { derive as deriveStep } from '../../../src/prepare/steps/derive';
import { col, frameOf, table } from './tables';

const derive = (expression: string): StepSpec[] => [{ id: 's1', kind: 'derive', enabled: true, params: { name: 'y', expression } }];
const xd = () => [col('x', 'numeric', ['1', '2', '3', '4', '5']), col('d', 'numeric', ['1', '1', '0', '2', '0'])];
const kinds = new Map([['x', 'numeric' as const], ['d', 'numeric' as const]]);
/** The expression's values, null where missing, failing on a division by zero as a fit does. */
function fitValues(t: Table, source: string): (number | null)[] {
  const out = evaluateExpression(compileExpression(source, kinds), t, 'y', { onDivideByZero: 'fail' });
  return Array.from({ length: t.rowCount }, (_, r) => (isValid(out.valid, r) ? out.values[r]! : null));
}

describe('a derived column that divides by zero', () => {
  test('the problem names the dataset row, as the data table numbers it, not the position among training rows', () => {
    // Rows 1 and 2 (1-based) go to validation; the first training row, dataset row 3, has d = 0.
    const parts = Uint8Array.from([1, 1, 0, 0, 0]);
    const fit = fitTrainingPart(derive('x / d'), frameOf(...xd()), parts, 10);
    expect(fit).toMatchObject({ ok: false, stepId: 's1' });
    expect(!fit.ok && fit.problem).toBe('The expression divides by zero in row 3. Guard it, for example: if(b == 0, 0, a / b).');
  });

  test('guarded with is_missing, the fit is accepted and the guarded rows take the fallback', () => {
    expect(fitValues(table(...xd()), 'if(is_missing(x / d), 0, x / d)')).toEqual([1, 2, 0, 2, 0]);
    expect(fitValues(table(...xd()), 'is_missing(x % d)')).toEqual([0, 0, 1, 0, 1]);
    const fit = fitTrainingPart(derive('if(is_missing(x / d), -1, x / d)'), frameOf(...xd()), new Uint8Array(5), 10);
    expect(fit.ok).toBe(true);
  });

  test('the branch of if() not taken never fails; the taken one still does', () => {
    expect(fitValues(table(...xd()), 'if(d != 0, x / d, 0)')).toEqual([1, 2, 0, 2, 0]);
    // is_missing says "yes" at d = 0, and then the division itself is chosen: that is a fault.
    expect(() => fitValues(table(...xd()), 'if(is_missing(x / d), x / d, 0)')).toThrow('divides by zero in row 3.');
    // A division outside is_missing, beside it, still fails.
    expect(() => fitValues(table(...xd()), 'is_missing(x / d) + x / d')).toThrow('divides by zero in row 3.');
  });
});

test('a formula that gives no number on some training rows (the log of a negative) says how many, in the step’s note', () => {
  const fit = fitTrainingPart(derive('log(x - 3)'), frameOf(...xd()), new Uint8Array(5), 10);
  if (!fit.ok) throw new Error(fit.problem);
  const step = fit.fitted.steps[0]!;
  expect(step.learned).toEqual({ missing: 3, rows: 5 });
  expect(deriveStep.note!(step.params as never, step.learned as never)).toBe(
    '3 of 5 training rows have no value for "y": an input was missing there, or the formula gave no number (the log or square root of a negative, an overflow).',
  );
  const whole = fitTrainingPart(derive('x + 1'), frameOf(...xd()), new Uint8Array(5), 10);
  expect(whole.ok && whole.fitted.steps[0]!.learned).toEqual({});
});
