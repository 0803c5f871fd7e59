/**
 * The Plan stage's state: the plan being edited, autosaved a moment after the last change,
 * flushed when the view closes or the tab hides, and retried as a full write after a failure; a
 * failure once the view has closed is handed to the shell (reportFailedSave), which shows it.
 *
 * Another tab may edit the same plan. A save writes only over the plan this tab last read
 * (compare-and-set); when another tab saved since, the two are merged field by field (plan-merge.ts)
 * and the merge is written, so no edit is lost, and `notice` says so. The stored plan is also
 * watched, so an idle tab shows the other tab's edits; a change to the field the learner is in
 * waits until they leave it.
 * Construct it during a component's initialisation (it sets up effects).
 */
import { untrack } from 'svelte';
import { debounce, type Debounced } from '../shared/debounce';
import { describeError, UserFacingError } from '../shared/errors';
import { onFlush, reportFailedSave } from '../shared/flush-registry';
import { newId } from '../shared/ids';
import { getDb, watch } from '../storage/database';
import { savePlanIfUnchanged, storedPlanJson } from '../storage/projects';
import type { LooplabDB } from '../storage/schema';
import { defaultComparison, type Criterion } from './criteria';
import { metricsForTask } from './metrics';
import { normalizePlan, type Plan } from './plan';
import { mergeNotice, mergePlans, PLAN_FIELDS } from './plan-merge';

export type SaveState = 'saved' | 'pending' | 'saving' | 'error';

/** How long typing must pause before a save starts (ms). */
export const AUTOSAVE_DELAY_MS = 400;

