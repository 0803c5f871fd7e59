/**
 * The Data stage's state: the project's datasets (live), and the import flow
 * choose a file → inspect (preview, detected settings) → adjust → import with progress → done.
 * Appending or joining a second file is MergeState's (merge.svelte.ts), made beside it. Construct
 * it during a component's initialisation (it sets up effects). What is decided without runes lives
 * in pure files: the pending import (pending-import.ts), the types chosen in its preview
 * (kind-guesses.ts), the preview read again as the learner adjusts its settings, lines to skip and
 * types (pending-preview.ts) and which profile is shown or computed (profile-wishes.ts).
 */
import type { ColumnKind } from '../shared/column';
import { describeError } from '../shared/errors';
import { getDb, watch } from '../storage/database';
import type { LooplabDB } from '../storage/schema';
import { deleteDataset, findDatasetByHash, listDatasets, setActiveDataset } from '../storage/datasets';
import { getProject } from '../storage/projects';
import { getProfile } from '../storage/profiles';
import { getRecipe } from '../storage/recipes';
import { listRuns } from '../storage/runs';
import { editsOnlyOn } from '../prepare/edits-only-on';
import { normalizePlan } from '../plan/plan';
import { targetNotInDataset } from '../plan/target-column';
import type { DatasetRecipe, DatasetRow } from '../storage/rows';
import { callImportWorker, callImportWorkerThroughCancels, cancelImportWorker, workerCallback, WorkerCancelled } from '../workers/import-client';
import type { DerivedOutcome, ImportOutcome, ImportProgress, ImportTimings } from '../workers/import-protocol';
import type { Capacity, InspectResult, Inspection } from './inspect';
import { deletionNote } from './deletion';
import { importKeepsNotUtf8, type ImportStep, type PendingImport } from './pending-import';
import { PendingPreview, type InspectOverrides } from './pending-preview';
import { ProfileWishes } from './profile-wishes';
import { PROFILE_VERSION, type DatasetProfile } from './profile';
import type { SampleDataset } from './samples';
import type { ScatterResult } from './scatter-sample';

let lastJobId = 0;

/** The browser's free storage and the device's memory, each null when unknown (read here: pure files do not touch the browser). */
async function deviceCapacity(): Promise<Capacity> {
  let storageFree: number | null = null;
  try {
    const e = await navigator.storage?.estimate?.();
    if (e && e.quota !== undefined) storageFree = e.quota - (e.usage ?? 0);
  } catch {
    storageFree = null; // unknown: the import itself will report a full disk
  }
  const memory = (navigator as Navigator & { deviceMemory?: number }).deviceMemory;
  return { storageFree, deviceMemoryGb: memory ?? null };
}

export class DataState {
  datasets = $state.raw<DatasetRow[]>([]);
  activeDatasetId = $state<string | null>(null);
  loaded = $state(false);
  step = $state<ImportStep>('idle');
  pending = $state<PendingImport | null>(null);
  progress = $state.raw<ImportProgress | null>(null);
  /** the last problem, for a role="alert" element */
  error = $state<string | null>(null);
  /** the last import stopped on ragged rows: offer to skip them */
  canSkipRagged = $state(false);
  /** the last import stopped on bytes that are not UTF-8 past the file's start: offer Windows-1252, or UTF-8 anyway */
  canChooseEncoding = $state(false);
  /** what is wrong with the lines to skip the learner typed in the preview, or null */
  skipLinesProblem = $state<string | null>(null);
  /** what the last successful import noted (renamed headers, unreadable values) */
  notes = $state<string[]>([]);
  /** the last successful import: its size and where the time went */
  lastImport = $state.raw<{ rows: number; timings: ImportTimings } | null>(null);

  /** the plan's target column ('' when not chosen) */
  target = $state('');
  /** the active dataset's profile, once computed */
  profile = $state.raw<DatasetProfile | null>(null);
  profiling = $state(false);

  /** the dataset the later stages use: the chosen one, else the newest */
  active = $derived(this.datasets.find((d) => d.id === this.activeDatasetId) ?? this.datasets[0] ?? null);

  /** the active dataset's parent, when it was made from one still stored */
  parent = $derived(this.datasets.find((d) => d.id === this.active?.parentId) ?? null);
  /** a type change, append or join in progress */
  deriving = $state(false);

