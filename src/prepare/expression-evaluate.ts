/**
 * The derived-column expression evaluated a block of rows at a time over typed arrays: one tight
 * loop per node, buffers reused block after block, no allocation per row.
 */
import { bitmapBytes, setValid, type Column, type Table } from '../shared/column';
import { columnProblem, type CompiledExpression, type Node } from './expression';
import { columnView, viewAllPresent, type ColumnView, type Picked } from './frame-view';
import { StepProblem } from './step-problem';

/**
 * A node's value for a block of rows, whether it is present, and which rows divided by zero.
 * Every evaluation returns buffers of its own, so the parent node may overwrite them in place.
 * `all`: every row is present and `ok` is not written (complete columns and constants are the
 * common case, and filling and joining presence bytes that are all 1 was a third of the time).
 */
interface Values {
  v: Float64Array;
  ok: Uint8Array;
  all: boolean;
  zero: Uint8Array | null;
}

/**
 * Rows evaluated at a time. Each node's buffers then stay in cache and are reused block after
 * block: a buffer per node over a million rows was tens of megabytes of fresh memory.
 */
const BLOCK = 4096;

class Buffers {
  private free: Values[] = [];
  take(): Values {
    return this.free.pop() ?? { v: new Float64Array(BLOCK), ok: new Uint8Array(BLOCK), all: true, zero: null };
  }
  give(x: Values): void {
    x.zero = null;
    this.free.push(x);
  }
}

/** A column the expression names, and whether all of its rows are present (looked at once). */
interface Input {
  view: ColumnView;
  complete: boolean;
}

type Kernel = (a: Float64Array, b: Float64Array, n: number) => void;
// One loop per operator and function, so the arithmetic inlines with no call per row.
const BINARY = new Map<string, Kernel>([
  ['+', (a, b, n) => { for (let i = 0; i < n; i++) a[i] = a[i]! + b[i]!; }],
  ['-', (a, b, n) => { for (let i = 0; i < n; i++) a[i] = a[i]! - b[i]!; }],
  ['*', (a, b, n) => { for (let i = 0; i < n; i++) a[i] = a[i]! * b[i]!; }],
  ['/', (a, b, n) => { for (let i = 0; i < n; i++) a[i] = a[i]! / b[i]!; }],
  ['%', (a, b, n) => { for (let i = 0; i < n; i++) a[i] = a[i]! % b[i]!; }],
  ['^', (a, b, n) => { for (let i = 0; i < n; i++) a[i] = a[i]! ** b[i]!; }],
  ['<', (a, b, n) => { for (let i = 0; i < n; i++) a[i] = +(a[i]! < b[i]!); }],
  ['<=', (a, b, n) => { for (let i = 0; i < n; i++) a[i] = +(a[i]! <= b[i]!); }],
  ['>', (a, b, n) => { for (let i = 0; i < n; i++) a[i] = +(a[i]! > b[i]!); }],
  ['>=', (a, b, n) => { for (let i = 0; i < n; i++) a[i] = +(a[i]! >= b[i]!); }],
  ['==', (a, b, n) => { for (let i = 0; i < n; i++) a[i] = +(a[i] === b[i]); }],
  ['!=', (a, b, n) => { for (let i = 0; i < n; i++) a[i] = +(a[i] !== b[i]); }],
  ['and', (a, b, n) => { for (let i = 0; i < n; i++) a[i] = +(a[i] !== 0 && b[i] !== 0); }],
  ['or', (a, b, n) => { for (let i = 0; i < n; i++) a[i] = +(a[i] !== 0 || b[i] !== 0); }],
  ['min', (a, b, n) => { for (let i = 0; i < n; i++) if (b[i]! < a[i]!) a[i] = b[i]!; }],
  ['max', (a, b, n) => { for (let i = 0; i < n; i++) if (b[i]! > a[i]!) a[i] = b[i]!; }],
]);
const UNARY = new Map<string, (a: Float64Array, n: number) => void>([
  ['neg', (a, n) => { for (let i = 0; i < n; i++) a[i] = -a[i]!; }],
  ['not', (a, n) => { for (let i = 0; i < n; i++) a[i] = +(a[i] === 0); }],
  ['log', (a, n) => { for (let i = 0; i < n; i++) a[i] = Math.log(a[i]!); }],
  ['log10', (a, n) => { for (let i = 0; i < n; i++) a[i] = Math.log10(a[i]!); }],
  ['exp', (a, n) => { for (let i = 0; i < n; i++) a[i] = Math.exp(a[i]!); }],
  ['sqrt', (a, n) => { for (let i = 0; i < n; i++) a[i] = Math.sqrt(a[i]!); }],
  ['abs', (a, n) => { for (let i = 0; i < n; i++) a[i] = Math.abs(a[i]!); }],
  ['round', (a, n) => { for (let i = 0; i < n; i++) a[i] = Math.round(a[i]!); }], // halves round up
  ['floor', (a, n) => { for (let i = 0; i < n; i++) a[i] = Math.floor(a[i]!); }],
  ['ceil', (a, n) => { for (let i = 0; i < n; i++) a[i] = Math.ceil(a[i]!); }],
  ['year', datePart((d) => d.getUTCFullYear())],
  ['month', datePart((d) => d.getUTCMonth() + 1)],
  ['day', datePart((d) => d.getUTCDate())],
  // ISO: Monday 1 … Sunday 7.
  ['weekday', datePart((d) => ((d.getUTCDay() + 6) % 7) + 1)],
  ['hour', datePart((d) => d.getUTCHours())],
]);

