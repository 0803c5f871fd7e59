/**
 * Appending or joining a second file to the active dataset: the file is read and combined in
 * the import worker, previewed, and only then stored, as a child of the dataset, through
 * DataState, which makes it the active dataset. Made beside the DataState, by the stage's view.
 */
import { describeError } from '../shared/errors';
import { callImportWorker, callImportWorkerThroughCancels, cancelImportWorker, WorkerCancelled } from '../workers/import-client';
import type { DerivedOutcome, MergePreviewResult, MergeRequest } from '../workers/import-protocol';
import type { DataState } from './data.svelte';
import type { TextEncoding } from './dialect';
import type { InspectResult } from './inspect';
import { keepsNotUtf8 } from './not-utf8-choice';

export type MergePreview = Extract<MergePreviewResult, { ok: true }> & { parentId: string; otherFile: string };

/** A merge as the panel asks for it: the encoding is the state's, the file's chosen or detected one. */
type MergeAsked = Omit<MergeRequest, 'parentId' | 'encoding'>;

export class MergeState {
  /** a second file being read */
  merging = $state(false);
  /** why the second file cannot be read (its columns), or null: kept until another file is chosen or it reads well */
  #fileProblem = $state<string | null>(null);
  /** why the last merge could not be previewed, or null: it goes with the preview */
  #previewProblem = $state<string | null>(null);
  /** what the alert says: why the file cannot be read (the root of any other problem), else why the last merge could not be previewed */
  get error(): string | null {
    return this.#fileProblem ?? this.#previewProblem;
  }
  /** the merge previewed, waiting to be applied */
  preview = $state.raw<MergePreview | null>(null);
  /** the last preview stopped on bytes that are not UTF-8 past the file's start: offer Windows-1252, or UTF-8 anyway */
  canChooseEncoding = $state(false);
  /** the second file's column names, read in `encoding` (none until it is read, or when it cannot be: the alert says why) */
  fileColumns = $state.raw<string[]>([]);
  /** the encoding the second file is read in: detected from its start, until the learner chooses one; null until it is read */
  encoding = $state<TextEncoding | null>(null);
  /** the second file starts with a UTF-8 byte order mark */
  bom = $state(false);

  readonly #data: DataState;
  /** the last merge asked for, previewed again in the encoding the learner answers with */
  #request: MergeAsked | null = null;
  #file: File | null = null;
  /** what the file's start reads as, and the encoding the learner chose (undefined: the detected one) */
  #detected: TextEncoding | null = null;
  #chosen: TextEncoding | undefined;
  /** Changed by each read of the file's columns: a read overtaken by a newer one is dropped. */
  #columnsRead = 0;

  constructor(data: DataState) {
    this.#data = data;
  }

