/** A background job's progress as the page writes it. */

/** Steps done of the total; total null until the worker has said it (it starts a backend first). */
export interface JobProgress {
  done: number;
  total: number | null;
}

/**
 * "Starting…" until the total is known, then the step under way, counted from 1 and never past
 * the total. Example: progressText('Feature', { done: 0, total: 2 }) === 'Feature 1 of 2…'.
 */
export function progressText(step: string, progress: JobProgress): string {
  return progress.total === null ? 'Starting…' : `${step} ${Math.min(progress.done + 1, progress.total)} of ${progress.total}…`;
}