/** How many times one save merges another tab's save and tries again before it gives up and says so. */
const MERGE_ATTEMPTS = 5;

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export class PlanState {
  plan: Plan = $state() as Plan;
  saveState = $state<SaveState>('saved');
  saveError = $state<string | null>(null);
  /** what the learner is told after another tab's changes were taken in */
  notice = $state<string | null>(null);

  readonly #projectId: string;
  readonly #db: LooplabDB;
  readonly #saver: Debounced;
  /** the plan (normalised JSON) as this tab last read or saved it: the base of a merge */
  #base: string;
  /** the stored plan's JSON as this tab last read or saved it: a save writes only over this */
  #stored: string;
  /** the field the learner is in (a PLAN_FIELDS key), whose value is never replaced under them */
  #focused: string | null = null;
  /**
   * Another tab's changes wait for the learner to leave the field they would replace: that
   * field's label while they do (the page says so, so a learner knows something is coming).
   */
  waitingFor = $state<string | null>(null);
  #queue: Promise<void> = Promise.resolve();

  constructor(projectId: string, initial: Plan, db: LooplabDB = getDb()) {
    this.#projectId = projectId;
    this.#db = db;
    this.plan = initial;
    this.#base = JSON.stringify(initial);
    this.#stored = this.#base;
    this.#saver = debounce(() => this.#save(), AUTOSAVE_DELAY_MS);
    const unregister = onFlush(
      () => this.flush(),
      () => this.saveState !== 'saved',
    );

    $effect(() => {
      // Reading the whole plan makes this effect run after every edit, however deep.
      const snapshot = JSON.stringify(this.plan);
      if (snapshot !== this.#base && untrack(() => this.saveState) !== 'saving') {
        this.saveState = 'pending';
        this.#saver.schedule();
      }
    });
    $effect(() => () => {
      unregister();
      void this.leave();
    });
    // Another tab's save shows here without waiting for this tab's next one. A failure to watch
    // is not shown: the shell's own watch of this row reports it, and saves still merge.
    $effect(() => watch(() => storedPlanJson(db, projectId), () => void this.sync(), () => undefined));
  }

  /** Take in the stored plan, when another tab changed it: its fields this tab has not changed are shown. */
  sync(): Promise<void> {
    return this.#enqueue(async () => {
      try {
        if (!(await this.#takeIn())) return;
      } catch {
        return; // the next save reads it again, and reports what fails
      }
      // This tab's own unsaved changes are still to be written (over the plan just read).
      if (JSON.stringify(this.plan) !== this.#base && !this.#saver.pending && this.saveState !== 'error') {
        this.saveState = 'pending';
        this.#saver.schedule();
      }
    });
  }

  /**
   * The view says which field has the focus (a PLAN_FIELDS key, or null), so another tab's
   * change to it waits until the learner leaves it.
   */
  editing(field: string | null): Promise<void> {
    this.#focused = field;
    return this.waitingFor !== null ? this.sync() : Promise.resolve();
  }

  dismissNotice(): void {
    this.notice = null;
  }

  /**
   * Read the stored plan and, when another tab changed it since this tab last read it, merge it
   * into this tab's plan: fields this tab changed keep their value, the others take the stored
   * one. False (nothing changed) when that would replace the value of the field the learner is in.
   */
  async #takeIn(): Promise<boolean> {
    const raw = await storedPlanJson(this.#db, this.#projectId);
    if (raw === null || raw === this.#stored) return true;
    const mine = JSON.parse(JSON.stringify(this.plan)) as Plan;
    const theirs = normalizePlan(JSON.parse(raw));
    const merge = mergePlans(JSON.parse(this.#base) as Plan, mine, theirs);
    const replaced = PLAN_FIELDS.filter((f) => JSON.stringify(f.get(merge.plan)) !== JSON.stringify(f.get(mine)));
    const held = replaced.find((f) => f.key === this.#focused);
    if (held) {
      this.waitingFor = held.label;
      return false;
    }
    // Field by field, so a field the learner has changed is never written over.
    for (const field of replaced) field.set(this.plan, copy(field.get(merge.plan)));
    this.#base = JSON.stringify(theirs);
    this.#stored = raw;
    this.waitingFor = null;
    this.notice = mergeNotice(merge) ?? this.notice;
    return true;
  }

  #enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.#queue.then(task);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Write any pending change now (the tab hides or the view closes: the learner has left every field). */
  async flush(): Promise<void> {
    if (this.#focused !== null) await this.editing(null);
    if (this.#saver.pending) await this.#saver.flush();
    await this.#queue;
  }

  /** The page closes: write what is pending. Its save status is no longer shown, so a failure goes to the shell. */
  async leave(): Promise<void> {
    await this.flush();
    await this.#reportIfFailed();
  }

  async #reportIfFailed(): Promise<void> {
    if (this.saveState !== 'error') return;
    // The plan as stored now: the shell's retry writes over it only while it is still this, so
    // changes made since (Plan opened again, another tab) are never overwritten by older ones.
    const stored = await storedPlanJson(this.#db, this.#projectId).catch(() => null);
    reportFailedSave({
      message: `Your last changes in Plan were not saved. ${this.saveError ?? ''}`.trim(),
      retry: async () => {
        if (await this.#retryOver(stored)) await this.#reportIfFailed();
        else reportFailedSave({ message: 'Your earlier changes in Plan were not saved: the plan has been changed since, and they would have overwritten it.' });
      },
    });
  }

  /** The shell's retry: the whole plan, unless the stored one is no longer `expected` (false then, nothing written). */
  async #retryOver(expected: string | null): Promise<boolean> {
    const snapshot = JSON.stringify(this.plan);
    try {
      if (!(await savePlanIfUnchanged(this.#db, this.#projectId, JSON.parse(snapshot), expected))) return false;
      this.#base = snapshot;
      this.#stored = snapshot;
      this.saveError = null;
      this.saveState = 'saved';
    } catch (e) {
      this.saveState = 'error';
      this.saveError = describeError(e);
    }
    return true;
  }

  /** Try again after a failed save: the whole plan is written, not just the last change. */
  retry(): Promise<void> {
    return this.#save();
  }

  addCriterion(): void {
    const metric = metricsForTask(this.plan.taskType)[0]!.key;
    const criterion: Criterion = { id: newId(), metric, comparison: defaultComparison(metric), threshold: null };
    this.plan.criteria.push(criterion);
  }

  removeCriterion(id: string): void {
    this.plan.criteria = this.plan.criteria.filter((c) => c.id !== id);
  }

  #save(): Promise<void> {
    // Saves run one after another, so an older snapshot never lands after a newer one.
    this.#queue = this.#queue.then(() => this.#write());
    return this.#queue;
  }

  async #write(): Promise<void> {
    if (JSON.stringify(this.plan) === this.#base && this.saveState !== 'error') {
      this.saveState = 'saved';
      return;
    }
    this.saveState = 'saving';
    try {
      for (let attempt = 0; attempt < MERGE_ATTEMPTS; attempt++) {
        const snapshot = JSON.stringify(this.plan);
        if (await savePlanIfUnchanged(this.#db, this.#projectId, JSON.parse(snapshot), this.#stored)) {
          this.#base = snapshot;
          this.#stored = snapshot;
          this.saveError = null;
          if (JSON.stringify(this.plan) === snapshot) {
            this.saveState = 'saved';
          } else {
            // The user typed while we wrote: save again after the usual pause.
            this.saveState = 'pending';
            this.#saver.schedule();
          }
          return;
        }
        // Another tab saved the plan since this tab read it: merge, then write the merge.
        if (!(await this.#takeIn())) {
          // It would replace the field the learner is in: saved once they leave it (editing).
          this.saveState = 'pending';
          return;
        }
      }
      throw new UserFacingError('The plan keeps being changed in another tab, so this tab’s changes could not be merged in. Try saving again.');
    } catch (e) {
      this.saveState = 'error';
      this.saveError = describeError(e);
    }
  }
}
