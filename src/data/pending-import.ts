/** A file chosen for import, while its preview is shown and adjusted, and where the import flow is. */
import type { DatasetRecipe, DatasetRow } from '../storage/rows';
import type { TextEncoding } from './dialect';
import type { Inspection } from './inspect';
import { keepsNotUtf8 } from './not-utf8-choice';

export interface PendingImport {
  file: File;
  inspection: Inspection;
  /** what the file's start was detected as, whatever encoding the learner chose since */
  detectedEncoding: TextEncoding;
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

/** Whether `pending` is imported through bytes that are not UTF-8 without asking: `asked` ("UTF-8 anyway"), or UTF-8 chosen for a start that is not (keepsNotUtf8). */
export function importKeepsNotUtf8(pending: PendingImport, asked: boolean): boolean {
  return keepsNotUtf8(asked, pending.inspection.encoding, pending.detectedEncoding);
}

/** idle → inspecting (the file's start is read) → preview → importing → idle */
export type ImportStep = 'idle' | 'inspecting' | 'preview' | 'importing';
