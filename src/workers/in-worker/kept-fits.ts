/**
 * The prepare worker's memory of its last report's fit, so that the next report over the same
 * rows carries on from the first step that changed (prepare/fit-checkpoints.ts). Over a million
 * rows the kept views hold some 20 MB beside the table's 80.
 */
import { furthestCheckpoint, startsWith, type FitCheckpoint } from '../../prepare/fit-checkpoints';
import type { Recipe } from '../../prepare/recipe';
import type { FitContext } from '../../prepare/step';
import type { Table } from '../../shared/column';

/**
 * The last reports' fits, for the next report over the same rows to carry on from: the table
 * (as opened in this worker), the split's parts and the context they were fitted under, and the
 * checkpoints reached. One set only: a recipe is edited one report after another.
 */
let lastFits: { table: Table; parts: Uint8Array; context: string; checkpoints: FitCheckpoint[] } | null = null;

/** Forget the kept fits: another dataset is opened, a benchmark starts cold, a test starts afresh. */
export function forgetFits(): void {
  lastFits = null;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Where this report's fit can start, and the list its checkpoints go to: those kept of the same
 * rows and context up to that start, then each one it reaches. They all lie on one chain of
 * steps, whose views the last one's observed steps hold anyway: keeping them costs no memory more.
 */
export function resumeFor(table: Table, parts: Uint8Array, context: FitContext | undefined, steps: Recipe['steps']): { from: FitCheckpoint | null; chain: FitCheckpoint[] } {
  const key = JSON.stringify(context ?? null);
  const kept = lastFits?.table === table && lastFits.context === key && sameBytes(lastFits.parts, parts) ? lastFits.checkpoints : [];
  const from = furthestCheckpoint(kept, steps);
  const chain = from ? kept.filter((c) => startsWith(from.keys, c)) : [];
  lastFits = { table, parts, context: key, checkpoints: chain };
  return { from, chain };
}
