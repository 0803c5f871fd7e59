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

  readonly #data: DataState;

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
    this.merging = true;
    try {
      const result = await callImportWorker<MergePreviewResult>((w) => w.previewMerge({ ...request, parentId: id }));
      if (result.ok) this.preview = { ...result, parentId: id, otherFile: request.file.name };
      else this.error = result.problem;
    } catch (e) {
      this.error = e instanceof WorkerCancelled ? null : describeError(e);
    } finally {
      this.merging = false;
    }
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
    void callImportWorker((w) => w.discardMerge()).catch(() => undefined);
  }

  /** Stop reading the second file. */
  cancel(): void {
    cancelImportWorker();
  }
}
