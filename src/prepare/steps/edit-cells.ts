import * as v from 'valibot';
import { setValid, type Column } from '../../shared/column';
import { newId } from '../../shared/ids';
import { booleanBit } from '../../data/booleans';
import type { DateOrder } from '../../data/dates';
import { count } from '../../data/words';
import { conditionSchema, describeCondition, matchRows, numberHint, readDecimal } from '../condition';
import { requireColumn, withColumns, type Frame } from '../frame';
import { copyValid } from '../fill';
import { notBoolean, StepProblem } from '../step-problem';
import { defineStep, type FitContext, type StepSpec } from '../step';
import { readTypedDate } from '../typed-date';
import { leftOutNote, relabelledNote, unmatchedRelabel } from './edit-notes';
import { rowKeyAt, rowRunsOf, type RowRun } from '../../shared/row-runs';

const dateOrderSchema = v.optional(v.picklist(['ymd', 'dmy', 'mdy']));

/**
 * One cell of one dataset row (0-based) set to a value. `dateOrder`, for a date column: the order
 * its year-last dates were imported in, recorded when the edit was made (typed-date.ts).
 * `rowKey`: the key of the row's run in the dataset it was made on (shared/row-runs.ts). The edit
 * applies only to a dataset that holds that very row there: another dataset of the project has
 * other rows under the same numbers. Edits stored before it was kept apply to any dataset.
 */
const cellEditSchema = v.object({
  row: v.pipe(v.number(), v.integer(), v.minValue(0)),
  column: v.string(),
  value: v.string(),
  dateOrder: dateOrderSchema,
  rowKey: v.optional(v.string()),
});

/**
 * Every row where `where` holds, as edited so far, set to a value. `mustMatch` is set only on the
 * relabel Prepare tries before adding it, over a split that trains on every row: it is refused
 * when it matches no row. Stored relabels never have it, so a split or a cross-validation fold
 * whose training rows have no such row still fits.
 */
const relabelSchema = v.object({ where: conditionSchema, column: v.string(), value: v.string(), dateOrder: dateOrderSchema, mustMatch: v.optional(v.literal(true)) });

export type CellEdit = v.InferOutput<typeof cellEditSchema>;
export type Relabel = v.InferOutput<typeof relabelSchema>;
export type Change = CellEdit | Relabel;

const isRelabel = (c: unknown): boolean => !!c && typeof c === 'object' && 'where' in c;

/**
 * Params this schema made: their edits are read already. Reading them again on every use (the
 * fit, then each part's transform) checked every edit once more each time.
 */
const readParams = new WeakSet<object>();

/**
 * The stored params: `edits`, the cell edits and relabels in the order they were made. Recipes
 * stored before that kept relabels apart in `bulk` and applied them first: they are read first.
 * Each change is checked on its own, so one bad change (a row left empty in the form, stored by an
 * older version) is left out, and counted, without voiding the others.
 */
const paramsSchema = v.pipe(
  v.object({ edits: v.fallback(v.array(v.unknown()), []), bulk: v.fallback(v.array(v.unknown()), []) }),
  v.transform(({ edits, bulk }) => {
    const changes: Change[] = [];
    let dropped = 0;
    for (const item of [...bulk, ...edits]) {
      const parsed = v.safeParse(isRelabel(item) ? relabelSchema : cellEditSchema, item);
      if (parsed.success) changes.push(parsed.output);
      else dropped++;
    }
    const read = { edits: changes, dropped };
    readParams.add(read);
    return read;
  }),
);
type Params = v.InferOutput<typeof paramsSchema>;

/** The changes of params as stored or as read (a fitted pipeline's, the Labels table's); params made by the schema are not read again. */
function changesOf(params: unknown): Change[] {
  if (params && typeof params === 'object' && readParams.has(params)) return (params as Params).edits;
  const parsed = v.safeParse(paramsSchema, params);
  return parsed.success ? parsed.output.edits : [];
}

/**
 * Where each dataset row is among the frame's rows: by binary search when they are in increasing
 * order, as the dataset's and its parts' rows are (a Map of a million rows took most of a second
 * to build); else by a Map, which keeps a repeated row's last place.
 */
function positionsOf(rowIds: Uint32Array, n: number): (row: number) => number | undefined {
  let increasing = true;
  for (let i = 1; i < n && increasing; i++) increasing = rowIds[i - 1]! < rowIds[i]!;
  if (increasing) {
    return (row) => {
      let [lo, hi] = [0, n];
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (rowIds[mid]! < row) lo = mid + 1;
        else hi = mid;
      }
      return lo < n && rowIds[lo] === row ? lo : undefined;
    };
  }
  const position = new Map<number, number>();
  for (let i = 0; i < n; i++) position.set(rowIds[i]!, i);
  return (row) => position.get(row);
}

