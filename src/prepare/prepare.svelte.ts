/**
 * The Prepare stage's state: the recipe being edited, with undo and redo; a save of a new
 * version after every change; and the worker's report on it (split, fitted steps, preview,
 * augmentation), recomputed after each change, one request at a time.
 *
 * A change that makes a step unable to apply is refused, with the reason, and the pipeline
 * stays as it was: every change is tried in the worker before it is committed. Before that, the
 * split and augmentation settings it touches are checked strictly (a cleared field is refused,
 * never read as a default), so nothing invalid is tried or stored.
 *
 * Another tab may edit the same recipe. Each save names the version it was based on and is
 * refused when another tab saved since; the page then shows the stored recipe and says the change
 * was not applied. The recipe row is watched, so an idle tab shows the other tab's versions too.
 * Either way the undo and redo history starts afresh: it held recipes from before the other
 * tab's change, and undoing into one of them would silently drop that change.
 * Construct it during a component's initialisation (it sets up effects).
 */
import { describeError } from '../shared/errors';
import { newId } from '../shared/ids';
import { getDb, watch } from '../storage/database';
import { activeDataset, listDatasets } from '../storage/datasets';
import { getRecipe, RECIPE_HISTORY, RecipeChangedElsewhere, saveRecipe } from '../storage/recipes';
import { listRuns } from '../storage/runs';
import type { DatasetRow } from '../storage/rows';
import type { LooplabDB } from '../storage/schema';
import { callPrepareWorker, cancelPrepareWorker } from '../workers/prepare-client';
import type { EditableRows, PrepareProgress, PrepareReport, TaskKind } from '../workers/prepare-protocol';
import { WorkerCancelled, workerCallback } from '../workers/worker-handle';
import type { Condition } from './condition';
import { checkChange, defaultRecipe, normalizeRecipe, type Recipe } from './recipe';
import { ChangeRefused, stepOf } from './recipe-draft';
import { recipeVersions, runsByVersion, type RecipeVersionEntry } from './recipe-history';
import { newlyBroken } from './newly-broken';
import { moveProblem } from './step-order';
import { columnDateOrder, withConditionDateOrder } from './typed-date';
import { relabelProbe } from './relabel-probe';
import { keepUndo, keptUndo, type KeptUndo } from './undo-memory';
import { UndoHistory, type Direction } from './undo-history';
import { appendChange, madeOn, withoutChange, type Change, type Relabel } from './steps/edit-cells';
import { cellEditedNote, EDITS_SWITCHED_ON, lookalikeNote, unmatchedRelabel } from './steps/edit-notes';

export type SaveState = 'saved' | 'saving' | 'error';

const SHOWN_AS_NOW = 'The recipe was changed in another tab: it is shown as it is now.';
const NOT_APPLIED = `${SHOWN_AS_NOW} Your last change was not applied; make it again.`;

const clone = (recipe: Recipe): Recipe => JSON.parse(JSON.stringify(recipe)) as Recipe;

export class PrepareState {
  /** undefined while loading, null when the project has no dataset */
  dataset = $state.raw<DatasetRow | null | undefined>(undefined);
  /** the project's datasets: the Labels panel names the one an edit left out here was made on */
  datasets = $state.raw<DatasetRow[]>([]);
  recipe = $state.raw<Recipe | null>(null);
  /** the stored version of the recipe */
  version = $state(0);
  report = $state.raw<PrepareReport | null>(null);
  progress = $state.raw<PrepareProgress | null>(null);
  computing = $state(false);
  /** why the last change was refused, and which form it came from */
  refused = $state.raw<{ where: string; problem: string } | null>(null);
  error = $state<string | null>(null);
  saveState = $state<SaveState>('saved');
  previewStepId = $state<string | null>(null);
  scatter = $state.raw<[string, string] | null>(null);
  canUndo = $state(false);
  canRedo = $state(false);
  /** the stored versions, newest first, with what each changed (the History panel) */
  versions = $state.raw<RecipeVersionEntry[]>([]);
  /** the names of the runs trained with each version (a run keeps the version it was trained with) */
  trainedWith = $state.raw<Record<number, string[]>>({});
  /** another tab's version replaced this tab's recipe; `refused`: this tab's last change was not saved */
  changedElsewhere = $state.raw<{ message: string; refused: boolean } | null>(null);

