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

/** What each informative error name means for the user, with what to do. */
const BY_NAME = new Map<string, string>(Object.entries({
  QuotaExceededError: "The browser's storage for Looplab is full. Delete a project you no longer need, or free disk space, then try again.",
  VersionError: 'This browser holds Looplab data from a newer version of Looplab. Open that newer version, or clear this site’s data to start again.',
  InvalidStateError: 'This browser does not let Looplab store data here (private windows sometimes forbid it). Open Looplab in a normal window.',
  MissingAPIError: 'This browser does not let Looplab store data here (private windows sometimes forbid it). Open Looplab in a normal window.',
  DatabaseClosedError: 'Looplab’s storage was closed, usually because Looplab was updated in another tab. Reload this page to continue.',
  AbortError: 'The operation was cancelled before it finished; nothing was changed.',
}));

/**
 * The informative name of an error. Dexie's AbortError carries the browser's reason at the start
 * of its message ("QuotaExceededError …"), and across a worker boundary (Comlink keeps only name,
 * message and stack) that message is all that is left of it: a storage-full failure read as
 * "cancelled".
 */
function causeName(e: unknown): string {
  const name = errorName(e);
  const first = /^([A-Za-z]+Error)\b/.exec(errorMessage(e))?.[1];
  return first && first !== name && first !== 'AbortError' && BY_NAME.has(first) ? first : name;
}

/**
 * The errors a thrown value wraps, innermost first. Dexie puts the browser's error in `inner`,
 * and a BulkError's per-row errors in `failures` and `failuresByPos`: those names are the
 * informative ones.
 */
function wrappedErrors(e: unknown, depth = 0): unknown[] {
  if (!e || typeof e !== 'object' || depth > 4) return [];
  const { inner, failures, failuresByPos } = e as { inner?: unknown; failures?: unknown; failuresByPos?: unknown };
  const direct = [inner, ...(Array.isArray(failures) ? failures : []), ...(failuresByPos && typeof failuresByPos === 'object' ? Object.values(failuresByPos) : [])];
  return [...new Set(direct.filter((w) => w !== undefined && w !== null))].flatMap((w) => [...wrappedErrors(w, depth + 1), w]);
}

/**
 * One sentence saying what went wrong and what to do, for any thrown value.
 * Example: a DOMException named QuotaExceededError, thrown alone or inside a Dexie BulkError, becomes
 * "The browser's storage for Looplab is full. Delete a project you no longer need, or free disk space, then try again."
 */
export function describeError(e: unknown): string {
  if (e instanceof UserFacingError) return e.where ? `${e.message} (${e.where})` : e.message;
  // A wrapper's own name (a BulkError, a generic AbortError) counts only when what it wraps has none.
  const named = wrappedErrors(e).filter((w) => errorName(w));
  for (const cause of named.length ? named : [e]) {
    const known = BY_NAME.get(causeName(cause));
    if (known) return known;
  }
  const inner = e && typeof e === 'object' && 'inner' in e ? (e as { inner: unknown }).inner : undefined;
  const message = errorMessage(inner) || errorMessage(e);
  return message ? `Something went wrong: ${message}` : 'Something went wrong, and the browser gave no reason.';
}