  /** Take `file` as the second file (null: none): forget the last one's preview and encoding, and read its columns, detecting its encoding. */
  async choose(file: File | null): Promise<void> {
    this.discardPreview();
    this.#fileProblem = null;
    this.#file = file;
    this.#request = null;
    this.#detected = null;
    this.#chosen = undefined;
    this.fileColumns = [];
    this.encoding = null;
    this.bom = false;
    this.#columnsRead++; // a read of the last file still in flight is dropped
    if (file && (await this.#readColumns(file))) this.#detected = this.encoding;
  }

  /**
   * Read the second file in `encoding` from now on, as the import preview's encoding list does:
   * its column names again and, when a preview of it is shown or stopped on a problem, that
   * preview again, a join still on the same key column, whatever its name now reads as. Nothing
   * is stored until the merge is applied.
   */
  async readAs(encoding: TextEncoding): Promise<void> {
    this.#chosen = encoding;
    this.encoding = encoding;
    const again = this.#request && (this.preview || this.error) ? this.#request : null;
    const before = this.fileColumns;
    const file = this.#file;
    if (file && !(await this.#readColumns(file, encoding))) return;
    // Not when another preview was asked for meanwhile: it is read in this encoding already.
    if (!again || this.#request !== again) return;
    const { keepNotUtf8: _, ...request } = again;
    const at = request.rightKey === undefined ? -1 : before.indexOf(request.rightKey);
    await this.show(at >= 0 && this.fileColumns[at] !== undefined ? { ...request, rightKey: this.fileColumns[at] } : request);
  }

  /** The file's column names (and its encoding and BOM) read in `encoding`, or as detected; false when overtaken or unreadable (the alert says why). */
  async #readColumns(file: File, encoding?: TextEncoding): Promise<boolean> {
    const read = ++this.#columnsRead;
    try {
      const result = await callImportWorkerThroughCancels<InspectResult>((w) => w.inspect(file, encoding ? { encoding } : {}));
      if (read !== this.#columnsRead) return false;
      if (!result.ok) {
        this.#fileProblem = result.problem;
        return false;
      }
      this.#fileProblem = null;
      this.fileColumns = result.inspection.columns.map((c) => c.name);
      this.encoding = result.inspection.encoding;
      this.bom = result.inspection.bom;
      return true;
    } catch (e) {
      if (read === this.#columnsRead) this.#fileProblem = e instanceof WorkerCancelled ? null : describeError(e);
      return false;
    }
  }

  /** Read a second file, in the encoding chosen for it or else detected, and preview it combined with the active dataset (nothing is stored yet). */
  async show(request: MergeAsked): Promise<void> {
    const id = this.#data.active?.id;
    if (!id) return;
    this.#previewProblem = null;
    this.preview = null;
    this.canChooseEncoding = false;
    this.#request = request;
    this.merging = true;
    const keepNotUtf8 = keepsNotUtf8(request.keepNotUtf8 ?? false, this.#chosen, this.#detected);
    const asked: MergeRequest = { ...request, parentId: id, ...(this.#chosen ? { encoding: this.#chosen } : {}), ...(keepNotUtf8 ? { keepNotUtf8 } : {}) };
    try {
      const result = await callImportWorker<MergePreviewResult>((w) => w.previewMerge(asked));
      if (result.ok) this.preview = { ...result, parentId: id, otherFile: request.file.name };
      else {
        this.#previewProblem = result.problem;
        this.canChooseEncoding = result.reason === 'not-utf8';
      }
    } catch (e) {
      this.#previewProblem = e instanceof WorkerCancelled ? null : describeError(e);
    } finally {
      this.merging = false;
    }
  }

  /** The preview stopped on bytes that are not UTF-8: read the file as Windows-1252 from now on, and preview the same merge in it. */
  showAsWindows1252(): Promise<void> {
    this.canChooseEncoding = false;
    return this.readAs('windows-1252');
  }

  /** The preview stopped on bytes that are not UTF-8: preview it as UTF-8 all the same, those bytes read as '\uFFFD'. */
  showKeepingUtf8(): Promise<void> {
    return this.#request ? this.show({ ...this.#request, keepNotUtf8: true }) : Promise.resolve();
  }

  /** Store the previewed merge as a child of its dataset, and make it active. */
  async apply(name: string): Promise<boolean> {
    const preview = this.preview;
    if (!preview) return false;
    const done = await this.#data.derive(() => callImportWorker<DerivedOutcome>((w) => w.applyMerge(preview.token, name)));
    if (done) this.preview = null;
    return done;
  }

  /**
   * Forget the preview and why it failed (the way to merge or a key changed), not a problem with
   * the file itself, which stays the reason Preview is off. Choosing no file (`choose(null)`) forgets all.
   */
  discardPreview(): void {
    this.preview = null;
    this.#previewProblem = null;
    this.canChooseEncoding = false;
    void callImportWorker((w) => w.discardMerge()).catch(() => undefined);
  }

  /** Stop reading the second file. */
  cancel(): void {
    cancelImportWorker();
  }
}
