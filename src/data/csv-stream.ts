/**
 * A whole CSV (a File in a worker, a string in tests) parsed into a table in memory: for a file
 * merged into a stored dataset, and for tests. Imports read large files in parts (csv-parallel.ts).
 */
import { toColumn } from '../shared/chunked-column';
import type { Table } from '../shared/column';
import { readCsvPart, type StreamOptions, type StreamProgress } from './csv-part';
import { joinParts } from './csv-outcome';
import type { RaggedReport } from './row-sink';

export type StreamOutcome =
  | { ok: true; table: Table; notes: string[]; ragged: RaggedReport; notUtf8Line: number | null }
  | { ok: false; reason: 'ragged' | 'malformed' | 'empty'; problem: string; ragged?: RaggedReport };

/**
 * Parse `input` fully into a Table, or say plainly why not. `rowsBecomeTable: false` for a file
 * merged into a dataset: its notes then name lines of the file, not rows.
 */
export async function streamCsv(
  input: File | string,
  fileName: string,
  options: StreamOptions & { onProgress?: (p: StreamProgress) => void; rowsBecomeTable?: boolean },
): Promise<StreamOutcome> {
  let part;
  try {
    part = await readCsvPart(input, options, undefined, options.onProgress);
  } catch (e) {
    return unreadable(fileName, e);
  }
  const outcome = joinParts([part], fileName, options, options.rowsBecomeTable);
  if (!outcome.ok) return outcome;
  const { table } = outcome;
  return { ...outcome, table: { rowCount: table.rowCount, columns: table.columns.map(toColumn) } };
}

/** The file changed or vanished on disk while it was read. */
export function unreadable(fileName: string, e: unknown): { ok: false; reason: 'malformed'; problem: string } {
  return { ok: false, reason: 'malformed', problem: `"${fileName}" could not be read to the end (${e instanceof Error ? e.message : String(e)}). Choose the file again.` };
}
