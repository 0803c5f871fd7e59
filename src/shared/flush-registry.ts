/**
 * Places with unsaved work register a flush here; the app shell calls flushAll when the tab
 * hides or closes (pagehide, visibilitychange), so a debounced edit is written before it can
 * be lost. Kept framework-free so any stage's state class can use it.
 */
type Flusher = () => Promise<void>;
const flushers = new Set<Flusher>();
const dirtyChecks = new Set<() => boolean>();

/** Register a flush; returns the function that unregisters it. */
export function onFlush(flush: Flusher, isDirty: () => boolean): () => void {
  flushers.add(flush);
  dirtyChecks.add(isDirty);
  return () => {
    flushers.delete(flush);
    dirtyChecks.delete(isDirty);
  };
}

/** Run every registered flush; never rejects (each flusher reports its own failure). */
export async function flushAll(): Promise<void> {
  await Promise.allSettled([...flushers].map((f) => f()));
}

/** True while some registered place has changes not yet written. */
export function hasUnsavedWork(): boolean {
  for (const dirty of dirtyChecks) if (dirty()) return true;
  return false;
}

/** A save that failed after its page closed, so no page shows it: the sentence to show, and a retry. */
export interface FailedSave {
  message: string;
  /** writes the unsaved work again; a new failure is reported again. None when writing it would overwrite newer work. */
  retry?: () => Promise<void>;
}
const failedSaveListeners = new Set<(failed: FailedSave) => void>();

/** Hand a failure no page can show any more to the shell (the app shows it in an alert). */
export function reportFailedSave(failed: FailedSave): void {
  for (const listener of failedSaveListeners) listener(failed);
}

/** Listen for failed saves of closed pages; returns the function that stops listening. */
export function onFailedSave(listener: (failed: FailedSave) => void): () => void {
  failedSaveListeners.add(listener);
  return () => failedSaveListeners.delete(listener);
}
