/** Param schemas several steps share. */
import * as v from 'valibot';

export const columnName = v.pipe(v.string(), v.minLength(1, 'Choose a column.'));
export const columnList = v.pipe(v.array(v.string()), v.minLength(1, 'Choose at least one column.'));
export const finiteNumber = v.pipe(v.number(), v.finite());

export const listNames = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');
