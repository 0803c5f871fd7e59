/**
 * The Data stage's state: the project's datasets (live), and the import flow
 * choose a file → inspect (preview, detected settings) → adjust → import with progress → done.
 * Appending or joining a second file is MergeState's (merge.svelte.ts), made beside it. Construct
 * it during a component's initialisation (it sets up effects).
 */
import type { ColumnKind } from '../shared/column';
import { describeError } from '../shared/errors';
import { getDb, watch } from '../storage/database';
import { deleteDataset, findDatasetByHash, listDatasets, setActiveDataset } from '../storage/datasets';
import { getProject } from '../storage/projects';
import { getProfile } from '../storage/profiles';
import { normalizePlan } from '../plan/plan';
import type { DatasetRecipe, DatasetRow } from '../storage/rows';
import { callImportWorker, cancelImportWorker, workerCallback, WorkerCancelled } from '../workers/import-client';
import type { DerivedOutcome, ImportOutcome, ImportProgress, ImportTimings } from '../workers/import-protocol';
import type { Dialect, TextEncoding } from './dialect';
import { capacityProblem, estimateImportBytes, type InspectResult, type Inspection } from './inspect';
import { PROFILE_VERSION, type DatasetProfile } from './profile';
import type { SampleDataset } from './samples';
import type { ScatterResult } from './scatter-sample';

export interface PendingImport {
  file: File;
  inspection: Inspection;
  datasetName: string;
  recipe: DatasetRecipe;
  /** a dataset of this project made from the very same bytes */
  duplicateOf: DatasetRow | null;
  /** why the import will not fit, or null */
  capacity: string | null;
  /** bytes the columns will take */
  estimatedBytes: number;
  skipRagged: boolean;
  /** xxhash64 of the file, computed while the preview was prepared */
  hash: string;
}

export type ImportStep = 'idle' | 'inspecting' | 'preview' | 'importing';

