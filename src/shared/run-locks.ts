/**
 * Who owns a running training run, through the Web Locks API: the worker training it holds a
 * lock named after the run from before the run is stored until after it ends, and the browser
 * releases it the moment that worker's tab closes or reloads. So a page can tell at once that a
 * run stored as running has no one training it, instead of waiting for its heartbeat to go
 * stale. Where locks are missing (old browsers, Node in unit tests) the heartbeat still decides.
 */

const PREFIX = 'looplab-run:';

function locks(): LockManager | null {
  return (globalThis.navigator as Navigator | undefined)?.locks ?? null;
}

/** Run `work` holding the run's lock (just `work` where there are no locks). */
export async function withRunLock<T>(runId: string, work: () => Promise<T>): Promise<T> {
  const manager = locks();
  if (!manager) return work();
  return manager.request(PREFIX + runId, { mode: 'exclusive' }, work);
}

/** What the locks said, and when they were asked. */
export interface RunOwners {
  /** ids of the runs whose lock someone holds */
  held: ReadonlySet<string>;
  /** Date.now() just before the locks were asked: a run stored after it may not hold its lock yet */
  askedAt: number;
}

/** The runs someone holds the lock of; null where there are no locks. */
export async function runOwners(): Promise<RunOwners | null> {
  const manager = locks();
  if (!manager) return null;
  const askedAt = Date.now();
  const state = await manager.query();
  const held = new Set<string>();
  for (const lock of state.held ?? []) if (lock.name?.startsWith(PREFIX)) held.add(lock.name.slice(PREFIX.length));
  return { held, askedAt };
}

/** Whether the locks show that a run stored as running, created at `createdAt`, has no owner. */
export function ownerGone(owners: RunOwners | null, runId: string, createdAt: number): boolean {
  return owners !== null && createdAt < owners.askedAt && !owners.held.has(runId);
}