/** A part of each date (epoch ms, UTC), read through one Date moved from value to value: nothing allocated per row. */
function datePart(part: (d: Date) => number): (a: Float64Array, n: number) => void {
  const d = new Date(0);
  return (a, n) => {
    for (let i = 0; i < n; i++) {
      d.setTime(a[i]!);
      a[i] = part(d);
    }
  };
}

/** x's presence written out in `ok`, when it was `all`. */
function spell(x: Values, n: number): Values {
  if (x.all) {
    x.ok.fill(1, 0, n);
    x.all = false;
  }
  return x;
}

/** A non-finite value (log of a negative, an overflow) is missing from the node that made it on. */
function dropNonFinite(x: Values, n: number): Values {
  if (allFinite(x.v, n)) return x;
  for (let i = 0; i < n; i++) if (x.v[i]! - x.v[i]! !== 0) spell(x, n).ok[i] = 0;
  return x;
}

/**
 * Whether the first n values are all finite: x × 0 is NaN for NaN and ±Infinity and 0 for the
 * rest, and NaN stays in a sum. Four sums, not one, keep the additions from waiting on each
 * other: a quarter of the time of a test per value, which almost never finds anything.
 */
function allFinite(v: Float64Array, n: number): boolean {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    a += v[i]! * 0;
    b += v[i + 1]! * 0;
    c += v[i + 2]! * 0;
    d += v[i + 3]! * 0;
  }
  for (; i < n; i++) a += v[i]! * 0;
  const sum = a + b + c + d;
  return sum === sum;
}

/** a's presence and division-by-zero rows joined with b's, in a's buffers. */
function join(a: Values, b: Values, n: number): void {
  if (!b.all) {
    if (a.all) {
      a.ok.set(b.ok.subarray(0, n));
      a.all = false;
    } else for (let i = 0; i < n; i++) a.ok[i] = a.ok[i]! & b.ok[i]!;
  }
  if (b.zero) {
    if (!a.zero) a.zero = b.zero;
    else for (let i = 0; i < n; i++) a.zero[i] = a.zero[i]! | b.zero[i]!;
  }
}

/** Rows [start, start + n) of a column. */
function readColumn({ view, complete }: Input, start: number, n: number, out: Values): Values {
  const { column, rows, affine } = view;
  const { v, ok } = out;
  const src = column.values;
  if (affine) {
    const { center, scale } = affine;
    if (rows === null) for (let i = 0; i < n; i++) v[i] = (src[start + i]! - center) * scale;
    else for (let i = 0; i < n; i++) v[i] = (src[rows[start + i]!]! - center) * scale;
  } else if (rows === null) v.set(src.subarray(start, start + n)); // converts boolean bytes to 0/1 doubles
  else for (let i = 0; i < n; i++) v[i] = src[rows[start + i]!]!;
  out.all = complete;
  if (!complete) {
    const valid = column.valid;
    for (let i = 0; i < n; i++) {
      const k = rows === null ? start + i : rows[start + i]!;
      ok[i] = (valid[k >> 3]! >> (k & 7)) & 1;
      if (!ok[i]) v[i] = 0; // as a gathered column holds it
    }
  }
  // A stored NaN or Infinity counts as missing, like a computed one.
  return dropNonFinite(out, n);
}

