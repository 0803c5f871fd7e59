/**
 * The small expression language of the derived-column step. Parsed by hand into a tree, then
 * evaluated a block of rows at a time over typed arrays (one tight loop per node, no allocation
 * per row): no eval, no Function, and user-written names only go through Maps, so a column may be
 * called __proto__ or constructor.
 *
 *   or      := and ('or' and)*                  and := not ('and' not)*
 *   not     := 'not' not | compare              compare := sum (('<'|'<='|'>'|'>='|'=='|'!=') sum)?
 *   sum     := product (('+'|'-') product)*     product := unary (('*'|'/'|'%') unary)*
 *   unary   := '-' unary | power                power := atom ('^' unary)?   (right-associative)
 *   atom    := number | name | `any name` | name '(' or (',' or)* ')' | '(' or ')'
 */
import { bitmapBytes, setValid, type Column, type Table } from '../shared/column';
import { columnView, viewAllPresent, type ColumnView } from './frame-view';
import { StepProblem } from './step-problem';

type Node =
  | { t: 'num'; value: number }
  | { t: 'col'; name: string }
  | { t: 'neg' | 'not'; arg: Node }
  | { t: 'bin'; op: string; left: Node; right: Node }
  | { t: 'call'; fn: string; args: Node[] };

export interface CompiledExpression {
  /** column names referenced, in first-use order */
  columns: string[];
  root: Node;
}

interface Token {
  kind: 'num' | 'name' | 'quoted' | 'op' | 'end';
  text: string;
  pos: number;
}

const OPS = ['<=', '>=', '==', '!=', '<', '>', '+', '-', '*', '/', '%', '^', '(', ')', ','];
const COMPARISONS = ['<=', '>=', '==', '!=', '<', '>'];
const KEYWORDS = new Set(['and', 'or', 'not']);
/** Functions and their least and most argument counts. */
const FUNCTIONS = new Map<string, [number, number]>([
  ['log', [1, 1]], ['log10', [1, 1]], ['exp', [1, 1]], ['sqrt', [1, 1]], ['abs', [1, 1]],
  ['round', [1, 1]], ['floor', [1, 1]], ['ceil', [1, 1]],
  // At least two: min and max compare values within a row; min(x) is not the column's minimum.
  ['min', [2, Infinity]], ['max', [2, Infinity]],
  ['if', [3, 3]], ['is_missing', [1, 1]],
]);
const BACKTICKS = 'Names with spaces or other characters go between backticks: `petal length (cm)`.';
/** What a learner probably meant by a character the language does not have. */
const CHAR_HINTS = new Map([
  ['=', 'To compare, write ==.'],
  ['&', 'Write and.'],
  ['|', 'Write or.'],
  ['!', 'Write not, or != to compare.'],
]);

const at = (pos: number) => `at position ${pos + 1} of the expression`;
const NUMBER = /(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const sticky = (re: RegExp, i: number) => ((re.lastIndex = i), re.exec(source)?.[0]);
  for (let i = 0; i < source.length; ) {
    const ch = source[i]!;
    const number = sticky(NUMBER, i);
    const name = number ? undefined : sticky(NAME, i);
    const op = OPS.find((o) => source.startsWith(o, i));
    if (/\s/.test(ch)) i++;
    else if (number || name) {
      tokens.push({ kind: number ? 'num' : 'name', text: (number ?? name)!, pos: i });
      i += (number ?? name)!.length;
    } else if (ch === '`') {
      const end = source.indexOf('`', i + 1);
      if (end < 0) throw new StepProblem(`The column name opened with \` ${at(i)} has no closing \`.`);
      if (end === i + 1) throw new StepProblem(`The backticks ${at(i)} hold no column name.`);
      tokens.push({ kind: 'quoted', text: source.slice(i + 1, end), pos: i });
      i = end + 1;
    } else if (op) {
      tokens.push({ kind: 'op', text: op, pos: i });
      i += op.length;
    } else throw new StepProblem(`Unexpected "${ch}" ${at(i)}. ${CHAR_HINTS.get(ch) ?? BACKTICKS}`);
  }
  tokens.push({ kind: 'end', text: '', pos: source.length });
  return tokens;
}

