/**
 * How a run ended, in words for the learner: which epoch's weights the model keeps, and why.
 * Every ending but a cancelled one restores the epoch with the lowest watched loss, which a
 * learner would not guess from "completed"; a diverged run has its own message (train-loop.ts).
 */
import { count } from '../data/words';
import { isCutShort } from './cut-short';
import type { Ending, EpochRecord } from './train-loop';

/** How a cancelled run ends: its run row and model are deleted. */
export const THROWN_AWAY = 'Cancelled: the run was thrown away.';

/** Why a run whose first epoch stayed its best learned nothing after it, and what to change. */
const FIRST_WAS_BEST =
  ' Nothing after the first epoch did better: the model learned almost nothing that carries over. The usual causes: a learning rate too large (it jumps past the best weights) or too small (it barely moves them), features far from unit scale, or validation rows unlike the training rows.';

export function endingMessage(ending: Ending, history: readonly EpochRecord[], bestEpoch: number, patience: number): string | null {
  const last = history.at(-1);
  if (!last || ending === 'cancelled' || ending === 'diverged') return null;
  const watched = last.valLoss === null ? 'training loss' : 'validation loss';
  const keeps = bestEpoch > 0 && bestEpoch !== last.epoch ? ` The model keeps the weights of epoch ${bestEpoch}, where the ${watched} was lowest.` : '';
  switch (ending) {
    case 'completed':
      return `${history.length === 1 ? 'Trained its one epoch' : `Trained all ${history.length} epochs`}.${keeps}`;
    case 'early-stopped':
      return `Stopped early after epoch ${last.epoch}: the ${watched} had not improved for ${count(patience, 'epoch')}.${keeps}${bestEpoch === 1 && last.epoch > 1 ? FIRST_WAS_BEST : ''}`;
    case 'stopped':
      return `Stopped at epoch ${last.epoch}${isCutShort(last) ? ' (cut short)' : ''}.${keeps}`;
  }
}
