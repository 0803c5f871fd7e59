/**
 * Appending or joining a second file to the active dataset: the file is read and combined in
 * the import worker, previewed, and only then stored, as a child of the dataset, through
 * DataState, which makes it the active dataset. Made beside the DataState, by the stage's view.
 */
import { describeError } from '../shared/errors';
import { callImportWorker, callImportWorkerThroughCancels, cancelImportWorker, WorkerCancelled } from '../workers/import-client';
import type { DerivedOutcome, MergePreviewResult, MergeRequest } from '../workers/import-protocol';
import type { DataState } from './data.svelte';
import type { InspectResult } from './inspect';

export type MergePreview = Extract<MergePreviewResult, { ok: true }> & { parentId: string; otherFile: string };

export class MergeState {
  /** a second file being read */
  merging = $state(false);
  /** why the last merge could not be previewed */
  error = $state<string | null>(null);
  /** the merge previewed, waiting to be applied */
  preview = $state.raw<MergePreview | null>(null);
  /** the last preview stopped on bytes that are not UTF-8 past the file's start: offer Windows-1252, or UTF-8 anyway */
  canChooseEncoding = $state(false);

  readonly #data: DataState;
  /** the last merge asked for, previewed again in the encoding the learner answers with */
  #request: Omit<MergeRequest, 'parentId'> | null = null;

  constructor(data: DataState) {
    this.#data = data;
  }

  /** The column names of a second file, for choosing a join key; null when it cannot be read (the alert says why). */
  async columnsOf(file: File): Promise<string[] | null> {
    try {
      const result = await callImportWorkerThroughCancels<InspectResult>((w) => w.inspect(file, {}));
      if (result.ok) return result.inspection.columns.map((c) => c.name);
      this.error = result.problem;
    } catch (e) {
      this.error = e instanceof WorkerCancelled ? null : describeError(e);
    }
    return null;
  }

  /** Read a second file and preview it combined with the active dataset (nothing is stored yet). */
  async show(request: Omit<MergeRequest, 'parentId'>): Promise<void> {
    const id = this.#data.active?.id;
    if (!id) return;
    this.error = null;
    this.preview = null;
    this.canChooseEncoding = false;
    this.#request = request;
    this.merging = true;
    try {
      const result = await callImportWorker<MergePreviewResult>((w) => w.previewMerge({ ...request, parentId: id }));
      if (result.ok) this.preview = { ...result, parentId: id, otherFile: request.file.name };
      else {
        this.error = result.problem;
        this.canChooseEncoding = result.reason === 'not-utf8';
      }
    } catch (e) {
      this.error = e instanceof WorkerCancelled ? null : describeError(e);
    } finally {
      this.merging = false;
    }
  }

  /** The preview stopped on bytes that are not UTF-8: preview the same merge with the file read as Windows-1252. */
  showAsWindows1252(): Promise<void> {
    return this.#request ? this.show({ ...this.#request, encoding: 'windows-1252' }) : Promise.resolve();
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

  discard(): void {
    this.preview = null;
    this.error = null;
    this.canChooseEncoding = false;
    void callImportWorker((w) => w.discardMerge()).catch(() => undefined);
  }

  /** Stop reading the second file. */
  cancel(): void {
    cancelImportWorker();
  }
}
