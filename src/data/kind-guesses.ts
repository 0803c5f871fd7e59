/**
 * The types the learner chooses in the import preview, against the inspection's own guesses:
 * a chosen type gets a reason (and dates an order), and choosing a guess again restores the
 * guess's reason and order.
 */
import type { ColumnKind } from '../shared/column';
import { chosenDateOrder, chosenKindReason } from './chosen-kind';
import type { ColumnGuess, Inspection } from './inspect';

type Guess = Pick<ColumnGuess, 'kind' | 'reason' | 'dateOrder' | 'dateOrderAssumed'>;

const guessOf = ({ kind, reason, dateOrder, dateOrderAssumed }: Guess): Guess => ({ kind, reason, dateOrder, dateOrderAssumed });

export class KindGuesses {
  /** The inspection's own guesses, kept when the learner first changes a type in it. */
  #kept: { inspection: Inspection; columns: Guess[] } | null = null;

  /** Column `index` of `inspection` is read as `kind` (the column is changed in place). */
  choose(inspection: Inspection, index: number, kind: ColumnKind): void {
    const column = inspection.columns[index];
    if (!column) return;
    if (this.#kept?.inspection !== inspection) this.#kept = { inspection, columns: inspection.columns.map(guessOf) };
    const guess = this.#kept.columns[index]!;
    column.kind = kind;
    if (kind === guess.kind) {
      column.reason = guess.reason;
      column.dateOrder = guess.dateOrder;
      column.dateOrderAssumed = guess.dateOrderAssumed;
    } else if (kind === 'datetime') {
      // Read as the file's other dates are, unless this column's own cells say otherwise.
      const others = inspection.columns.filter((c, i) => i !== index && c.kind === 'datetime');
      const chosen = chosenDateOrder(inspection.preview.map((row) => row[index] ?? ''), guess.dateOrder, others);
      column.dateOrder = chosen.order;
      column.dateOrderAssumed = chosen.assumed;
      column.reason = chosen.reason;
    } else column.reason = chosenKindReason(kind);
  }

  /**
   * The file was inspected again as `after`: where the columns are as many, they keep the types
   * chosen in `before`, and the guesses stay the first inspection's, so choosing one again still
   * restores its reason.
   */
  keepChosen(before: Inspection, after: Inspection): void {
    if (after.columns.length !== before.columns.length) return;
    after.columns.forEach((c, i) => Object.assign(c, guessOf(before.columns[i]!)));
    if (this.#kept?.inspection === before) this.#kept = { ...this.#kept, inspection: after };
  }
}
