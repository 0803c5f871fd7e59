import * as v from 'valibot';
import { setValid, type Column } from '../../shared/column';
import { parseBoolean } from '../../data/booleans';
import { conditionSchema, describeCondition, matchRows } from '../condition';
import { requireColumn, withColumns, type Frame } from '../frame';
import { copyValid } from '../fill';
import { StepProblem } from '../step-problem';
import { defineStep } from '../step';

const editSchema = v.object({ row: v.pipe(v.number(), v.integer(), v.minValue(0)), column: v.string(), value: v.string() });
const bulkSchema = v.object({ where: conditionSchema, column: v.string(), value: v.string() });

type Setter = (row: number) => void;

/**
 * A writer for one column: set(row, text) stores the text read as the column's kind ('' = missing).
 * Writes go to copies made on first use, so the imported data is never mutated.
 */
function columnWriter(column: Column, n: number) {
  let values: Column['values'] | null = null;
  let valid: Uint8Array | null = null;
  let dictionary = column.dictionary;
  const setterFor = (text: string): Setter => {
    const t = text.trim();
    let code: number | null = null;
    if (t !== '') {
      if (column.kind === 'numeric') {
        code = Number(t);
        if (!Number.isFinite(code)) throw new StepProblem(`Column "${column.name}" holds numbers: "${text}" is not one.`);
      } else if (column.kind === 'boolean') {
        const b = parseBoolean(t);
        if (b < 0) throw new StepProblem(`Column "${column.name}" is yes/no: write true or false, not "${text}".`);
        code = b;
      } else if (column.kind === 'datetime') {
        code = Date.parse(t);
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

export const editCells = defineStep({
  kind: 'edit-cells',
  title: 'Edit values and labels',
  explain: 'Corrects cells or relabels rows, one at a time or every row matching a condition. The edits are kept as this step; the imported data never changes.',
  removesRows: false,
  params: v.object({ edits: v.fallback(v.array(editSchema), []), bulk: v.fallback(v.array(bulkSchema), []) }),
  columnsOf: (p) => [...new Set([...p.edits.map((e) => e.column), ...p.bulk.map((b) => b.column)])],
  describe: (p) => {
    const parts = [];
    if (p.edits.length) parts.push(`${p.edits.length} cell${p.edits.length === 1 ? '' : 's'} edited`);
    for (const b of p.bulk) parts.push(`${b.column} = "${b.value}" where ${describeCondition(b.where)}`);
    return parts.join('; ') || 'No edits yet';
  },
  fit: (p, train) => {
    editCells.transform(p, {}, train, 'train');
    // Edits of rows outside training are checked too: applying them to validation or test must not fail.
    const n = train.table.rowCount;
    for (const e of p.edits) columnWriter(requireColumn(train, e.column), n).setterFor(e.value);
    return {};
  },
  transform: (p, _learned, frame: Frame) => {
    // Edits name rows of the dataset; a new file's rows are other rows.
    if (!frame.fromDataset) return frame;
    const n = frame.table.rowCount;
    const writers = new Map<string, ReturnType<typeof columnWriter>>();
    const writer = (name: string) => {
      let w = writers.get(name);
      if (!w) writers.set(name, (w = columnWriter(requireColumn(frame, name), n)));
      return w;
    };
    for (const b of p.bulk) {
      const set = writer(b.column).setterFor(b.value);
      const match = matchRows(frame, b.where);
      for (let i = 0; i < n; i++) if (match[i]) set(i);
    }
    if (p.edits.length) {
      const position = new Map<number, number>();
      for (let i = 0; i < n; i++) position.set(frame.rowIds[i]!, i);
      for (const e of p.edits) {
        const at = position.get(e.row);
        if (at !== undefined) writer(e.column).setterFor(e.value)(at);
      }
    }
    const changed = [...writers.values()].map((w) => w.finish()).filter((c): c is Column => c !== null);
    return changed.length ? withColumns(frame, changed) : frame;
  },
});
