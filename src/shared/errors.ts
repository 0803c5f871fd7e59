/**
 * Errors a learner can read. Everything that reaches the page goes through describeError,
 * so a stack trace or a DOMException name is never what the user sees.
 */

/** An error whose message is already written for the user, with where it happened. */
export class UserFacingError extends Error {
  override readonly name = 'UserFacingError';
  /** e.g. 'file iris.csv, row 12, column "sepal_length"' */
  readonly where: string | undefined;
  constructor(message: string, where?: string) {
    super(message);
    this.where = where;
  }
}

function errorName(e: unknown): string {
  if (e && typeof e === 'object' && 'name' in e && typeof e.name === 'string') return e.name;
  return '';
}

function errorMessage(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e && typeof e.message === 'string') return e.message;
  return typeof e === 'string' ? e : '';
}

/**
 * One sentence saying what went wrong and what to do, for any thrown value.
 * Example: a DOMException named QuotaExceededError becomes
 * "The browser's storage for Looplab is full. Delete a project you no longer need, or free disk space, then try again."
 */
export function describeError(e: unknown): string {
  if (e instanceof UserFacingError) return e.where ? `${e.message} (${e.where})` : e.message;
  // Dexie wraps the browser's error in `inner`; the inner name is the informative one.
  const inner = e && typeof e === 'object' && 'inner' in e ? (e as { inner: unknown }).inner : undefined;
  const name = errorName(inner) || errorName(e);
  switch (name) {
    case 'QuotaExceededError':
      return "The browser's storage for Looplab is full. Delete a project you no longer need, or free disk space, then try again.";
    case 'VersionError':
      return 'This browser holds Looplab data from a newer version of Looplab. Open that newer version, or clear this site’s data to start again.';
    case 'InvalidStateError':
    case 'MissingAPIError':
      return 'This browser does not let Looplab store data here (private windows sometimes forbid it). Open Looplab in a normal window.';
    case 'DatabaseClosedError':
      return 'Looplab’s storage was closed, usually because Looplab was updated in another tab. Reload this page to continue.';
    case 'AbortError':
      return 'The operation was cancelled before it finished; nothing was changed.';
  }
  const message = errorMessage(inner) || errorMessage(e);
  return message ? `Something went wrong: ${message}` : 'Something went wrong, and the browser gave no reason.';
}
