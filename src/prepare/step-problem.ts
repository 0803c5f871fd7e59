/** Why a step cannot apply, in words for its form. The pipeline stays as it was. */
import { booleanWord, type Column } from '../shared/column';

export class StepProblem extends Error {
  override readonly name = 'StepProblem';
}

/**
 * What a yes/no column takes, for a value it does not: its own words first, as the table shows them.
 * Example: 'Column "churn" is yes/no: fill it with Yes or No (or true or false, 1 or 0), not "maybe".'
 */
export function notBoolean(column: Pick<Column, 'name' | 'words'>, doing: string, value: string): string {
  const also = column.words ? ' (or true or false, 1 or 0)' : ' (or 1 or 0)';
  return `Column "${column.name}" is yes/no: ${doing} ${booleanWord(column, 1)} or ${booleanWord(column, 0)}${also}, not "${value}".`;
}
