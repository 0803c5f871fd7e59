/** Param schemas several steps share. */
import * as v from 'valibot';

export const columnName = v.pipe(v.string(), v.minLength(1, 'Choose a column.'));
export const columnList = v.pipe(v.array(v.string()), v.minLength(1, 'Choose at least one column.'));
export const finiteNumber = v.pipe(v.number(), v.finite());

/**
 * A whole number from a form: a cleared input gives null, refused with `message` (which names the
 * field by its label). Wrap it in v.optional for a default when an older recipe lacks the field:
 * never v.fallback, which would read a cleared field as the default.
 */
export const wholeNumber = (min: number, max: number, message: string) => v.pipe(v.number(message), v.integer(message), v.minValue(min, message), v.maxValue(max, message));

export const listNames = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');
