/// <reference lib="webworker" />
/** A helper the import worker starts to read one part of a large file beside it (see data/csv-parallel.ts). */
import * as Comlink from 'comlink';
import { readCsvPart } from '../data/csv-part';
import { chunkedBuffers } from '../shared/chunked-column';
import type { CsvPartWorkerApi } from './import-protocol';

const api: CsvPartWorkerApi = {
  async read(file, options, range, onProgress) {
    const result = await readCsvPart(file, options, range, onProgress);
    return Comlink.transfer(result, chunkedBuffers(result.columns));
  },
};

Comlink.expose(api);