/**
 * Stored params with one more change, last. A legacy `bulk` list is folded in front, where it was
 * applied. A cell edit replaces an earlier edit of the same cell unless a relabel came after that
 * one (the relabel may have matched the row by it); an edit of the same row number made on another
 * dataset's rows is another cell. Unreadable stored changes are kept as they are.
 * Example: (undefined, { row: 3, column: 'y', value: 'b' }) → { edits: [{ row: 3, column: 'y', value: 'b' }], bulk: [] }.
 */
export function withChange(params: unknown, change: Change): { edits: unknown[]; bulk: [] } {
  const edits = storedChanges(params);
  if (!isRelabel(change)) {
    const { row, column, rowKey } = change as CellEdit;
    // The same cell: of the same row, or of a row number stored before rows were keyed (it applied to whichever dataset was in use).
    const sameCell = (e: CellEdit) => e.row === row && e.column === column && (e.rowKey === rowKey || e.rowKey === undefined);
    const same = edits.findLastIndex((e) => !isRelabel(e) && sameCell(e as CellEdit));
    if (same >= 0 && !edits.slice(same + 1).some(isRelabel)) edits.splice(same, 1);
  }
  return { edits: [...edits, change], bulk: [] };
}

/** The stored changes in the order they apply: a legacy `bulk` list first, then `edits`. */
function storedChanges(params: unknown): unknown[] {
  const p = (params && typeof params === 'object' ? params : {}) as { edits?: unknown; bulk?: unknown };
  const list = (x: unknown) => (Array.isArray(x) ? x : []);
  return [...list(p.bulk), ...list(p.edits)];
}

/** Each stored change in the words the Labels panel lists them in, in the order they apply; one this version cannot read is listed as such, to remove. */
export function editWords(params: unknown): string[] {
  return storedChanges(params).map((item) => {
    const parsed = v.safeParse(isRelabel(item) ? relabelSchema : cellEditSchema, item);
    if (!parsed.success) return 'An edit this version cannot read (it is left out)';
    const c = parsed.output;
    const set = `${c.column} = ${c.value === '' ? 'missing' : `"${c.value}"`}`;
    return 'where' in c ? `${set} where ${describeCondition(c.where)}` : `Row ${(c.row + 1).toLocaleString('en')}: ${set}`;
  });
}

/** The `rowKey` of an edit of `row` made on `dataset`: an edit keeps to the row it was made on. */
export function madeOn(dataset: Parameters<typeof rowRunsOf>[0], row: number): Pick<CellEdit, 'rowKey'> {
  const rowKey = rowKeyAt(rowRunsOf(dataset), row);
  return rowKey === undefined ? {} : { rowKey };
}

/** Why a stored change is left out on a dataset: the row key of another dataset's row, or the column it does not have. */
export type LeftOut = { rowKey: string } | { column: string };

/**
 * Why a change does not apply to a dataset, and is left out there: a cell edit of a row the
 * dataset does not hold (another dataset's, by `runs`), or a change naming a column the dataset
 * does not have (a relabel made on a dataset with more columns). Null: it applies.
 */
function leftOutBy(c: Change, runs: readonly RowRun[] | undefined, columns: ReadonlySet<string>): LeftOut | null {
  if (!('where' in c) && runs && c.rowKey !== undefined && rowKeyAt(runs, c.row) !== c.rowKey) return { rowKey: c.rowKey };
  const missing = ('where' in c ? [c.column, c.where.column] : [c.column]).find((name) => !columns.has(name));
  return missing === undefined ? null : { column: missing };
}

/**
 * Per stored change (editWords' list), why it is left out on the dataset with `runs` and
 * `columns` (the Labels panel names the dataset or column); null for a change that applies.
 */
export function editsLeftOut(params: unknown, runs: readonly RowRun[], columns: readonly string[]): (LeftOut | null)[] {
  const have = new Set(columns);
  return storedChanges(params).map((item) => {
    const parsed = v.safeParse(isRelabel(item) ? relabelSchema : cellEditSchema, item);
    return parsed.success ? leftOutBy(parsed.output, runs, have) : null;
  });
}

/** The row key of each readable stored cell edit that has one; a relabel matches rows by their values, so it keeps to none. */
export function editedRowKeys(params: unknown): string[] {
  return storedChanges(params).flatMap((item) => {
    if (isRelabel(item)) return [];
    const parsed = v.safeParse(cellEditSchema, item);
    return parsed.success && parsed.output.rowKey !== undefined ? [parsed.output.rowKey] : [];
  });
}

