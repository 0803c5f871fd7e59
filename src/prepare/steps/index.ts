/** Every pipeline step, in the order the "add a step" menu lists them. */
import type { StepDef } from '../step';
import { bin } from './bin';
import { cast } from './cast';
import { dedupe } from './dedupe';
import { derive } from './derive';
import { dropColumns } from './drop-columns';
import { dropMissing } from './drop-missing';
import { editCells } from './edit-cells';
import { filter } from './filter';
import { impute } from './impute';
import { logTransform } from './log';
import { oneHot } from './one-hot';
import { ordinal } from './ordinal';
import { outliers } from './outliers';
import { rename } from './rename';
import { scale } from './scale';

export const STEPS: readonly StepDef<never, never>[] = [
  dropColumns,
  cast,
  impute,
  dropMissing,
  dedupe,
  outliers,
  filter,
  rename,
  oneHot,
  ordinal,
  scale,
  logTransform,
  bin,
  derive,
  editCells,
] as unknown as StepDef<never, never>[];

export function stepDef(kind: string): StepDef<unknown, unknown> | undefined {
  return STEPS.find((s) => s.kind === kind) as StepDef<unknown, unknown> | undefined;
}
