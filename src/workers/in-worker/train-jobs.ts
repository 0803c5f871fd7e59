/**
 * The train worker's jobs: one at a time, each with flags of its own, found by its id (a training
 * run's id, or the stored run a cross-validation or importance measurement is about). A second
 * job is refused while one runs: both would share the one TF.js backend, and a job whose page
 * was left must still be reachable by Stop and Cancel.
 */
import type { RunFlags } from './training-run';

export type TrainJobKind = 'training' | 'cross-validation' | 'importance' | 'measurement' | 'benchmark';

/** Why a new job cannot start while one of this kind runs. */
const BUSY: Record<TrainJobKind, string> = {
  training: 'A model is training in the background: stop it on the Train page, or wait for it to end, then try again.',
  'cross-validation': 'A cross-validation is running in the background: cancel it on the Evaluate page, or wait for it to end, then try again.',
  importance: 'Feature importance is being measured in the background: wait for it to end, then try again.',
  measurement: 'The compute backends are being measured: wait for that to end, then try again.',
  benchmark: 'A benchmark is running: wait for it to end, then try again.',
};

export class TrainJobs {
  #current: { id: string; kind: TrainJobKind; flags: RunFlags } | null = null;

  /** Run `work` as the one job, or answer `refuse(sentence)` when another job runs. */
  async run<T>(id: string, kind: TrainJobKind, work: (flags: RunFlags) => Promise<T>, refuse: (problem: string) => T): Promise<T> {
    if (this.#current) return refuse(BUSY[this.#current.kind]);
    const job = { id, kind, flags: { stop: false, cancel: false } };
    this.#current = job;
    try {
      return await work(job.flags);
    } finally {
      if (this.#current === job) this.#current = null;
    }
  }

  /** Ask the job `id` to end after its current batch; false when no such job runs here. */
  stop(id: string): boolean {
    if (this.#current?.id !== id) return false;
    this.#current.flags.stop = true;
    return true;
  }

  /** Ask the job `id` to end and throw its work away; false when no such job runs here. */
  cancel(id: string): boolean {
    if (this.#current?.id !== id) return false;
    this.#current.flags.cancel = true;
    return true;
  }
}