/** Why a column cannot be used, or null: checked when compiling and again on the table itself. */
function columnProblem(name: string, kind: Column['kind'] | undefined, known: Iterable<string>, where: string): string | null {
  if (kind === undefined) {
    const close = [...known].find((c) => c.toLowerCase() === name.toLowerCase());
    return `There is no column "${name}" (${where}).${close === undefined ? '' : ` Did you mean "${close}"?`}`;
  }
  if (kind === 'numeric' || kind === 'boolean' || kind === 'datetime') return null;
  return `Column "${name}" holds ${kind} values (${where}); an expression can only use numeric, boolean (0/1) and datetime columns. Encode it first.`;
}

function parse(source: string, columnKinds: ReadonlyMap<string, Column['kind']>, columns: string[]): Node {
  const tokens = tokenize(source);
  let k = 0;
  const peek = () => tokens[k]!;
  const isOp = (text: string) => peek().kind === 'op' && peek().text === text;
  const isWord = (text: string) => peek().kind === 'name' && peek().text === text;
  const fail = (want: string): never => {
    const t = peek();
    if (t.kind === 'end') throw new StepProblem(`The expression ends too soon: ${want} is missing ${at(t.pos)}.`);
    const prev = tokens[k - 1];
    const twoNames = t.kind !== 'op' && t.kind !== 'num' && (prev?.kind === 'name' || prev?.kind === 'quoted');
    throw new StepProblem(`Unexpected "${t.text}" ${at(t.pos)}.${twoNames ? ` ${BACKTICKS}` : ''}`);
  };
  const expect = (text: string) => (isOp(text) ? k++ : fail(`"${text}"`));

  /** A left-associative chain of operators (symbols) or keywords. */
  const chain = (next: () => Node, ops: readonly string[], words: boolean) => (): Node => {
    let left = next();
    for (let op; (op = ops.find((o) => (words ? isWord(o) : isOp(o)))); ) {
      k++;
      left = { t: 'bin', op, left, right: next() };
    }
    return left;
  };
  const call = (fn: Token): Node => {
    const arity = FUNCTIONS.get(fn.text);
    if (!arity) throw new StepProblem(`There is no function "${fn.text}" (${at(fn.pos)}). Functions: ${[...FUNCTIONS.keys()].join(', ')}.`);
    k++; // the "("
    const args = isOp(')') ? [] : [or()];
    while (args.length && isOp(',')) {
      k++;
      args.push(or());
    }
    expect(')');
    const [least, most] = arity;
    if (args.length < least || args.length > most) {
      const want = least === most ? `${least} argument${least === 1 ? '' : 's'}` : `at least ${least} arguments`;
      throw new StepProblem(`${fn.text}() takes ${want}, not ${args.length} (${at(fn.pos)}).`);
    }
    return { t: 'call', fn: fn.text, args };
  };
  const atom = (): Node => {
    const t = peek();
    if (t.kind === 'num') {
      k++;
      const value = Number(t.text);
      if (!Number.isFinite(value)) throw new StepProblem(`The number ${t.text} ${at(t.pos)} is too large.`);
      return { t: 'num', value };
    }
    if (isOp('(')) {
      k++;
      const inner = or();
      expect(')');
      return inner;
    }
    if (t.kind === 'quoted' || (t.kind === 'name' && !KEYWORDS.has(t.text))) {
      k++;
      if (t.kind === 'name' && isOp('(')) return call(t);
      const problem = columnProblem(t.text, columnKinds.get(t.text), columnKinds.keys(), at(t.pos));
      // `petal length` written bare reads as the column petal: say how to quote it.
      const spaced = peek().kind === 'name' || peek().kind === 'quoted';
      if (problem) throw new StepProblem(spaced ? `${problem} ${BACKTICKS}` : problem);
      if (!columns.includes(t.text)) columns.push(t.text);
      return { t: 'col', name: t.text };
    }
    return fail('a number, a column or "("');
  };
  const unary = (): Node => (isOp('-') ? (k++, { t: 'neg', arg: unary() }) : power());
  const power = (): Node => {
    const base = atom();
    return isOp('^') ? (k++, { t: 'bin', op: '^', left: base, right: unary() }) : base;
  };
  const product = chain(unary, ['*', '/', '%'], false);
  const sum = chain(product, ['+', '-'], false);
  const compare = (): Node => {
    const left = sum();
    const op = COMPARISONS.find(isOp);
    if (!op) return left;
    k++;
    const node: Node = { t: 'bin', op, left, right: sum() };
    // a < b < c reads as maths but would compare a 0/1 with c: refuse it.
    const again = COMPARISONS.find(isOp);
    if (again) throw new StepProblem(`Unexpected "${again}" ${at(peek().pos)}. Compare one pair at a time, joined with and: a < b and b < c.`);
    return node;
  };
  const not = (): Node => (isWord('not') ? (k++, { t: 'not', arg: not() }) : compare());
  const and = chain(not, ['and'], true);
  const or = chain(and, ['or'], true);

  const root = or();
  if (peek().kind !== 'end') fail('nothing');
  return root;
}