/** Stored params without the change at `index` (of editWords' list); the others stay as stored, in their order. */
export function withoutChange(params: unknown, index: number): { edits: unknown[]; bulk: [] } {
  return { edits: storedChanges(params).filter((_, i) => i !== index), bulk: [] };
}

/** The recipe's edit step, added first in the pipeline when there is none. */
export function editStepOf(recipe: { steps: StepSpec[] }): StepSpec {
  let step = recipe.steps.find((s) => s.kind === 'edit-cells');
  if (!step) recipe.steps.unshift((step = { id: newId(), kind: 'edit-cells', enabled: true, params: { edits: [], bulk: [] } }));
  return step;
}

/**
 * Add `change` last in the recipe's edit step, switching the step back on when it was off (an
 * edit stored in a step that is off would never apply); true when it did, and EDITS_SWITCHED_ON is to be said.
 */
export function appendChange(recipe: { steps: StepSpec[] }, change: Change): boolean {
  const step = editStepOf(recipe);
  const wasOff = !step.enabled;
  step.enabled = true;
  step.params = withChange(step.params, change);
  return wasOff;
}

type Setter = (row: number) => void;

/**
 * A writer for one column: set(row, text) stores the text read as the column's kind ('' = missing).
 * Writes go to copies made on first use, so the imported data is never mutated.
 */
function columnWriter(column: Column, n: number) {
  let values: Column['values'] | null = null;
  let valid: Uint8Array | null = null;
  let dictionary = column.dictionary;
  const setterFor = (text: string, dateOrder?: DateOrder): Setter => {
    const t = text.trim();
    let code: number | null = null;
    if (t !== '') {
      if (column.kind === 'numeric') {
        // Plain decimal text, as every number typed in a form: not Number(), which reads '0x10' as 16.
        code = readDecimal(t);
        if (!Number.isFinite(code)) throw new StepProblem(`Column "${column.name}" holds numbers: "${text}" is not one.${numberHint(t)}`);
      } else if (column.kind === 'boolean') {
        // As a column chosen as true/false reads its cells on import: the words, or 1 and 0.
        const b = booleanBit(t);
        if (b < 0) throw new StepProblem(`${notBoolean(column, 'write', text)} To give it other values, change its type to Categorical on the Data page.`);
        code = b;
      } else if (column.kind === 'datetime') {
        code = readTypedDate(t, dateOrder);
        if (!Number.isFinite(code)) throw new StepProblem(`Column "${column.name}" holds dates: "${text}" is not one (write 2024-01-31).`);
      } else {
        const at = dictionary!.indexOf(t);
        if (at >= 0) code = at;
        else {
          dictionary = [...dictionary!, t];
          code = dictionary.length - 1;
        }
      }
    }
    return (row) => {
      values ??= column.values.slice(0, n);
      valid ??= copyValid(column, n);
      if (code === null) {
        values[row] = 0;
        valid[row >> 3]! &= ~(1 << (row & 7));
      } else {
        values[row] = code;
        setValid(valid, row);
      }
    };
  };
  const finish = (): Column | null => (values ? { ...column, values, valid: valid!, ...(dictionary ? { dictionary } : {}) } : null);
  return { setterFor, finish };
}

/**
 * The frame with the changes applied one after another, each relabel's condition matched against
 * the values written before it. `onRelabel` is told how many rows each relabel matched.
 */
/** The writer's setter for the change's value; a value the column cannot hold is refused naming the edit, among the many a step may hold. */
function setterOf(writer: ReturnType<typeof columnWriter>, c: Change): Setter {
  try {
    return writer.setterFor(c.value, c.dateOrder);
  } catch (e) {
    if (!(e instanceof StepProblem)) throw e;
    const which = 'where' in c ? `The relabel ${c.column} = "${c.value}" where ${describeCondition(c.where)}` : `The edit of row ${c.row + 1}`;
    throw new StepProblem(`${which}: ${e.message}`);
  }
}

function applyChanges(frame: Frame, changes: readonly Change[], onRelabel?: (relabel: Relabel, matched: number) => void): Frame {
  // Edits name rows of the dataset; a new file's rows are other rows.
  if (!frame.fromDataset || changes.length === 0) return frame;
  const n = frame.table.rowCount;
  const writers = new Map<string, ReturnType<typeof columnWriter>>();
  const writer = (name: string) => {
    let w = writers.get(name);
    if (!w) writers.set(name, (w = columnWriter(requireColumn(frame, name), n)));
    return w;
  };
  const written = () => {
    const changed = [...writers.values()].map((w) => w.finish()).filter((c): c is Column => c !== null);
    return changed.length ? withColumns(frame, changed) : frame;
  };
  let position: ((row: number) => number | undefined) | null = null;
  for (const c of changes) {
    if ('where' in c) {
      const set = setterOf(writer(c.column), c);
      const match = matchRows(written(), c.where);
      let matched = 0;
      for (let i = 0; i < n; i++) {
        if (!match[i]) continue;
        set(i);
        matched++;
      }
      onRelabel?.(c, matched);
    } else {
      position ??= positionsOf(frame.rowIds, n);
      const at = position(c.row);
      if (at !== undefined) setterOf(writer(c.column), c)(at);
    }
  }
  return written();
}

