/**
 * What the browser grants Looplab (navigator.storage.estimate) and whether the data is
 * protected from eviction (navigator.storage.persisted / persist).
 */
import { describeError } from '../shared/errors';

export interface StorageEstimateView {
  usage: number;
  quota: number;
  /** IndexedDB's share of usage, where the browser reports it (Chromium does) */
  indexedDb: number | null;
}

export class StorageInfo {
  /** undefined while loading, null where the browser offers no estimate (e.g. plain http) */
  estimate = $state.raw<StorageEstimateView | null | undefined>(undefined);
  persisted = $state<boolean | null | undefined>(undefined);
  /** The answer to the last persist request, in words */
  answer = $state<string | null>(null);
  error = $state<string | null>(null);

  readonly supported = typeof navigator !== 'undefined' && !!navigator.storage?.estimate;

  async refresh(): Promise<void> {
    if (!this.supported) {
      this.estimate = null;
      this.persisted = null;
      return;
    }
    try {
      const e = await navigator.storage.estimate();
      const details = (e as { usageDetails?: { indexedDB?: number } }).usageDetails;
      this.estimate = { usage: e.usage ?? 0, quota: e.quota ?? 0, indexedDb: details?.indexedDB ?? null };
      this.persisted = navigator.storage.persisted ? await navigator.storage.persisted() : null;
    } catch (err) {
      this.error = describeError(err);
    }
  }

  async requestPersistence(): Promise<void> {
    if (!navigator.storage?.persist) {
      this.answer = 'This browser cannot protect site data from automatic clearing.';
      return;
    }
    try {
      const granted = await navigator.storage.persist();
      this.persisted = granted;
      this.answer = granted
        ? 'Granted: the browser will not clear Looplab’s projects to free space.'
        : 'Not granted: the browser decides. Browsers often grant it to sites you bookmark or install, or visit often.';
    } catch (err) {
      this.error = describeError(err);
    }
  }
}
