/**
 * Which rows a dataset holds, so that a label edit made on a row of one dataset applies only
 * where that very row is. A dataset's rows are runs, by where each row was first stored: an
 * import's, a sample's and a join's rows are their own (one run); a retype keeps its parent's
 * rows, in their places; an append keeps them and adds a run of its new rows after them.
 * A run's key is kept when a project is copied, since the rows stay the same rows.
 */
import { newId } from './ids';

/** Rows [the run before's end, end) were first stored under `key`. */
export interface RowRun {
  key: string;
  end: number;
}

export interface Runs {
  id: string;
  rowCount: number;
  /** absent in datasets stored before runs were kept (schema version 1) */
  rowRuns?: RowRun[];
}

type How = 'import' | 'sample' | 'append' | 'join' | 'retype';

/** The dataset's runs: one keyed by its id when it was stored before runs were kept. */
export function rowRunsOf(dataset: Runs): RowRun[] {
  return dataset.rowRuns ?? [{ key: dataset.id, end: dataset.rowCount }];
}

/**
 * The runs of a dataset made by `how` from `parent` (null for an import or a sample) with
 * `rowCount` rows. A join's rows are new rows: it may drop, repeat and reorder the parent's.
 */
export function rowRunsFor(how: How, rowCount: number, parent: Runs | null): RowRun[] {
  if (parent && how === 'retype') return rowRunsOf(parent);
  if (parent && how === 'append') {
    const kept = rowRunsOf(parent);
    return rowCount > parent.rowCount ? [...kept, { key: newId(), end: rowCount }] : kept;
  }
  return [{ key: newId(), end: rowCount }];
}

/**
 * The runs of datasets stored before runs were kept, worked out from their lineage as rowRunsFor
 * makes them, each new run keyed by the dataset's id: a retype holds its parent's rows (named by
 * the parent's id when the parent is gone), an append its parent's and then its own.
 */
export function lineageRowRuns(datasets: readonly (Runs & { parentId: string | null; recipe: { kind: How } })[]): Map<string, RowRun[]> {
  const byId = new Map(datasets.map((d) => [d.id, d]));
  const found = new Map<string, RowRun[]>();
  const runsOf = (d: (typeof datasets)[number], depth: number): RowRun[] => {
    const known = d.rowRuns ?? found.get(d.id);
    if (known) return known;
    const parent = d.parentId === null ? undefined : byId.get(d.parentId);
    // A parent chain that loops (no Looplab writes one) ends here, not in a stack overflow.
    const kept = parent && depth < 1000 ? runsOf(parent, depth + 1) : null;
    let runs = [{ key: d.id, end: d.rowCount }];
    if (d.recipe.kind === 'retype') runs = kept ?? [{ key: d.parentId ?? d.id, end: d.rowCount }];
    else if (d.recipe.kind === 'append' && kept && parent) runs = d.rowCount > parent.rowCount ? [...kept, { key: d.id, end: d.rowCount }] : kept;
    found.set(d.id, runs);
    return runs;
  };
  for (const d of datasets) if (!d.rowRuns) runsOf(d, 0);
  return found;
}

/** The key of the run `row` is in; undefined for a row past the last. Example: rowKeyAt([{ key: 'a', end: 3 }, { key: 'b', end: 5 }], 3) → 'b'. */
export function rowKeyAt(runs: readonly RowRun[], row: number): string | undefined {
  return runs.find((r) => row < r.end)?.key;
}

/** The dataset where rows of `key` were first stored (the earliest made that holds them), or undefined when none does any more. */
export function firstHolder<D extends Runs & { createdAt: number }>(datasets: readonly D[], key: string): D | undefined {
  let first: D | undefined;
  for (const d of datasets) if (rowRunsOf(d).some((r) => r.key === key) && (!first || d.createdAt < first.createdAt)) first = d;
  return first;
}
