/**
 * What a step's fit learned from the training rows, in words, one line per column, for its
 * preview: every number the pipeline will apply unchanged to validation, test and later rows is
 * there for the learner to see. Example: { column: 'bill_length_mm', learned: 'mean 43.9221, std 5.45167' }.
 */
import { formatDate } from '../data/format-cell';
import { listWords } from '../data/words';
import { briefNumber } from '../shared/format';
import { findView, type FrameView } from './frame-view';

export interface LearnedLine {
  column: string;
  learned: string;
}

/** A learned value as the column's cells are shown (dates as dates, numbers to six significant digits). */
export type ShowValue = (column: string, value: number | string) => string;

/** ShowValue for the columns of `view`: labels in quotes, a date column's numbers as dates. */
export function showValueOf(view: FrameView): ShowValue {
  return (name, value) => {
    if (typeof value === 'string') return `"${value}"`;
    return findView(view, name)?.column.kind === 'datetime' ? formatDate(value) : briefNumber(value);
  };
}

/** Labels in quotes, the first `most` of them, then how many more. Example: '"Biscoe", "Dream" and 3 more'. */
export function labelList(labels: readonly string[], most = 12): string {
  const shown = labels.slice(0, most).map((l) => `"${l}"`);
  const more = labels.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : listWords(shown) || 'none';
}
