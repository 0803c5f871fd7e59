/**
 * A debounced task that can be flushed now or cancelled: used for autosave, where the last
 * edit must never be lost when the user leaves (flush) and a pending save must not outlive
 * its view (cancel).
 */
export interface Debounced {
  /** Schedule the task to run `waitMs` after the latest call. */
  schedule(): void;
  /** Run a scheduled task now; resolves when it has finished (immediately if none is pending). */
  flush(): Promise<void>;
  /** Drop a scheduled task without running it. */
  cancel(): void;
  readonly pending: boolean;
}

export function debounce(task: () => Promise<void>, waitMs: number): Debounced {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    schedule() {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        void task();
      }, waitMs);
    },
    async flush() {
      if (timer === undefined) return;
      clearTimeout(timer);
      timer = undefined;
      await task();
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
    get pending() {
      return timer !== undefined;
    },
  };
}
