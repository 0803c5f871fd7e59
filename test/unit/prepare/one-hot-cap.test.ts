/**
 * The one-hot cap counts the "other" column, so a cap of 1 would send every value to "other":
 * one column that is 1 on every row, which tells a model nothing. It is refused, saying why.
 */
import { describe, expect, test } from 'vitest';
import { parseStep } from '../../../src/prepare/fitted';
import { STEP_FIELDS } from '../../../src/prepare/step-forms';

const problemOf = (params: unknown) => {
  const parsed = parseStep({ id: 's', kind: 'one-hot', enabled: true, params });
  return parsed.ok ? null : parsed.problem;
};

describe('the one-hot cap', () => {
  test('a cap of 1 is refused with the reason', () => {
    expect(problemOf({ column: 'c', maxCategories: 1 })).toBe(
      'One-hot encode: At most this many columns: enter a whole number from 2 to 1000. With 1, every value would share the one "other" column, which is then the same on every row and tells a model nothing.',
    );
  });

  test('a cleared or fractional cap names the range from 2', () => {
    expect(problemOf({ column: 'c', maxCategories: null })).toBe('One-hot encode: At most this many columns: enter a whole number from 2 to 1000.');
    expect(problemOf({ column: 'c', maxCategories: 2.5 })).toBe('One-hot encode: At most this many columns: enter a whole number from 2 to 1000.');
    expect(problemOf({ column: 'c', maxCategories: 1001 })).toBe('One-hot encode: At most this many columns: enter a whole number from 2 to 1000.');
  });

  test('2 and 1000 are accepted, and the default stays 20', () => {
    expect(problemOf({ column: 'c', maxCategories: 2 })).toBeNull();
    expect(problemOf({ column: 'c', maxCategories: 1000 })).toBeNull();
    const parsed = parseStep({ id: 's', kind: 'one-hot', enabled: true, params: { column: 'c' } });
    expect(parsed.ok && parsed.params).toEqual({ column: 'c', maxCategories: 20 });
  });

  test('the form’s bounds are the schema’s', () => {
    const field = STEP_FIELDS['one-hot']!.find((f) => f.key === 'maxCategories');
    expect(field).toMatchObject({ type: 'number', min: 2, max: 1000, step: 1 });
  });
});
