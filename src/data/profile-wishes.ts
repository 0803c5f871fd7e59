/**
 * Which profile the page shows for the active dataset: the one storage holds when it fits, else
 * one computed, one at a time. The active dataset may change while a profile is computed: that
 * result is then dropped, and the newest wish is computed next.
 */
import { describeError } from '../shared/errors';
import type { DatasetProfile } from './profile';

/** The profile the page needs computed: a dataset's, with warnings for a target. */
interface ProfileWanted {
  datasetId: string;
  target: string | null;
}

/** What the wishes need from the page's state: how to compute a profile, and where to show what came of it. */
export interface ProfileHooks {
  compute(datasetId: string, target: string | null): Promise<DatasetProfile>;
  /** whether a failed computation was only interrupted: it is computed again when the dataset is next shown, without an alarm */
  interrupted(e: unknown): boolean;
  /** the profile to show, null while there is none */
  show(profile: DatasetProfile | null): void;
  /** a computation started (true) or the last one ended (false) */
  busy(computing: boolean): void;
  problem(text: string): void;
}

export class ProfileWishes {
  readonly #hooks: ProfileHooks;
  /** the profile to compute, null when the one shown fits the active dataset (or there is none) */
  #wanted: ProfileWanted | null = null;
  #computing = false;

  constructor(hooks: ProfileHooks) {
    this.#hooks = hooks;
  }

  /**
   * Show the profile storage holds for the active dataset `datasetId` (`stored`, null when there
   * is none), or compute it when there is none with warnings for `target`; null when no dataset.
   */
  found(datasetId: string | null, target: string | null, stored: DatasetProfile | null): void {
    const fits = datasetId !== null && stored !== null && stored.target === target;
    const wanted = datasetId === null || fits ? null : { datasetId, target };
    const same = wanted && this.#wanted?.datasetId === wanted.datasetId && this.#wanted.target === wanted.target;
    if (!same) this.#wanted = wanted;
    this.#hooks.show(fits ? stored : null);
    if (wanted) void this.#compute();
  }

  /** Compute the wanted profile. One wanted while it ran (another dataset made active) drops its result and is computed next. */
  async #compute(): Promise<void> {
    if (this.#computing) return; // the running loop takes the newest wish when its call returns
    this.#computing = true;
    this.#hooks.busy(true);
    try {
      for (let wanted = this.#wanted; wanted; wanted = this.#wanted) {
        const { datasetId, target } = wanted;
        let profile: DatasetProfile | null = null;
        let problem: string | null = null;
        try {
          profile = await this.#hooks.compute(datasetId, target);
        } catch (e) {
          if (!this.#hooks.interrupted(e)) problem = `The profile of this dataset could not be computed. ${describeError(e)}`;
        }
        if (this.#wanted !== wanted) continue;
        this.#wanted = null;
        if (profile) this.#hooks.show(profile);
        if (problem) this.#hooks.problem(problem);
      }
    } finally {
      this.#computing = false;
      this.#hooks.busy(false);
    }
  }
}