  readonly target: string | null;
  readonly task: TaskKind | null;
  readonly #projectId: string;
  readonly #db: LooplabDB;
  readonly #history = new UndoHistory<Recipe>();
  /** per `joinAs` key, the number of the latest change asked for: an earlier one still queued is skipped */
  #joinTickets: Record<string, number> = {};
  #queue: Promise<unknown> = Promise.resolve();
  #seed: number;

  get projectId(): string {
    return this.#projectId;
  }

  constructor(projectId: string, plan: { target: string; taskType: string }, seed: number, db: LooplabDB = getDb()) {
    this.#projectId = projectId;
    this.#db = db;
    this.#seed = seed;
    this.target = plan.target || null;
    this.task = plan.taskType === 'regression' ? 'regression' : plan.taskType === 'binary' || plan.taskType === 'multiclass' ? 'classification' : null;
    $effect(() =>
      watch(
        () => activeDataset(db, projectId),
        (d) => {
          const changed = d?.id !== this.dataset?.id;
          this.dataset = d;
          if (changed) void this.#load();
        },
        (e) => (this.error = describeError(e)),
      ),
    );
    $effect(() =>
      watch(
        () => getRecipe(db, projectId),
        (row) => {
          // Version 1 is compared with the default recipe of either task: the plan's task may have changed since.
          const starts = [defaultRecipe(this.#seed, true), defaultRecipe(this.#seed, false)];
          this.versions = recipeVersions(row, (raw) => normalizeRecipe(raw, this.#seed, this.task === 'classification'), starts);
          if (this.recipe && (row?.version ?? 0) !== this.version) void this.sync();
        },
        (e) => (this.error = describeError(e)),
      ),
    );
    $effect(() =>
      watch(
        () => listDatasets(db, projectId),
        (list) => (this.datasets = list),
        (e) => (this.error = describeError(e)),
      ),
    );
    $effect(() =>
      watch(
        () => listRuns(db, projectId),
        (runs) => (this.trainedWith = runsByVersion(runs)),
        (e) => (this.error = describeError(e)),
      ),
    );
    $effect(() => () => cancelPrepareWorker());
  }

  /** Show the stored recipe when another tab saved a version this tab does not show. */
  sync(): Promise<void> {
    return this.#enqueue(async () => {
      const row = await getRecipe(this.#db, this.#projectId);
      if (this.recipe && (row?.version ?? 0) !== this.version) await this.#replaceWithStored(false);
    });
  }

  /** The stored recipe replaces this tab's, with a fresh undo history and report (inside the queue). */
  async #replaceWithStored(refused: boolean): Promise<void> {
    const row = await getRecipe(this.#db, this.#projectId);
    const recipe = normalizeRecipe(row?.recipe, this.#seed, this.task === 'classification');
    this.recipe = recipe;
    this.version = row?.version ?? 0;
    this.#takeUpUndo({ version: this.version, datasetId: this.dataset?.id ?? null, undo: [], redo: [] });
    this.refused = null;
    this.saveState = 'saved';
    this.changedElsewhere = { message: refused ? NOT_APPLIED : SHOWN_AS_NOW, refused };
    this.labelsNotice = null;
    if (this.previewStepId && !recipe.steps.some((s) => s.id === this.previewStepId)) this.previewStepId = null;
    const report = await this.#ask(recipe);
    if (report && this.recipe === recipe) this.report = report;
  }

  #enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #load(): Promise<void> {
    try {
      const row = await getRecipe(this.#db, this.#projectId);
      this.recipe = normalizeRecipe(row?.recipe, this.#seed, this.task === 'classification');
      this.version = row?.version ?? 0;
      // Prepare left and come back to: its undo and redo are taken up again, unless a version was saved since.
      this.#takeUpUndo(keptUndo(this.#projectId, this.version, this.dataset?.id ?? null));
      await this.refresh();
    } catch (e) {
      this.error = describeError(e);
    }
  }

  /** The worker's report on a recipe (or null when cancelled or failed, with the error shown). */
  async #ask(recipe: Recipe): Promise<PrepareReport | null> {
    const dataset = this.dataset;
    if (!dataset) return null;
    this.computing = true;
    // Closed when the answer is in: a late progress call would show this report's phase at the start of the next.
    const onProgress = workerCallback((p: PrepareProgress) => (this.progress = p));
    try {
      const request = { datasetId: dataset.id, recipe, target: this.target, task: this.task, previewStepId: this.previewStepId, scatter: this.scatter };
      return await callPrepareWorker<PrepareReport>((api) => api.report(request, onProgress));
    } catch (e) {
      if (!(e instanceof WorkerCancelled)) this.error = describeError(e);
      return null;
    } finally {
      onProgress.close();
      this.computing = false;
      this.progress = null;
    }
  }

  /** Recompute the report for the current recipe (after the preview step or chart changes). */
  refresh(): Promise<void> {
    return this.#enqueue(async () => {
      if (!this.recipe) return;
      const report = await this.#ask(this.recipe);
      if (report) this.report = report;
    });
  }

  /** Stop a long fit: the page keeps the last report. */
  cancel(): void {
    cancelPrepareWorker();
  }

  /**
   * Try a change: the new recipe is fitted first; if a step that could apply before cannot
   * now (newlyBroken), the change is refused with the reason (shown by the form named `where`),
   * also when another step could not apply already. `joinAs`: the change joins the last one's
   * undo step when that had the same key and was asked for shortly before (undo-history.ts), and
   * is skipped when a later one of that key is already waiting. Such changes must set a value, not
   * adjust one (choose a strategy, not move a step), so that only the last one matters.
   */
  change(where: string, mutate: (draft: Recipe) => void, focusStep?: string, joinAs?: string): Promise<boolean> {
    const asked = Date.now();
    const ticket = joinAs === undefined ? 0 : (this.#joinTickets[joinAs] ?? 0) + 1;
    if (joinAs !== undefined) this.#joinTickets[joinAs] = ticket;
    return this.#enqueue(async () => {
      // A later change of the same key waits behind this one and sets what this one would: this one's fit would be thrown away.
      if (joinAs !== undefined && this.#joinTickets[joinAs] !== ticket) return true;
      const current = this.recipe;
      if (!current) return false;
      const edited = clone(current);
      try {
        mutate(edited);
      } catch (e) {
        if (!(e instanceof ChangeRefused)) throw e;
        this.refused = { where, problem: e.message };
        return false;
      }
      const checked = checkChange(edited, current);
      if (!checked.ok) {
        this.refused = { where, problem: checked.problems.join(' ') };
        return false;
      }
      const draft = checked.recipe;
      // A form saved unchanged: nothing to try or store, and an undo step would undo nothing.
      if (JSON.stringify(draft) === JSON.stringify(current)) {
        this.refused = null;
        return true;
      }
      if (focusStep) this.previewStepId = focusStep;
      const report = await this.#tried(where, draft);
      if (!report) return false;
      this.#history.record(current, draft, joinAs === undefined ? undefined : { key: joinAs, asked });
      return this.#commit(draft, report);
    });
  }

  /**
   * The report on a changed recipe, or null when it was cancelled or failed, or when a step that
   * could apply before cannot now: then the change is refused with the reason, for the form `where`.
   */
  async #tried(where: string, draft: Recipe, prefix = ''): Promise<PrepareReport | null> {
    const report = await this.#ask(draft);
    if (!report) return null;
    const broken = newlyBroken(this.report?.steps, report.steps);
    if (broken) {
      const index = draft.steps.findIndex((s) => s.id === broken.id);
      this.refused = { where, problem: `${prefix}Step ${index + 1}: ${broken.problem}` };
      return null;
    }
    this.refused = null;
    return report;
  }

  /**
   * Make a stored version the recipe again, saved as the newest version (history is never
   * rewritten), as one undo step. Its settings are taken as stored, not checked as a form's
   * change would be: a split dealt by shuffle stays so, keeping the parts its runs were scored on.
   * Refused, as any change is, when one of its steps cannot apply to the data as it is now.
   */
  restoreVersion(version: number): Promise<boolean> {
    return this.#enqueue(async () => {
      // Here, not when asked: a joinable change queued before would otherwise join its undo step past this one.
      this.#history.breakJoin();
      const current = this.recipe;
      if (!current) return false;
      const kept = this.versions.find((v) => v.version === version);
      if (!kept) {
        this.refused = { where: 'history', problem: `Version ${version} is no longer stored (only the last ${RECIPE_HISTORY} versions are).` };
        return false;
      }
      const draft = clone(kept.recipe);
      if (JSON.stringify(draft) === JSON.stringify(current)) {
        this.refused = null;
        return true;
      }
      const previewed = this.previewStepId;
      if (previewed && !draft.steps.some((s) => s.id === previewed)) this.previewStepId = null;
      const report = await this.#tried('history', draft, `Version ${version} cannot be restored. `);
      if (!report) {
        // Not restored: the step previewed is still there.
        this.previewStepId = previewed;
        return false;
      }
      this.#history.record(current, draft);
      return this.#commit(draft, report);
    });
  }

  /** Show the change and save it (inside the queue, so the next save is based on this one); false when another tab's version replaced it. */
  async #commit(recipe: Recipe, report: PrepareReport): Promise<boolean> {
    // What the last label edit set may no longer hold (an undo, a restore): a label edit says it again after this.
    this.labelsNotice = null;
    this.recipe = recipe;
    this.report = report;
    this.#showUndo();
    return this.#save(recipe);
  }

  /** Keep undo and redo for when Prepare is opened again, once the recipe shown is the stored version. */
  #keepUndo(): void {
    keepUndo(this.#projectId, { version: this.version, datasetId: this.dataset?.id ?? null, ...this.#history.stacks() });
  }

  /** Undo and redo from `history` (and kept for the project, for when Prepare is opened again). */
  #takeUpUndo(history: KeptUndo): void {
    this.#history.takeUp(history);
    this.#showUndo();
    this.#keepUndo();
  }

  #showUndo(): void {
    this.canUndo = this.#history.canUndo;
    this.canRedo = this.#history.canRedo;
  }

  /** Save the recipe as the version after the one this tab shows; false when another tab saved since (then the stored one is shown). */
  async #save(recipe: Recipe): Promise<boolean> {
    this.saveState = 'saving';
    try {
      const row = await saveRecipe(this.#db, this.#projectId, this.dataset?.id ?? null, clone(recipe), this.version);
      this.version = row.version;
      this.saveState = 'saved';
      this.changedElsewhere = null;
      this.#keepUndo();
    } catch (e) {
      if (e instanceof RecipeChangedElsewhere) {
        await this.#replaceWithStored(true);
        return false;
      }
      this.saveState = 'error';
      this.error = describeError(e);
    }
    return true;
  }

  retrySave(): Promise<void> {
    return this.#enqueue(async () => void (this.recipe && (await this.#save(this.recipe))));
  }

  /** Step back to the recipe before the last change (saved as a new version: history is never rewritten). */
  undo(): Promise<void> {
    return this.#travel('undo');
  }

  redo(): Promise<void> {
    return this.#travel('redo');
  }

  /** Go back (or forward) one step; it stays to go back to when its report fails or is cancelled. */
  #travel(direction: Direction): Promise<void> {
    this.#history.breakJoin();
    return this.#enqueue(async () => {
      const target = this.#history.next(direction);
      if (!target || !this.recipe) return;
      const report = await this.#ask(target);
      if (!report) return;
      this.#history.moved(direction, target, this.recipe);
      this.refused = null;
      await this.#commit(target, report);
    });
  }

  addStep(kind: string, params: unknown): Promise<boolean> {
    const id = newId();
    const withOrder = withConditionDateOrder(params, this.dataset);
    return this.change('add', (r) => void r.steps.push({ id, kind, enabled: true, params: withOrder }), id);
  }

  editStep(id: string, params: unknown): Promise<boolean> {
    const withOrder = withConditionDateOrder(params, this.dataset);
    return this.change(`edit-${id}`, (r) => void (stepOf(r, id).params = withOrder), id);
  }

  removeStep(id: string): Promise<boolean> {
    if (this.previewStepId === id) this.previewStepId = null;
    return this.change('list', (r) => void (r.steps = r.steps.filter((s) => s.id !== id)));
  }

  toggleStep(id: string): Promise<boolean> {
    return this.change('list', (r) => {
      const step = stepOf(r, id);
      step.enabled = !step.enabled;
    });
  }

  /** Move a step one place; the edit step stays first (step-order.ts), which is refused with the reason. */
  moveStep(id: string, by: -1 | 1): Promise<boolean> {
    return this.change('list', (r) => {
      const at = r.steps.findIndex((s) => s.id === id);
      const to = at + by;
      if (at < 0 || to < 0 || to >= r.steps.length) return;
      const problem = moveProblem(r.steps, at, by);
      if (problem) throw new ChangeRefused(problem);
      [r.steps[at], r.steps[to]] = [r.steps[to]!, r.steps[at]!];
    });
  }

  /** said after a label edit: what it set, and that it switched the edit step back on when it did; null after anything else */
  labelsNotice = $state<string | null>(null);

  /**
   * Add a change last in the edit step, switching the step back on (and saying so) when it was
   * off: an edit in a step that is off would never apply. `done`: what to say once it is added.
   */
  async #addChange(change: Change, done: string, check: (r: Recipe) => void = () => {}): Promise<boolean> {
    // The target's classes before the change, as the split panel lists them.
    const classes = this.report?.split.ok ? this.report.split.parts.flatMap((p) => (p.classes ?? []).map((c) => c.label)) : [];
    const lookalike = change.column === this.target ? lookalikeNote(change.value, classes) : null;
    let switchedOn = false;
    const accepted = await this.change('labels', (r) => {
      check(r);
      switchedOn = appendChange(r, change);
    });
    const said = [done, lookalike ?? '', switchedOn ? EDITS_SWITCHED_ON : ''].filter((x) => x !== '').join(' ');
    this.labelsNotice = accepted && said ? said : null;
    return accepted;
  }

  /** Remove the edit step's change at `index` (of editWords' list), one undo step like any change. */
  removeEdit(index: number): Promise<boolean> {
    return this.change('labels', (r) => {
      const step = r.steps.find((s) => s.kind === 'edit-cells');
      if (!step) throw new ChangeRefused('There are no edits to remove.');
      step.params = withoutChange(step.params, index);
    });
  }

  /** Edit one cell: `row` is the dataset row, 0-based; a row or column the dataset does not have is refused, naming the form's field. */
  editCell(row: number, column: string, value: string): Promise<boolean> {
    const made = this.dataset ? madeOn(this.dataset, row) : {};
    return this.#addChange({ row, column, value, ...columnDateOrder(this.dataset, column), ...made }, cellEditedNote({ row, column, value }), () => {
      const dataset = this.dataset;
      const rows = dataset?.rowCount ?? 0;
      if (!Number.isInteger(row) || row < 0 || row >= rows) throw new ChangeRefused(`Row: enter a whole number from 1 to ${rows.toLocaleString('en')}.`);
      if (!dataset!.columns.some((c) => c.name === column)) throw new ChangeRefused(`Column to edit: the dataset has no column "${column}".`);
    });
  }

  /**
   * Relabel every row where `where` holds, as edited so far. The compared value is trimmed, as the
   * new one is; a relabel that matches no row is refused, saying so.
   */
  async relabelWhere(where: Condition, column: string, value: string): Promise<boolean> {
    const relabel: Relabel = { where: { ...where, value: where.value.trim(), ...columnDateOrder(this.dataset, where.column) }, column, value, ...columnDateOrder(this.dataset, column) };
    const matched = await this.#matchesSomeRow(relabel);
    if (matched === null) return false;
    return this.#addChange(relabel, matched);
  }

  /**
   * Whether the relabel matches any of the dataset's rows, asked of the worker as relabel-probe.ts
   * says: what to say once it is added (how many rows it sets), or null when it matches none. Any
   * other problem is left to the change itself.
   */
  #matchesSomeRow(relabel: Relabel): Promise<string | null> {
    return this.#enqueue(async () => {
      if (!this.recipe) return null;
      const probe = relabelProbe(this.recipe, relabel);
      const report = await this.#ask(probe.recipe);
      if (!report) return null;
      const problem = unmatchedRelabel(relabel.where);
      const status = report.steps.find((s) => s.id === probe.stepId);
      if (status?.problem !== problem) return status?.note ?? '';
      this.refused = { where: 'labels', problem };
      this.labelsNotice = null;
      return null;
    });
  }

  /** Forget a refusal shown by the form named `where`: what it was about is no longer in that form (another augmentation method was chosen). */
  dismissRefusal(where: string): void {
    if (this.refused?.where === where) this.refused = null;
  }

  setPreview(id: string | null): Promise<void> {
    this.previewStepId = id;
    return this.refresh();
  }

  setScatter(pair: [string, string] | null): Promise<void> {
    this.scatter = pair;
    return this.refresh();
  }

  /** Dataset rows as edited, for the labels table. */
  async rows(start: number, count: number): Promise<EditableRows | null> {
    if (!this.dataset || !this.recipe) return null;
    const [datasetId, recipe] = [this.dataset.id, clone(this.recipe)];
    try {
      return await callPrepareWorker<EditableRows>((api) => api.rows(datasetId, recipe, start, count));
    } catch (e) {
      if (!(e instanceof WorkerCancelled)) this.error = describeError(e);
      return null;
    }
  }
}