/** The node's values for rows [start, start + n), n ≤ BLOCK, in buffers taken from `pool`. */
function evaluate(node: Node, byName: ReadonlyMap<string, Input>, start: number, n: number, pool: Buffers): Values {
  switch (node.t) {
    case 'num': {
      const x = pool.take();
      x.v.fill(node.value, 0, n);
      x.all = true;
      return x;
    }
    case 'col':
      return readColumn(byName.get(node.name)!, start, n, pool.take());
    case 'neg':
    case 'not': {
      const a = evaluate(node.arg, byName, start, n, pool);
      UNARY.get(node.t)!(a.v, n);
      return a;
    }
    case 'bin': {
      const a = evaluate(node.left, byName, start, n, pool);
      const b = evaluate(node.right, byName, start, n, pool);
      join(a, b, n);
      if (node.op === '/' || node.op === '%') {
        for (let i = 0; i < n; i++) {
          if (b.v[i] === 0 && (a.all || a.ok[i])) {
            spell(a, n).ok[i] = 0;
            (a.zero ??= new Uint8Array(n))[i] = 1;
          }
        }
      }
      BINARY.get(node.op)!(a.v, b.v, n);
      pool.give(b);
      return dropNonFinite(a, n);
    }
    case 'call': {
      const args = node.args.map((arg) => evaluate(arg, byName, start, n, pool));
      const a = args[0]!;
      if (node.fn === 'is_missing') {
        // A division by zero here is asked about, not made: is_missing(a / b) is a guard.
        a.zero = null;
        if (a.all) a.v.fill(0, 0, n);
        else for (let i = 0; i < n; i++) a.v[i] = 1 - a.ok[i]!;
        a.all = true;
        return a;
      }
      if (node.fn === 'if') {
        // Both branches are computed a column at a time, but a row takes its value, presence
        // and division by zero from the chosen one only: if(b == 0, 0, a / b) never fails.
        const [yes, no] = [args[1]!, args[2]!];
        const all = a.all && yes.all && no.all;
        if (!all) [a, yes, no].forEach((x) => spell(x, n));
        for (let i = 0; i < n; i++) {
          if (!all && !a.ok[i]) continue;
          const pick = a.v[i] !== 0 ? yes : no;
          a.v[i] = pick.v[i]!;
          if (!all) a.ok[i] = pick.ok[i]!;
          if (pick.zero?.[i]) (a.zero ??= new Uint8Array(n))[i] = 1;
        }
        pool.give(yes);
        pool.give(no);
        return a;
      }
      if (node.fn === 'min' || node.fn === 'max') {
        for (const b of args.slice(1)) {
          join(a, b, n);
          BINARY.get(node.fn)!(a.v, b.v, n);
          pool.give(b);
        }
        return a;
      }
      UNARY.get(node.fn)!(a.v, n);
      return dropNonFinite(a, n);
    }
  }
}

export interface EvaluateOptions {
  onDivideByZero: 'fail' | 'missing';
  /** each row's dataset row, so a failure names it as the data table numbers it; without: its position */
  rowIds?: Picked<Uint32Array>;
}

/**
 * The expression's value for every row, as a numeric column called `name`. A missing input or
 * a non-finite result gives a missing value; a division by zero either fails, naming the first
 * such row (1-based), or gives a missing value.
 */
export function evaluateExpression(expr: CompiledExpression, table: Table, name: string, options: EvaluateOptions): Column {
  return evaluateViewExpression(expr, table.rowCount, table.columns.map((c) => columnView(c, table.rowCount)), name, options);
}

/** The dataset row (0-based) at a position: the training rows are a part of the dataset, in row order. */
function datasetRow(rowIds: Picked<Uint32Array> | undefined, position: number): number {
  if (!rowIds) return position;
  return rowIds.values[rowIds.rows === null ? position : rowIds.rows[position]!]!;
}

/** evaluateExpression over n rows of columns read through views. */
export function evaluateViewExpression(expr: CompiledExpression, n: number, views: readonly ColumnView[], name: string, options: EvaluateOptions): Column {
  const byName = new Map<string, ColumnView>();
  for (const c of views) if (!byName.has(c.column.name)) byName.set(c.column.name, c);
  // The table may not be the one the expression was compiled against.
  for (const col of expr.columns) {
    const problem = columnProblem(col, byName.get(col)?.column.kind, byName.keys(), 'in this table');
    if (problem) throw new StepProblem(problem);
  }
  const inputs = new Map<string, Input>();
  for (const [col, view] of byName) if (expr.columns.includes(col)) inputs.set(col, { view, complete: viewAllPresent(view, n) });
  const values = new Float64Array(n);
  const valid = new Uint8Array(bitmapBytes(n));
  const pool = new Buffers();
  for (let start = 0; start < n; start += BLOCK) {
    const m = Math.min(BLOCK, n - start);
    const result = evaluate(expr.root, inputs, start, m, pool);
    // Blocks go in row order: the first block with a division by zero holds the first such row.
    const zeroAt = options.onDivideByZero === 'fail' && result.zero ? result.zero.indexOf(1) : -1;
    if (zeroAt >= 0) {
      throw new StepProblem(`The expression divides by zero in row ${datasetRow(options.rowIds, start + zeroAt) + 1}. Guard it, for example: if(b == 0, 0, a / b).`);
    }
    if (result.all) {
      // Blocks start on a whole byte of the bitmap (BLOCK is a multiple of 8).
      values.set(result.v.subarray(0, m), start);
      valid.fill(255, start >> 3, (start + m) >> 3);
      for (let k = (start + m) & ~7; k < start + m; k++) setValid(valid, k);
    } else {
      for (let k = 0; k < m; k++) {
        if (result.ok[k]) {
          values[start + k] = result.v[k]!;
          setValid(valid, start + k);
        }
      }
    }
    pool.give(result);
  }
  return { name, kind: 'numeric', values, valid };
}
