/**
 * Prepare's undo and redo, kept per project for as long as the page is open: leaving Prepare for
 * another stage and coming back takes them up again (its state goes with the component). They
 * are taken up only on the very version and dataset they were kept at: undoing into a recipe from
 * before a version saved since (by another tab) would silently drop that version's change, and
 * the recipes they hold were tried on that dataset only.
 */
import type { Recipe } from './recipe';

export interface KeptUndo {
  /** the stored version the recipe was at, and the dataset it was fitted on */
  version: number;
  datasetId: string | null;
  undo: readonly Recipe[];
  redo: readonly Recipe[];
}

const kept = new Map<string, KeptUndo>();

export function keepUndo(projectId: string, history: KeptUndo): void {
  kept.set(projectId, { version: history.version, datasetId: history.datasetId, undo: [...history.undo], redo: [...history.redo] });
}

/** The undo and redo kept for the project at `version` on the dataset; none when another version was saved since, or another dataset is in use. */
export function keptUndo(projectId: string, version: number, datasetId: string | null): KeptUndo {
  const k = kept.get(projectId);
  return k?.version === version && k.datasetId === datasetId ? k : { version, datasetId, undo: [], redo: [] };
}