/**
 * `matched`: the rows a checked relabel matched. `leftOut`: the changes (by index) that do not
 * apply to the dataset, of another dataset's rows; `noColumn`: those naming a column it lacks.
 */
type Learned = { matched?: number; leftOut?: number[]; noColumn?: number[] };

/**
 * The part of the step's learned state found without the rows, from the dataset's row runs and
 * its `columns`: the changes left out. Enough to show rows as edited, which a fit over every row would only slow.
 */
export function editsLearned(params: unknown, context: FitContext | undefined, columns: readonly string[]): Learned {
  const have = new Set(columns);
  const leftOut: number[] = [];
  const noColumn: number[] = [];
  changesOf(params).forEach((c, i) => {
    const why = leftOutBy(c, context?.rowRuns, have);
    if (why) ('rowKey' in why ? leftOut : noColumn).push(i);
  });
  return { ...(leftOut.length ? { leftOut } : {}), ...(noColumn.length ? { noColumn } : {}) };
}

/** The changes that apply, those `learned` leaves out taken away. */
function applying(changes: Change[], learned: Learned): Change[] {
  const out = new Set([...(learned.leftOut ?? []), ...(learned.noColumn ?? [])]);
  return out.size ? changes.filter((_, i) => !out.has(i)) : changes;
}

/**
 * The rows fit edited, reused by the transform that follows it on the same frame with the same
 * params, so fitting does not apply every edit twice. Weak: it goes with the frame.
 */
const editedInFit = new WeakMap<Frame, { params: Params; edited: Frame }>();

export const editCells = defineStep({
  kind: 'edit-cells',
  title: 'Edit values and labels',
  explain: 'Corrects cells or relabels rows, one at a time or every row matching a condition, in the order the edits were made. The edits are kept as this step; the imported data never changes.',
  removesRows: false,
  params: paramsSchema,
  columnsOf: (p: Params) => [...new Set(changesOf(p).map((c) => c.column))],
  describe: (p: Params) => {
    const changes = changesOf(p);
    const cellEdits = changes.filter((c) => !('where' in c)).length;
    const parts = [];
    if (cellEdits) parts.push(count(cellEdits, 'cell') + ' edited');
    for (const c of changes) if ('where' in c) parts.push(`${c.column} = "${c.value}" where ${describeCondition(c.where)}`);
    if (p.dropped) parts.push(`${count(p.dropped, 'unreadable edit')} left out`);
    return parts.join('; ') || 'No edits yet';
  },
  // A checked relabel (Prepare's probe, over every row) learns how many rows it matched: the note Prepare shows once it is added, alone.
  note: (p: Params, learned: Learned) => {
    const checked = changesOf(p).findLast((c): c is Relabel => 'where' in c && c.mustMatch === true);
    if (checked && learned.matched !== undefined) return relabelledNote(checked, learned.matched);
    return leftOutNote(learned.leftOut?.length ?? 0, learned.noColumn?.length ?? 0);
  },
  fit: (p: Params, train, context): Learned => {
    // Found once, from the dataset's rows, and kept: the fitted pipeline leaves them out of every part it is applied to.
    const left = editsLearned(p, context, train.table.columns.map((c) => c.name));
    const changes = applying(changesOf(p), left);
    let checked: number | undefined;
    const edited = applyChanges(train, changes, (relabel, matched) => {
      if (!relabel.mustMatch) return;
      if (matched === 0 && train.table.rowCount > 0) throw new StepProblem(unmatchedRelabel(relabel.where));
      checked = matched;
    });
    editedInFit.set(train, { params: p, edited });
    // Edits of rows outside training are checked too: applying them to validation or test must not fail.
    const n = train.table.rowCount;
    for (const c of changes) setterOf(columnWriter(requireColumn(train, c.column), n), c);
    return { ...(checked === undefined ? {} : { matched: checked }), ...left };
  },
  transform: (p: Params, learned: Learned, frame: Frame) => {
    const cached = editedInFit.get(frame);
    return cached?.params === p ? cached.edited : applyChanges(frame, applying(changesOf(p), learned));
  },
});
