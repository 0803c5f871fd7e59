/**
 * The pending import's preview, kept up to date as the learner adjusts it: the file inspected
 * again under other settings (encoding, separator and the rest of the dialect, lines to skip),
 * the types chosen for its columns (kept across a reread when asked), and what the import will
 * take and whether it fits here (disk, memory). DataState owns the pending import and the alert,
 * and reads the device's capacity (pure code does not touch the browser); this file decides what
 * changes in them.
 */
import type { ColumnKind } from '../shared/column';
import { describeError } from '../shared/errors';
import type { Dialect, TextEncoding } from './dialect';
import { capacityProblem, estimateImportBytes, HEAD_BYTES, type Capacity, type InspectResult } from './inspect';
import { KindGuesses } from './kind-guesses';
import type { PendingImport } from './pending-import';
import { readSkipLines } from './skip-lines';

/** The settings to inspect the file under; anything left out is detected. */
export interface InspectOverrides {
  encoding?: TextEncoding;
  dialect?: Partial<Dialect>;
}

/** What the preview needs from the page's state: the pending import, how to inspect a file and read the device's capacity, and where problems go. */
export interface PreviewHooks {
  /** the import pending now, as the state holds it (changes made to it show), or null */
  pending(): PendingImport | null;
  inspect(file: File, overrides: InspectOverrides): Promise<InspectResult>;
  /** whether a failed inspection was only interrupted: it says nothing then */
  interrupted(e: unknown): boolean;
  /** what is wrong, for the alert; null clears it */
  problem(text: string | null): void;
  /** what is wrong with the lines to skip the learner typed, for the form; null clears it */
  skipLinesProblem(text: string | null): void;
  /** the browser's free storage and the device's memory, each null when unknown */
  capacity(): Promise<Capacity>;
}

export class PendingPreview {
  readonly #hooks: PreviewHooks;
  /** the types the learner chose in the preview, against the inspection's guesses */
  readonly #kinds = new KindGuesses();

  constructor(hooks: PreviewHooks) {
    this.#hooks = hooks;
  }

  /** Read the pending file again under the settings `overrides` changes (encoding, delimiter, header, …), the others kept. */
  async change(overrides: InspectOverrides): Promise<void> {
    const pending = this.#hooks.pending();
    if (!pending) return;
    const current = pending.inspection;
    await this.reread(pending, { encoding: overrides.encoding ?? current.encoding, dialect: { ...current.dialect, ...overrides.dialect } });
  }

  /**
   * Skip `text` lines before the header (the learner's input): read the pending file again from the
   * line after them, the separator, quote, header and decimal comma detected again there; or say
   * in the form why the count cannot be used, reading nothing.
   */
  async skipLines(text: string): Promise<void> {
    const pending = this.#hooks.pending();
    if (!pending) return;
    const { inspection } = pending;
    const read = readSkipLines(text, inspection.sampleLines, inspection.size <= HEAD_BYTES);
    if (!read.ok) {
      this.#hooks.skipLinesProblem(read.problem);
      return;
    }
    this.#hooks.skipLinesProblem(null);
    if (read.lines === (inspection.dialect.skipLines ?? 0)) return;
    await this.reread(pending, { encoding: inspection.encoding, dialect: { skipLines: read.lines } });
  }

  /**
   * Inspect the pending file again under `overrides` (anything left out is detected), and show it;
   * true when it is shown. `keepKinds` keeps the types the learner chose, where the columns are as many.
   */
  async reread(pending: PendingImport, overrides: InspectOverrides, keepKinds = false): Promise<boolean> {
    try {
      const result = await this.#hooks.inspect(pending.file, overrides);
      if (this.#hooks.pending() !== pending) return false; // closed, or another file chosen, meanwhile
      if (!result.ok) {
        this.#hooks.problem(result.problem);
        return false;
      }
      this.#hooks.problem(null);
      const after = result.inspection;
      if (keepKinds) this.#kinds.keepChosen(pending.inspection, after);
      pending.inspection = after;
      await this.checkCapacity();
      return true;
    } catch (e) {
      if (this.#hooks.pending() === pending && !this.#hooks.interrupted(e)) this.#hooks.problem(describeError(e));
      return false;
    }
  }

  /** Column `index` of the pending file is read as `kind`. */
  chooseKind(index: number, kind: ColumnKind): void {
    const inspection = this.#hooks.pending()?.inspection;
    if (!inspection?.columns[index]) return;
    this.#kinds.choose(inspection, index, kind);
    void this.checkCapacity();
  }

  /** What the pending import's columns take, and why it will not fit here (disk, memory), or null. */
  async checkCapacity(): Promise<void> {
    const pending = this.#hooks.pending();
    if (!pending) return;
    const bytes = estimateImportBytes(pending.inspection);
    const capacity = await this.#hooks.capacity();
    pending.estimatedBytes = bytes;
    pending.capacity = capacityProblem(bytes, capacity);
  }
}
