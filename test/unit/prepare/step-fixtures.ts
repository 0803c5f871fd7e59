/** The small frames and one-step fits the step tests share (steps-*.test.ts). */
import { fitPipeline } from '../../../src/prepare/pipeline';
import type { StepSpec } from '../../../src/prepare/step';
import { col, frameOf } from './tables';

/** A training frame with numbers, a label column, a boolean and gaps in each. */
export const train = () =>
  frameOf(
    col('x', 'numeric', ['1', '2', '', '4', '100', '2']),
    col('y', 'numeric', ['10', '20', '30', '40', '50', '20']),
    col('colour', 'categorical', ['red', 'blue', 'red', '', 'green', 'blue']),
    col('ok', 'boolean', ['true', 'false', 'true', 'true', '', 'false']),
  );
/** Other rows, with a value and a category training never saw. */
export const other = () =>
  frameOf(
    col('x', 'numeric', ['', '3', '-50']),
    col('y', 'numeric', ['5', '', '1']),
    col('colour', 'categorical', ['purple', 'red', '']),
    col('ok', 'boolean', ['false', '', 'true']),
  );

export const spec = (kind: string, params: unknown): StepSpec => ({ id: kind, kind, enabled: true, params });

/** One step of `kind` fitted on `frame` (the training frame unless given); it must fit. */
export const fitOne = (kind: string, params: unknown, frame = train()) => {
  const fit = fitPipeline([spec(kind, params)], frame);
  if (!fit.ok) throw new Error(fit.problem);
  return fit;
};
/** Why one step of `kind` cannot fit on `frame`; it must not fit. */
export const problemOf = (kind: string, params: unknown, frame = train()) => {
  const fit = fitPipeline([spec(kind, params)], frame);
  if (fit.ok) throw new Error('expected a problem');
  return fit.problem;
};
