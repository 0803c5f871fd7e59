/** What a refused step says: the field by its label, never by its internal key; the form's own operator names; only decimal numbers. */
import { describe, expect, test } from 'vitest';
import { CONDITION_OPS, matchRows } from '../../../src/prepare/condition';
import { parseStep } from '../../../src/prepare/fitted';
import { STEP_FIELDS } from '../../../src/prepare/step-forms';
import { fitPipeline } from '../../../src/prepare/pipeline';
import { col, frameOf } from './tables';

const problemOf = (kind: string, params: unknown) => {
  const parsed = parseStep({ id: 's', kind, enabled: true, params });
  if (parsed.ok) throw new Error('expected a problem');
  return parsed.problem;
};

describe('a refused field is named by its label', () => {
  test('a message that names its field ends there, without the key', () => {
    expect(problemOf('bin', { column: 'x', bins: 1, strategy: 'width' })).toBe('Bin into ranges: Bins: enter a whole number from 2 to 100.');
    expect(problemOf('outliers', { columns: ['x'], rule: 'iqr', factor: -1, action: 'remove' })).toBe('Remove or clip outliers: Factor: enter a number, 0 or more (0: the rule’s usual one).');
  });

  test('a message that does not name its field gets the field’s label, not its key', () => {
    const rename = problemOf('rename', { column: 'x', to: ' ' });
    expect(rename).toBe('Rename a column: New name: Write the new name.');
    expect(problemOf('drop-columns', { columns: [] })).toBe('Drop columns: Columns to drop: Choose at least one column.');
  });
});

describe('comparisons and numbers in a filter', () => {
  const frame = () => frameOf(col('x', 'numeric', ['1', '16', '2']), col('colour', 'categorical', ['red', 'blue', 'red']));

  test('a label column refused an order names the comparisons the form offers', () => {
    const fit = fitPipeline([{ id: 'f', kind: 'filter', enabled: true, params: { condition: { column: 'colour', op: '<', value: 'red' } } }], frame());
    expect(fit.ok).toBe(false);
    const problem = fit.ok ? '' : fit.problem;
    expect(problem).toContain(`use ${CONDITION_OPS[0]} or ${CONDITION_OPS[1]}, not <`);
    expect(problem).toContain('use == or !=');
  });

  test('a label compared with nothing says the value is empty, and how to keep rows with no value', () => {
    const fit = fitPipeline([{ id: 'f', kind: 'filter', enabled: true, params: { condition: { column: 'colour', op: '==', value: '' } } }], frame());
    expect(fit).toMatchObject({ ok: false, problem: 'No training row has colour == "": the filter would remove them all. The value to compare with is empty: to keep the rows with no value, use "is missing".' });
  });

  test('hexadecimal, binary and octal text is not a number to compare with', () => {
    for (const value of ['0x1', '0x10', '0b1', '0o1', 'Infinity']) {
      expect(() => matchRows(frame(), { column: 'x', op: '==', value }), value).toThrow(/compare it with a number, not/);
    }
    expect(Array.from(matchRows(frame(), { column: 'x', op: '>=', value: ' 2.0 ' }))).toEqual([0, 1, 1]);
    expect(Array.from(matchRows(frame(), { column: 'x', op: '==', value: '1e0' }))).toEqual([1, 0, 0]);
  });

  test('a typed comma is refused, not read as thousands (1,500 → 1500) or units: the message says to write a decimal point', () => {
    for (const value of ['1,5', '1,500', '12%', '$3']) {
      expect(() => matchRows(frame(), { column: 'x', op: '==', value }), value).toThrow(value.includes(',') ? /not "1,5?0?0?"\. Write it with a decimal point and no thousands separator, such as 1\.5 or 1500\./ : /compare it with a number, not/);
    }
    expect(Array.from(matchRows(frame(), { column: 'x', op: '<', value: '.5e1' }))).toEqual([1, 0, 1]);
  });

  test('a fill constant must be a decimal number for a numeric column', () => {
    const gaps = frameOf(col('x', 'numeric', ['1', '', '2']));
    const fit = (constant: string) => fitPipeline([{ id: 'i', kind: 'impute', enabled: true, params: { columns: ['x'], strategy: 'constant', constant } }], gaps);
    for (const constant of ['0x10', '0b1', 'Infinity']) {
      const result = fit(constant);
      expect(result.ok ? 'filled' : result.problem, constant).toMatch(/the constant must be a number, not/);
    }
    const ok = fit('-1.5');
    expect(ok.ok && ok.fitted.steps[0]!.learned).toEqual({ fills: [-1.5] });
  });
});

test('a number field steps by whole numbers or by any amount, so the browser refuses no valid fraction (1.75) for its digits', () => {
  const steps = Object.values(STEP_FIELDS)
    .flat()
    .flatMap((f) => (f.type === 'number' ? [f.step ?? 'any'] : []));
  expect(steps.length).toBeGreaterThan(0);
  for (const step of steps) expect([1, 'any']).toContain(step);
});
