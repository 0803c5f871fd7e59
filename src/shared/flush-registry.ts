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
