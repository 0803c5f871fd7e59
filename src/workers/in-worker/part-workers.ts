/**
 * The import worker's helpers: part 0 of a large file is read here, every other part by a
 * worker of its own (csv-part.worker.ts), all at once. Helpers are started while the preview is
 * shown and warmed up on the file's head, so the import does not wait for a worker to load and
 * its parser to be compiled. A helper that cannot start or dies leaves its part to be read here
 * instead; terminating the import worker (Cancel) ends its helpers too.
 */
import * as Comlink from 'comlink';
import { readCsvPart, type PartRange, type PartResult, type StreamOptions, type StreamProgress } from '../../data/csv-part';
import type { PartReader } from '../../data/csv-parallel';
import type { CsvPartWorkerApi } from '../import-protocol';

/** Bytes of the file's head a helper reads to warm up: enough for the parser to be optimised. */
const WARM_UP_BYTES = 512 * 1024;

interface Helper {
  worker: Worker;
  remote: Comlink.Remote<CsvPartWorkerApi>;
  /** resolves null if the worker fails to load or dies */
  died: Promise<null>;
}

let ready: Helper[] = [];

function startHelper(): Helper | null {
  try {
    const worker = new Worker(new URL('../csv-part.worker.ts', import.meta.url), { type: 'module', name: 'looplab-csv-part' });
    const died = new Promise<null>((resolve) => worker.addEventListener('error', () => resolve(null), { once: true }));
    return { worker, remote: Comlink.wrap<CsvPartWorkerApi>(worker), died };
  } catch {
    return null;
  }
}

/** Start `count` helpers for an import of `file` that may follow, and warm them (and this worker) up on its head. */
export function prepareHelpers(file: File, options: StreamOptions, count: number): void {
  for (const helper of ready) helper.worker.terminate();
  const head: PartRange = { start: 0, end: Math.min(file.size, WARM_UP_BYTES), first: true };
  const ignore = () => undefined;
  ready = [];
  for (let k = 0; k < count; k++) {
    const helper = startHelper();
    if (!helper) break;
    helper.remote.read(file, options, head, Comlink.proxy(ignore)).catch(ignore);
    ready.push(helper);
  }
  readCsvPart(file, options, head).catch(ignore);
}

/** A part reader over `file` that hands parts after the first to helper workers. */
export function partReader(file: File, options: StreamOptions): PartReader {
  return (range, index, onProgress) => (index === 0 ? readCsvPart(file, options, range, onProgress) : readInHelper(file, options, range, onProgress));
}

async function readInHelper(file: File, options: StreamOptions, range: PartRange, onProgress: (p: StreamProgress) => void): Promise<PartResult> {
  const helper = ready.pop() ?? startHelper();
  if (!helper) return readCsvPart(file, options, range, onProgress);
  try {
    const result = await Promise.race([helper.remote.read(file, options, range, Comlink.proxy(onProgress)), helper.died]);
    return result ?? (await readCsvPart(file, options, range, onProgress));
  } finally {
    // A helper's memory is freed with it: the next import starts fresh ones.
    helper.worker.terminate();
  }
}
