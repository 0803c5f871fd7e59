/**
 * The Plan stage's state: the plan being edited, autosaved a moment after the last change,
 * flushed when the view closes or the tab hides, and retried as a full write after a failure; a
 * failure once the view has closed is handed to the shell (reportFailedSave), which shows it.
 * Construct it during a component's initialisation (it sets up an $effect).
 */
import { untrack } from 'svelte';
import { debounce, type Debounced } from '../shared/debounce';
import { describeError } from '../shared/errors';
import { onFlush, reportFailedSave } from '../shared/flush-registry';
import { newId } from '../shared/ids';
import { getDb } from '../storage/database';
import { savePlan, savePlanIfUnchanged, storedPlanJson } from '../storage/projects';
import type { LooplabDB } from '../storage/schema';
import { defaultComparison, type Criterion } from './criteria';
import { metricsForTask } from './metrics';
import type { Plan } from './plan';

export type SaveState = 'saved' | 'pending' | 'saving' | 'error';

/** How long typing must pause before a save starts (ms). */
export const AUTOSAVE_DELAY_MS = 400;

export class PlanState {
  plan: Plan = $state() as Plan;
  saveState = $state<SaveState>('saved');
  saveError = $state<string | null>(null);

  readonly #projectId: string;
  readonly #db: LooplabDB;
  readonly #saver: Debounced;
  #lastSaved: string;
  #queue: Promise<void> = Promise.resolve();

  constructor(projectId: string, initial: Plan, db: LooplabDB = getDb()) {
    this.#projectId = projectId;
    this.#db = db;
    this.plan = initial;
    this.#lastSaved = JSON.stringify(initial);
    this.#saver = debounce(() => this.#save(), AUTOSAVE_DELAY_MS);
    const unregister = onFlush(
      () => this.flush(),
      () => this.saveState !== 'saved',
    );

    $effect(() => {
      // Reading the whole plan makes this effect run after every edit, however deep.
      const snapshot = JSON.stringify(this.plan);
      if (snapshot !== this.#lastSaved && untrack(() => this.saveState) !== 'saving') {
        this.saveState = 'pending';
        this.#saver.schedule();
      }
    });
    $effect(() => () => {
      unregister();
      void this.leave();
    });
  }

  /** Write any pending change now. */
  async flush(): Promise<void> {
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
      this.#lastSaved = snapshot;
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
    const snapshot = JSON.stringify(this.plan);
    if (snapshot === this.#lastSaved && this.saveState !== 'error') {
      this.saveState = 'saved';
      return;
    }
    this.saveState = 'saving';
    try {
      await savePlan(this.#db, this.#projectId, JSON.parse(snapshot));
      this.#lastSaved = snapshot;
      this.saveError = null;
      if (JSON.stringify(this.plan) === snapshot) {
        this.saveState = 'saved';
      } else {
        // The user typed while we wrote: save again after the usual pause.
        this.saveState = 'pending';
        this.#saver.schedule();
      }
    } catch (e) {
      this.saveState = 'error';
      this.saveError = describeError(e);
    }
  }
}
