import { expect, test } from 'vitest';
import { fittedText } from '../../../src/prepare/fitted-text';
import type { StepStatus } from '../../../src/workers/prepare-protocol';

const fitted = (n: number): StepStatus[] => Array.from({ length: n }, (_, i) => ({ id: `s${i}`, state: 'fitted' as const, rowsAfter: 1, columnsAfter: 1 }));

test('the Prepare status says how long the fit took, and how many of the fitted steps were kept from the last fit', () => {
  expect(fittedText({ seconds: 0.115, reusedSteps: 0, steps: fitted(6) })).toBe('Fitted in 115 ms.');
  expect(fittedText({ seconds: 0.115, reusedSteps: 5, steps: fitted(6) })).toBe('Fitted in 115 ms; 5 of the 6 steps were kept from the last fit.');
  expect(fittedText({ seconds: 0.115, reusedSteps: 1, steps: fitted(6) })).toBe('Fitted in 115 ms; 1 of the 6 steps was kept from the last fit.');
  expect(fittedText({ seconds: 0.115, reusedSteps: 1, steps: fitted(1) })).toBe('Fitted in 115 ms; the one step was kept from the last fit.');
  // Steps that are off are not counted.
  expect(fittedText({ seconds: 2, reusedSteps: 2, steps: [...fitted(2), { id: 'off', state: 'disabled' }] })).toMatch(/; 2 of the 2 steps were kept from the last fit\.$/);
});
