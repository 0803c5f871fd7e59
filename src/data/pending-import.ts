/** A file chosen for import, while its preview is shown and adjusted, and where the import flow is. */
import type { DatasetRecipe, DatasetRow } from '../storage/rows';
import type { Inspection } from './inspect';

export interface PendingImport {
  file: File;
  inspection: Inspection;
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

/** idle → inspecting (the file's start is read) → preview → importing → idle */
export type ImportStep = 'idle' | 'inspecting' | 'preview' | 'importing';