let lastJobId = 0;

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

  readonly #projectId: string;
  readonly #db = getDb();
  #jobId = 0;

  constructor(projectId: string) {
    this.#projectId = projectId;
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
    $effect(() => {
      const id = this.active?.id;
      const target = this.active?.columns.some((c) => c.name === this.target) ? this.target : null;
      if (!id) {
        this.profile = null;
        return;
      }
      return watch(
        () => getProfile(this.#db, id),
        (row) => {
          const stored = row?.version === PROFILE_VERSION ? (row.profile as DatasetProfile) : null;
          if (stored && stored.target === target) this.profile = stored;
          else void this.#computeProfile(id, target);
        },
        fail,
      );
    });
  }

  /** Inspect a file the user picked or dropped, and show its preview. */
  async chooseFile(file: File, recipe: DatasetRecipe = { kind: 'import' }, datasetName = file.name.replace(/\.(csv|tsv|txt)$/i, '')): Promise<void> {
    this.#reset();
    this.step = 'inspecting';
    try {
      const [result, hash] = await Promise.all([
        callImportWorker<InspectResult>((w) => w.inspect(file, {})),
        callImportWorker<string>((w) => w.hash(file)),
      ]);
      if (!result.ok) {
        this.error = result.problem;
        this.step = 'idle';
        return;
      }
      const duplicateOf = (await findDatasetByHash(this.#db, this.#projectId, hash)) ?? null;
      this.pending = { file, inspection: result.inspection, datasetName, recipe, duplicateOf, capacity: null, estimatedBytes: 0, skipRagged: false, hash };
      await this.#checkCapacity();
      this.step = 'preview';
    } catch (e) {
      this.error = describeError(e);
      this.step = 'idle';
    }
  }

  /** Open a bundled sample: fetched from this site (it works offline once the app is loaded). */
  async openSample(sample: SampleDataset): Promise<void> {
    this.#reset();
    try {
      const response = await fetch(sample.file);
      if (!response.ok) throw new Error(`the sample file answered ${response.status}`);
      const file = new File([await response.blob()], sample.file.split('/').pop()!, { type: 'text/csv' });
      await this.chooseFile(file, { kind: 'sample', sampleId: sample.id }, sample.name);
    } catch (e) {
      this.error = `The sample "${sample.name}" could not be opened. ${describeError(e)}`;
      this.step = 'idle';
    }
  }

  /** Re-read the preview under settings the user changed (encoding, delimiter, header, …). */
  async changeSettings(overrides: { encoding?: TextEncoding; dialect?: Partial<Dialect> }): Promise<void> {
    const pending = this.pending;
    if (!pending) return;
    const current = pending.inspection;
    try {
      const result = await callImportWorker<InspectResult>((w) =>
        w.inspect(pending.file, { encoding: overrides.encoding ?? current.encoding, dialect: { ...current.dialect, ...overrides.dialect } }),
      );
      if (!result.ok) {
        this.error = result.problem;
        return;
      }
      this.error = null;
      pending.inspection = result.inspection;
      await this.#checkCapacity();
    } catch (e) {
      this.error = describeError(e);
    }
  }

  setColumnKind(index: number, kind: ColumnKind): void {
    const column = this.pending?.inspection.columns[index];
    if (!column) return;
    column.kind = kind;
    column.reason = 'You chose this type.';
    void this.#checkCapacity();
  }

  async startImport(skipRagged = false): Promise<void> {
    const pending = this.pending;
    if (!pending) return;
    pending.skipRagged = skipRagged;
    this.error = null;
    this.canSkipRagged = false;
    this.step = 'importing';
    const jobId = (this.#jobId = ++lastJobId);
    this.progress = null;
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
          },
          workerCallback((p: ImportProgress) => {
            if (p.jobId === this.#jobId) this.progress = p;
          }),
        ),
      );
      if (jobId !== this.#jobId) return;
      if (!outcome.ok) {
        this.error = outcome.problem;
        this.canSkipRagged = outcome.reason === 'ragged';
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
      this.progress = null;
    }
  }

  /** Cancel the running import (nothing is stored) or close the preview. */
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
      return await callImportWorker<string[][]>((w) => w.rows(id, start, count));
    } catch (e) {
      this.error = describeError(e);
      return null;
    }
  }

  /** Store a child of the active dataset with one column read as another kind, and make it active. */
  async retype(column: string, to: ColumnKind): Promise<void> {
    const id = this.active?.id;
    if (!id) return;
    await this.derive(() => callImportWorker<DerivedOutcome>((w) => w.retype(id, column, to)));
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
      return await callImportWorker<ScatterResult>((w) => w.scatter(id, x, y, colour));
    } catch (e) {
      return { ok: false, problem: describeError(e) };
    }
  }

  async #computeProfile(datasetId: string, target: string | null): Promise<void> {
    if (this.profiling) return;
    this.profiling = true;
    try {
      this.profile = await callImportWorker<DatasetProfile>((w) => w.profile(datasetId, target));
    } catch (e) {
      this.error = `The profile of this dataset could not be computed. ${describeError(e)}`;
    } finally {
      this.profiling = false;
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
    this.pending = null;
    this.error = null;
    this.canSkipRagged = false;
    this.notes = [];
    this.lastImport = null;
    this.step = 'idle';
  }

  async #checkCapacity(): Promise<void> {
    const pending = this.pending;
    if (!pending) return;
    const bytes = estimateImportBytes(pending.inspection);
    let storageFree: number | null = null;
    try {
      const e = await navigator.storage?.estimate?.();
      if (e && e.quota !== undefined) storageFree = e.quota - (e.usage ?? 0);
    } catch {
      storageFree = null; // unknown: the import itself will report a full disk
    }
    const memory = (navigator as Navigator & { deviceMemory?: number }).deviceMemory;
    pending.estimatedBytes = bytes;
    pending.capacity = capacityProblem(bytes, { storageFree, deviceMemoryGb: memory ?? null });
  }
}
