/**
 * An epoch Stop ended before it had seen all its training rows: its loss and speed are over
 * fewer rows. One rule for the loss chart, the ending message and the runs table.
 */
import type { EpochRecord } from './train-loop';

export function isCutShort(epoch: EpochRecord): boolean {
  return epoch.rows !== undefined;
}

/** "cut short after 3,200 rows" for an epoch Stop ended early. */
export function cutShortNote(epoch: EpochRecord): string {
  return `cut short after ${(epoch.rows ?? 0).toLocaleString('en')} rows`;
}