/** Parse an expression and check the columns it names against the kinds available. */
export function compileExpression(source: string, columnKinds: ReadonlyMap<string, Column['kind']>): CompiledExpression {
  if (source.trim() === '') throw new StepProblem('Write an expression, for example: price / area');
  const columns: string[] = [];
  const root = parse(source, columnKinds, columns);
  return { columns, root };
}

/**
 * A node's value for a block of rows, whether it is present, and which rows divided by zero.
 * Every evaluation returns buffers of its own, so the parent node may overwrite them in place.
 */
interface Values {
  v: Float64Array;
  ok: Uint8Array;
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
    return this.free.pop() ?? { v: new Float64Array(BLOCK), ok: new Uint8Array(BLOCK), zero: null };
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
]);

/** A non-finite value (log of a negative, an overflow) is missing from the node that made it on. */
function dropNonFinite(x: Values, n: number): Values {
  for (let i = 0; i < n; i++) if (x.v[i]! - x.v[i]! !== 0) x.ok[i] = 0;
  return x;
}

/** a's presence and division-by-zero rows joined with b's, in a's buffers. */
function join(a: Values, b: Values, n: number): void {
  for (let i = 0; i < n; i++) a.ok[i] = a.ok[i]! & b.ok[i]!;
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
  if (complete) ok.fill(1, 0, n);
  else {
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
      x.ok.fill(1, 0, n);
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
          if (a.ok[i] && b.v[i] === 0) {
            a.ok[i] = 0;
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
        for (let i = 0; i < n; i++) a.v[i] = 1 - a.ok[i]!;
        a.ok.fill(1, 0, n);
        return a;
      }
      if (node.fn === 'if') {
        // Both branches are computed a column at a time, but a row takes its value, presence
        // and division by zero from the chosen one only: if(b == 0, 0, a / b) never fails.
        const [yes, no] = [args[1]!, args[2]!];
        for (let i = 0; i < n; i++) {
          if (!a.ok[i]) continue;
          const pick = a.v[i] !== 0 ? yes : no;
          a.v[i] = pick.v[i]!;
          a.ok[i] = pick.ok[i]!;
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

/**
 * The expression's value for every row, as a numeric column called `name`. A missing input or
 * a non-finite result gives a missing value; a division by zero either fails, naming the first
 * such row (1-based), or gives a missing value.
 */
export function evaluateExpression(expr: CompiledExpression, table: Table, name: string, options: { onDivideByZero: 'fail' | 'missing' }): Column {
  return evaluateViewExpression(expr, table.rowCount, table.columns.map((c) => columnView(c, table.rowCount)), name, options);
}

/** evaluateExpression over n rows of columns read through views. */
export function evaluateViewExpression(expr: CompiledExpression, n: number, views: readonly ColumnView[], name: string, options: { onDivideByZero: 'fail' | 'missing' }): Column {
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
      throw new StepProblem(`The expression divides by zero in row ${start + zeroAt + 1}. Guard it, for example: if(b == 0, 0, a / b).`);
    }
    for (let k = 0; k < m; k++) {
      if (result.ok[k]) {
        values[start + k] = result.v[k]!;
        setValid(valid, start + k);
      }
    }
    pool.give(result);
  }
  return { name, kind: 'numeric', values, valid };
}
