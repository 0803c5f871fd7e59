import * as v from 'valibot';
import { retypeColumn, type RetypeOptions } from '../../data/retype';
import { readDateOrder, type DateOrder } from '../../data/dates';
import { isMissingToken } from '../../data/missing-values';
import { COLUMN_KINDS, usesDictionary, type Column } from '../../shared/column';
import { requireColumn, withColumns } from '../frame';
import { codeCounts, labelOfCode } from '../stats';
import { defineStep } from '../step';
import { StepProblem } from '../step-problem';
import { columnName } from './params';

/** At most this many of the training rows' labels are looked at for a date that proves the order (as retypeColumn does). */
const ORDER_SAMPLES = 100_000;

/**
 * The order the training rows' labels read as dates in: the one a label proves, else the usual
 * one. Only labels present in the n training rows count: the column's dictionary also holds
 * those of validation and test rows, which must not decide how training is read.
 */
function trainingDateOrder(column: Column, n: number): DateOrder {
  const counts = codeCounts(column, n);
  const labels: string[] = [];
  for (let code = 0; code < counts.length && labels.length < ORDER_SAMPLES; code++) {
    const label = labelOfCode(column, code);
    if (counts[code] && !isMissingToken(label)) labels.push(label);
  }
  return readDateOrder(labels).order;
}

/** What a cast learns: the date order of labels read as dates; decimalComma only when the dataset's file wrote 3,5 for 3.5. */
interface CastLearned {
  dateOrder?: DateOrder;
  decimalComma?: boolean;
}

const ORDER_WORDS: Record<DateOrder, string> = { ymd: 'year first', dmy: 'day first', mdy: 'month first' };

/** How retypeColumn reads the column's text, from what the cast learned. */
function readingOf(learned: CastLearned): RetypeOptions {
  return { ...(learned.dateOrder ? { readDatesAs: learned.dateOrder } : {}), ...(learned.decimalComma ? { decimalComma: true } : {}) };
}

export const cast = defineStep({
  kind: 'cast',
  title: 'Change a column’s type',
  explain: 'Reads a column as another type, for example codes stored as numbers that are really categories; values that cannot be read become missing.',
  removesRows: false,
  params: v.object({ column: columnName, to: v.picklist(COLUMN_KINDS) }),
  columnsOf: (p) => [p.column],
  describe: (p) => `Read "${p.column}" as ${p.to}`,
  learnedLines: (p, learned: CastLearned) => {
    const reading = [
      ...(learned.dateOrder ? [`dates read ${ORDER_WORDS[learned.dateOrder]}, as the training rows show them`] : []),
      ...(learned.decimalComma ? ['numbers read with a decimal comma, as the dataset’s file wrote them'] : []),
    ];
    return reading.length ? [{ column: p.column, learned: reading.join('; ') }] : [];
  },
  fit: (p, train, context): CastLearned => {
    const column = requireColumn(train, p.column);
    const n = train.table.rowCount;
    // Labels read as dates: the order is learned here, so that every part reads them the same way.
    // The dataset's decimal comma is kept too, so new files are read the way the dataset was.
    const learned: CastLearned = {
      ...(p.to === 'datetime' && usesDictionary(column.kind) ? { dateOrder: trainingDateOrder(column, n) } : {}),
      ...(context?.decimalComma ? { decimalComma: true } : {}),
    };
    // A type no training value can be read as would leave the model an empty column: refused, as on the Data page.
    const trial = retypeColumn(column, n, p.to, readingOf(learned));
    if (trial.noneRead) throw new StepProblem(trial.noneRead.replace('so its type was not changed', 'in the training rows, so this step would leave it empty'));
    return learned;
  },
  // The learned order decides whatever the part's labels prove: the column's dictionary holds
  // every part's labels, and the same text must read as the same date in each.
  transform: (p, learned, frame) => withColumns(frame, [retypeColumn(requireColumn(frame, p.column), frame.table.rowCount, p.to, readingOf(learned)).column]),
});
