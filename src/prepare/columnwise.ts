/**
 * Steps that learn from and rewrite each of their columns on its own (fill, scale, outliers),
 * and how the pipeline runs several in a row one column at a time. Step by step, every step
 * reads every column again, long after it left the cache: over a million rows each pass over a
 * column cost twice as much as the next pass over the same column right away. Column by column,
 * all of a column's passes follow each other, and its validation and test rows are transformed
 * with them. The order of independent work changes; every number stays the same.
 */
import { type ColumnView, type FrameView } from './frame-view';
import type { RowMode, ViewStep } from './step';

/** A step whose fit and transform are one independent piece per column. */
export interface ColumnwiseStep<P, L, Part> {
  /** the columns it rewrites, in order; null when these params are not columnwise */
  columns(params: P): readonly string[] | null;
  /** the named column of the frame, or the problem the step reports when it is not there or not usable */
  column(frame: FrameView, name: string): ColumnView;
  /** what the step learns from one column of the n training rows; throws StepProblem when it cannot */
  fitColumn(params: P, column: ColumnView, n: number): Part;
  /** the learned state from every column's part, in order */
  learned(params: P, parts: Part[]): L;
  /** the part of a learned state for its index-th column */
  part(learned: L, index: number): Part;
  /** the column's replacement; a row to drop (training) or flag (other rows) gets 1 in `marks` */
  transformColumn(params: P, part: Part, column: ColumnView, n: number, mode: RowMode, marks: Uint8Array): ColumnView;
  /** the frame with its columns replaced, and the marked rows dropped or flagged */
  finish(params: P, frame: FrameView, columns: readonly ColumnView[], marks: Uint8Array, mode: RowMode): FrameView;
}

type AnyColumnwise = ColumnwiseStep<unknown, unknown, unknown>;

/** A columnwise step's fit and transform over a whole frame: column after column, in order. */
export function columnwiseView<P, L, Part>(step: ColumnwiseStep<P, L, Part>): ViewStep<P, L> {
  const names = (params: P) => step.columns(params) ?? [];
  return {
    fit: (params, train) => step.learned(params, names(params).map((name) => step.fitColumn(params, step.column(train, name), train.rowCount))),
    transform: (params, learned, frame, mode) => {
      const marks = new Uint8Array(frame.rowCount);
      const columns = names(params).map((name, k) => step.transformColumn(params, step.part(learned, k), step.column(frame, name), frame.rowCount, mode, marks));
      return step.finish(params, frame, columns, marks, mode);
    },
  };
}

export interface SegmentStep {
  step: AnyColumnwise;
  params: unknown;
  /** step.columns(params): no name twice */
  names: readonly string[];
}

export interface SegmentRun {
  /** each step's learned state */
  learned: unknown[];
  /** the training rows after each step */
  trainAfter: FrameView[];
  /** the other frames after the last step */
  others: FrameView[];
}

/**
 * Fit columnwise steps on `train` and apply them to `others`, one column at a time: exactly
 * what fitting and applying them one step at a time gives, provided no step but the last removes
 * training rows and no step lists a column twice (the caller makes sure). A StepProblem is
 * thrown as it comes, not necessarily the one the step-by-step order meets first.
 */
export function runColumnwise(steps: readonly SegmentStep[], train: FrameView, others: readonly FrameView[]): SegmentRun {
  const n = train.rowCount;
  const parts = steps.map((s) => new Array<unknown>(s.names.length));
  const outputs = steps.map((s) => new Array<ColumnView>(s.names.length));
  const otherOutputs = steps.map((s) => others.map(() => new Array<ColumnView>(s.names.length)));
  const marks = steps.map(() => new Uint8Array(n));
  const otherMarks = steps.map(() => others.map((o) => new Uint8Array(o.rowCount)));
  // Per column, the steps that rewrite it, in step order.
  const chains = new Map<string, [step: number, index: number][]>();
  steps.forEach((s, j) =>
    s.names.forEach((name, k) => {
      let chain = chains.get(name);
      if (!chain) chains.set(name, (chain = []));
      chain.push([j, k]);
    }),
  );
  // A frame of one column, so that a step looks it up as it would in the whole frame.
  const holding = (frame: FrameView, column: ColumnView | undefined): FrameView => (column ? { ...frame, columns: [column] } : frame);
  for (const [name, chain] of chains) {
    let column: ColumnView | undefined;
    const otherColumns: (ColumnView | undefined)[] = others.map(() => undefined);
    for (const [j, k] of chain) {
      const { step, params } = steps[j]!;
      const input = step.column(holding(train, column), name);
      const part = step.fitColumn(params, input, n);
      parts[j]![k] = part;
      column = outputs[j]![k] = step.transformColumn(params, part, input, n, 'train', marks[j]!);
      others.forEach((other, o) => {
        const before = step.column(holding(other, otherColumns[o]), name);
        otherColumns[o] = otherOutputs[j]![o]![k] = step.transformColumn(params, part, before, other.rowCount, 'apply', otherMarks[j]![o]!);
      });
    }
  }
  const learned = steps.map((s, j) => s.step.learned(s.params, parts[j]!));
  const trainAfter: FrameView[] = [];
  let frame = train;
  steps.forEach((s, j) => {
    frame = s.step.finish(s.params, frame, outputs[j]!, marks[j]!, 'train');
    trainAfter.push(frame);
  });
  const after = others.map((other, o) => steps.reduce((f, s, j) => s.step.finish(s.params, f, otherOutputs[j]![o]!, otherMarks[j]![o]!, 'apply'), other));
  return { learned, trainAfter, others: after };
}
