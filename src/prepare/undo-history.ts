/**
 * Prepare's undo and redo: two stacks of recipes, the ones before each change and the ones undone.
 * Pure, so that what joins two changes into one undo step, and what a failed undo leaves, is
 * tested without a worker; PrepareState decides when a change counts (once it is tried and shown).
 */

/** Undo steps kept in memory. */
export const UNDO_LIMIT = 100;
/**
 * At most this many characters of recipe JSON over both stacks, the oldest undo steps dropped
 * first (the last one is always kept): a recipe holding thousands of cell edits is megabytes, and
 * a hundred of them would hold hundreds of megabytes for the page's lifetime.
 */
export const UNDO_CHARS = 20_000_000;
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

/** A kept recipe and the length of its JSON. */
interface Entry<T> {
  value: T;
  size: number;
}

const entry = <T>(value: T): Entry<T> => ({ value, size: JSON.stringify(value)?.length ?? 0 });
const total = (entries: readonly Entry<unknown>[]): number => entries.reduce((sum, e) => sum + e.size, 0);

export class UndoHistory<T> {
  #undo: Entry<T>[] = [];
  #redo: Entry<T>[] = [];
  /** the last change's key and when it was asked for, while the next change of that key may join its undo step */
  #lastJoinable: Joinable | null = null;

  constructor(
    readonly limit = UNDO_LIMIT,
    readonly joinMs = JOIN_MS,
    readonly maxChars = UNDO_CHARS,
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
    if (!joins) this.#undo = [...this.#undo, entry(before)].slice(-this.limit);
    else if (same(this.#undo.at(-1)?.value, after)) this.#undo = this.#undo.slice(0, -1);
    this.#lastJoinable = join ?? null;
    this.#redo = [];
    this.#trim();
  }

  /** Drop the oldest undo steps while both stacks hold more than maxChars, keeping the last one. */
  #trim(): void {
    let size = total(this.#undo) + total(this.#redo);
    let drop = 0;
    while (size > this.maxChars && drop < this.#undo.length - 1) size -= this.#undo[drop++]!.size;
    if (drop > 0) this.#undo = this.#undo.slice(drop);
  }

  /** The next change is an undo step of its own, whatever its key (after an undo, a restore). */
  breakJoin(): void {
    this.#lastJoinable = null;
  }

  /** What an undo (or redo) would go back to, left in place until `moved` says it was shown. */
  next(direction: Direction): T | undefined {
    return (direction === 'undo' ? this.#undo : this.#redo).at(-1)?.value;
  }

  /**
   * `target`, taken from `next(direction)`, is shown now in place of `current`, which goes on the
   * other stack. Nothing moves when the stacks were replaced meanwhile (`takeUp`): `target` is
   * then no longer the one to go back to.
   */
  moved(direction: Direction, target: T, current: T): void {
    const [from, to] = direction === 'undo' ? [this.#undo, this.#redo] : [this.#redo, this.#undo];
    if (from.at(-1)?.value !== target) return;
    from.pop();
    to.push(entry(current));
    if (to.length > this.limit) to.shift();
    this.#trim();
  }

  /** Start from these stacks (kept from an earlier visit, or empty), copied. */
  takeUp(stacks: { undo: readonly T[]; redo: readonly T[] }): void {
    this.#undo = stacks.undo.map(entry);
    this.#redo = stacks.redo.map(entry);
    this.#lastJoinable = null;
    this.#trim();
  }

  /** Copies of both stacks, oldest first. */
  stacks(): { undo: T[]; redo: T[] } {
    return { undo: this.#undo.map((e) => e.value), redo: this.#redo.map((e) => e.value) };
  }
}