  /** why the plan's target is not a column of the active dataset; null when it is, or when no target is chosen */
  targetProblem = $derived(this.active ? targetNotInDataset(this.target, this.active.columns, this.active.name) : null);

  #activeId = $derived(this.active?.id ?? null);
  /** the target the profile's warnings are for: the plan's, when the active dataset has that column */
  #profileTarget = $derived(this.active?.columns.some((c) => c.name === this.target) ? this.target : null);

  readonly #projectId: string;
  readonly #db: LooplabDB;
  #jobId = 0;
  /** Changed by each file chosen and by closing the preview: an inspection overtaken by either is dropped. */
  #fileRequest = 0;
  /** which profile is shown, and which computed */
  readonly #profiles = new ProfileWishes({
    compute: (datasetId, target) => callImportWorkerThroughCancels<DatasetProfile>((w) => w.profile(datasetId, target)),
    // Still cancelled after retries: computed again when the dataset is next shown.
    interrupted: (e) => e instanceof WorkerCancelled,
    show: (profile) => (this.profile = profile),
    busy: (computing) => (this.profiling = computing),
    problem: (text) => (this.error = text),
  });
  /** the pending file read again under the settings and types the learner changes in its preview */
  readonly #preview = new PendingPreview({
    pending: () => this.pending,
    inspect: (file, overrides) => callImportWorkerThroughCancels<InspectResult>((w) => w.inspect(file, overrides)),
    interrupted: (e) => e instanceof WorkerCancelled,
    problem: (text) => (this.error = text),
    skipLinesProblem: (text) => (this.skipLinesProblem = text),
    capacity: deviceCapacity,
  });

  constructor(projectId: string, db: LooplabDB = getDb()) {
    this.#projectId = projectId;
    this.#db = db;
    const fail = (e: unknown) => (this.error = describeError(e));
    $effect(() =>
      watch(
        () => listDatasets(this.#db, projectId),
        (rows) => {
          this.datasets = rows;
          this.loaded = true;
        },
        fail,
      ),
    );
    $effect(() =>
      watch(
        () => getProject(this.#db, projectId),
        (p) => {
          this.activeDatasetId = p?.activeDatasetId ?? null;
          this.target = p ? normalizePlan(p.plan).target : '';
        },
        fail,
      ),
    );
    // The active dataset's profile: read from storage, computed in the worker when missing or stale.
    // It runs again only when the dataset or target changes, not whenever the dataset list does.
    $effect(() => {
      const id = this.#activeId;
      const target = this.#profileTarget;
      // Until storage answers, no profile rather than the previous dataset's.
      this.profileFound(null, null, null);
      if (!id) return;
      return watch(
        () => getProfile(this.#db, id),
        (row) => this.profileFound(id, target, row?.version === PROFILE_VERSION ? (row.profile as DatasetProfile) : null),
        fail,
      );
    });
  }

  /** Inspect a file the user picked or dropped, and show its preview. */
  async chooseFile(file: File, recipe: DatasetRecipe = { kind: 'import' }, datasetName = file.name.replace(/\.(csv|tsv|txt)$/i, '')): Promise<void> {
    this.#reset();
    const request = this.#fileRequest;
    const overtaken = () => request !== this.#fileRequest;
    this.step = 'inspecting';
    try {
      const [result, hash] = await Promise.all([
        callImportWorkerThroughCancels<InspectResult>((w) => w.inspect(file, {})),
        callImportWorkerThroughCancels<string>((w) => w.hash(file)),
      ]);
      if (overtaken()) return;
      if (!result.ok) {
        this.error = result.problem;
        this.step = 'idle';
        return;
      }
      const duplicateOf = (await findDatasetByHash(this.#db, this.#projectId, hash)) ?? null;
      if (overtaken()) return;
      this.pending = { file, inspection: result.inspection, detectedEncoding: result.inspection.encoding, datasetName, recipe, duplicateOf, capacity: null, estimatedBytes: 0, skipRagged: false, hash };
      await this.#preview.checkCapacity();
      if (overtaken()) return;
      this.step = 'preview';
    } catch (e) {
      if (overtaken()) return;
      this.error = e instanceof WorkerCancelled ? null : describeError(e);
      this.step = 'idle';
    }
  }

  /** Open a bundled sample: fetched from this site (it works offline once the app is loaded). */
  async openSample(sample: SampleDataset): Promise<void> {
    this.#reset();
    const request = this.#fileRequest;
    this.step = 'inspecting';
    try {
      const response = await fetch(sample.file);
      if (!response.ok) throw new Error(`the sample file answered ${response.status}`);
      const file = new File([await response.blob()], sample.file.split('/').pop()!, { type: 'text/csv' });
      if (request !== this.#fileRequest) return;
      await this.chooseFile(file, { kind: 'sample', sampleId: sample.id }, sample.name);
    } catch (e) {
      if (request !== this.#fileRequest) return;
      this.error = `The sample "${sample.name}" could not be opened. ${describeError(e)}`;
      this.step = 'idle';
    }
  }

  /** Re-read the preview under settings the user changed (encoding, delimiter, header, …). */
  async changeSettings(overrides: InspectOverrides): Promise<void> {
    await this.#preview.change(overrides);
  }

  /** The import stopped on bytes that are not UTF-8: read the file as Windows-1252, keeping the types chosen, and import it. */
  async importAsWindows1252(): Promise<void> {
    const pending = this.pending;
    if (!pending) return;
    this.canChooseEncoding = false;
    const { inspection } = pending;
    if (await this.#preview.reread(pending, { encoding: 'windows-1252', dialect: { ...inspection.dialect } }, true)) await this.startImport(pending.skipRagged);
  }

  /** The import stopped on bytes that are not UTF-8: import it as UTF-8 all the same, those bytes read as '\uFFFD'. */
  async importKeepingUtf8(): Promise<void> {
    const pending = this.pending;
    if (pending) await this.startImport(pending.skipRagged, true);
  }

  /** Skip `text` lines before the header (the learner's input), or say in the form why the count cannot be used. */
  async setSkipLines(text: string): Promise<void> {
    await this.#preview.skipLines(text);
  }

  /** Read column `index` of the pending file as `kind`. */
  setColumnKind(index: number, kind: ColumnKind): void {
    this.#preview.chooseKind(index, kind);
  }

  /** Import the pending file; `keepNotUtf8` stores it as UTF-8 even where bytes past its start are not. */
  async startImport(skipRagged = false, keepNotUtf8 = false): Promise<void> {
    const pending = this.pending;
    if (!pending) return;
    pending.skipRagged = skipRagged;
    this.error = null;
    this.canSkipRagged = false;
    this.canChooseEncoding = false;
    this.step = 'importing';
    const jobId = (this.#jobId = ++lastJobId);
    this.progress = null;
    // Closed when the answer is in: a late progress call must not set progress again (worker-handle.ts).
    const onProgress = workerCallback((p: ImportProgress) => {
      if (p.jobId === this.#jobId) this.progress = p;
    });
    try {
      const outcome = await callImportWorker<ImportOutcome>((w) =>
        w.importFile(
          {
            jobId,
            projectId: this.#projectId,
            datasetName: pending.datasetName.trim() || pending.file.name,
            file: pending.file,
            inspection: $state.snapshot(pending.inspection) as Inspection,
            skipRagged,
            recipe: $state.snapshot(pending.recipe) as DatasetRecipe,
            hash: pending.hash,
            keepNotUtf8: importKeepsNotUtf8(pending, keepNotUtf8),
          },
          onProgress,
        ),
      );
      if (jobId !== this.#jobId) return;
      if (!outcome.ok) {
        this.error = outcome.problem;
        this.canSkipRagged = outcome.reason === 'ragged';
        this.canChooseEncoding = outcome.reason === 'not-utf8';
        this.step = 'preview';
        return;
      }
      this.notes = outcome.notes;
      this.lastImport = { rows: outcome.rowCount, timings: outcome.timings };
      this.pending = null;
      this.step = 'idle';
      await setActiveDataset(this.#db, this.#projectId, outcome.datasetId);
    } catch (e) {
      if (jobId !== this.#jobId) return;
      // A cancelled import stored nothing: back to the preview, without an alarm.
      this.error = e instanceof WorkerCancelled ? null : describeError(e);
      this.step = 'preview';
    } finally {
      onProgress.close();
      this.progress = null;
    }
  }

  /** Cancel the running import (nothing is stored), or close the preview or the file being inspected. */
  cancel(): void {
    if (this.step === 'importing') {
      cancelImportWorker();
      return;
    }
    this.#reset();
  }

  /** Rows [start, start + count) of the active dataset as text, for the scrolling table. */
  async tableRows(start: number, count: number): Promise<string[][] | null> {
    const id = this.active?.id;
    if (!id) return null;
    try {
      return await callImportWorkerThroughCancels<string[][]>((w) => w.rows(id, start, count));
    } catch (e) {
      // Still cancelled after retries: the next scroll asks again.
      if (!(e instanceof WorkerCancelled)) this.error = describeError(e);
      return null;
    }
  }

  /** Store a child of the active dataset with one column read as another kind, and make it active; false when it could not (the alert says why). */
  async retype(column: string, to: ColumnKind): Promise<boolean> {
    const id = this.active?.id;
    if (!id) return false;
    // Nothing is stored unless the worker finishes, so a retype a cancel interrupted is simply asked again.
    return this.derive(() => callImportWorkerThroughCancels<DerivedOutcome>((w) => w.retype(id, column, to)));
  }

  /** Store the dataset `make` derives from the active one (a type change, a merge), and make it active; false when it could not (the alert says why). */
  async derive(make: () => Promise<DerivedOutcome>): Promise<boolean> {
    this.#reset();
    this.deriving = true;
    try {
      const outcome = await make();
      if (!outcome.ok) {
        this.error = outcome.problem;
        return false;
      }
      this.notes = outcome.notes;
      await setActiveDataset(this.#db, this.#projectId, outcome.datasetId);
      return true;
    } catch (e) {
      this.error = describeError(e);
      return false;
    } finally {
      this.deriving = false;
    }
  }

  /** A sampled scatter of two columns of the active dataset, coloured by `colour`. */
  async scatter(x: string, y: string, colour: string | null): Promise<ScatterResult> {
    const id = this.active?.id;
    if (!id) return { ok: false, problem: 'There is no dataset to plot.' };
    try {
      return await callImportWorkerThroughCancels<ScatterResult>((w) => w.scatter(id, x, y, colour));
    } catch (e) {
      return { ok: false, problem: e instanceof WorkerCancelled ? 'The plot was interrupted. Choose the columns again to draw it.' : describeError(e) };
    }
  }

  /**
   * Show the profile storage holds for the active dataset `datasetId` (`stored`, null when there
   * is none), or compute it when there is none with warnings for `target`. The effect calls this
   * whenever the active dataset, the target or the stored profile changes; null when no dataset.
   */
  profileFound(datasetId: string | null, target: string | null, stored: DatasetProfile | null): void {
    this.#profiles.found(datasetId, target, stored);
  }

  /** What deleting the dataset would leave behind, in words for its confirmation (deletion.ts); null when nothing, or when it cannot be read. */
  async whatDeletingLeaves(id: string): Promise<string | null> {
    const dataset = this.datasets.find((d) => d.id === id);
    if (!dataset) return null;
    try {
      const [recipe, runs] = await Promise.all([getRecipe(this.#db, this.#projectId), listRuns(this.#db, this.#projectId)]);
      return deletionNote(editsOnlyOn(recipe?.recipe, dataset, this.datasets), runs.filter((r) => r.datasetId === id).length);
    } catch {
      return null; // the question is still asked, without the count
    }
  }

  async remove(id: string): Promise<void> {
    try {
      await deleteDataset(this.#db, id);
    } catch (e) {
      this.error = describeError(e);
    }
  }

  async use(id: string): Promise<void> {
    try {
      await setActiveDataset(this.#db, this.#projectId, id);
    } catch (e) {
      this.error = describeError(e);
    }
  }

  #reset(): void {
    this.#fileRequest++;
    this.pending = null;
    this.error = null;
    this.canSkipRagged = false;
    this.canChooseEncoding = false;
    this.skipLinesProblem = null;
    this.notes = [];
    this.lastImport = null;
    this.step = 'idle';
  }
}
