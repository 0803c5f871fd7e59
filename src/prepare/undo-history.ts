/**
 * Prepare's undo and redo: two stacks of recipes, the ones before each change and the ones undone.
 * Pure, so that what joins two changes into one undo step, and what a failed undo leaves, is
 * tested without a worker; PrepareState decides when a change counts (once it is tried and shown).
 */

/** Undo steps kept in memory. */
export const UNDO_LIMIT = 100;
/**
 * Changes with the same join key asked for within this long of the last are one undo step:
 * the arrow keys in a radio group apply every option passed over, and one Undo should go back
 * to before them all, not to each option in turn.
 */
export const JOIN_MS = 2000;

export type Direction = 'undo' | 'redo';

/** A change that may join the undo step of the last one: its key and when it was asked for (ms). */
export interface Joinable {
  key: string;
  asked: number;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export class UndoHistory<T> {
  #undo: T[] = [];
  #redo: T[] = [];
  /** the last change's key and when it was asked for, while the next change of that key may join its undo step */
  #lastJoinable: Joinable | null = null;

  constructor(
    readonly limit = UNDO_LIMIT,
    readonly joinMs = JOIN_MS,
  ) {}

  get canUndo(): boolean {
    return this.#undo.length > 0;
  }

  get canRedo(): boolean {
    return this.#redo.length > 0;
  }

  /**
   * A change from `before` to `after` was made: `before` becomes the last undo step, unless the
   * change joins the last one's step (`join` of the same key, asked for within joinMs of it), and
   * redo is cleared. Joined changes that walked back to where they started leave no step: it
   * would undo nothing.
   */
  record(before: T, after: T, join?: Joinable): void {
    const last = this.#lastJoinable;
    const joins = join !== undefined && last?.key === join.key && join.asked - last.asked < this.joinMs && this.#undo.length > 0;
    if (!joins) this.#undo = [...this.#undo, before].slice(-this.limit);
    else if (same(this.#undo.at(-1), after)) this.#undo = this.#undo.slice(0, -1);
    this.#lastJoinable = join ?? null;
    this.#redo = [];
  }

  /** The next change is an undo step of its own, whatever its key (after an undo, a restore). */
  breakJoin(): void {
    this.#lastJoinable = null;
  }

  /** What an undo (or redo) would go back to, left in place until `moved` says it was shown. */
  next(direction: Direction): T | undefined {
    return (direction === 'undo' ? this.#undo : this.#redo).at(-1);
  }

  /**
   * `target`, taken from `next(direction)`, is shown now in place of `current`, which goes on the
   * other stack. Nothing moves when the stacks were replaced meanwhile (`takeUp`): `target` is
   * then no longer the one to go back to.
   */
  moved(direction: Direction, target: T, current: T): void {
    const [from, to] = direction === 'undo' ? [this.#undo, this.#redo] : [this.#redo, this.#undo];
    if (from.at(-1) !== target) return;
    from.pop();
    to.push(current);
    if (to.length > this.limit) to.shift();
  }

  /** Start from these stacks (kept from an earlier visit, or empty), copied. */
  takeUp(stacks: { undo: readonly T[]; redo: readonly T[] }): void {
    this.#undo = [...stacks.undo];
    this.#redo = [...stacks.redo];
    this.#lastJoinable = null;
  }

  /** Copies of both stacks, oldest first. */
  stacks(): { undo: T[]; redo: T[] } {
    return { undo: [...this.#undo], redo: [...this.#redo] };
  }
}
