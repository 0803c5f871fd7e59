/**
 * The small formula language of the derived-column step. Parsed by hand into a tree and
 * evaluated a column at a time over typed arrays: no eval, no Function, and no object lookups
 * by user-written names (a column may be called __proto__).
 *
 *   expr    := or
 *   or      := and ('or' and)*          and := not ('and' not)*        not := 'not' not | compare
 *   compare := sum (('<'|'<='|'>'|'>='|'=='|'!=') sum)?
 *   sum     := product (('+'|'-') product)*   product := unary (('*'|'/'|'%') unary)*
 *   unary   := '-' unary | power         power := atom ('^' unary)?   (right-associative)
 *   atom    := number | name | `any name` | name '(' args ')' | '(' expr ')'
 */
import { allPresent, bitmapBytes, isValid, setValid, type Column, type Table } from '../shared/column';
import { StepProblem } from './step-problem';

type Node =
  | { t: 'num'; value: number }
  | { t: 'col'; name: string }
  | { t: 'neg'; arg: Node }
  | { t: 'not'; arg: Node }
  | { t: 'bin'; op: string; left: Node; right: Node }
  | { t: 'call'; fn: string; args: Node[] };

export interface CompiledExpression {
  /** the columns the formula reads, in first-use order */
  columns: string[];
  root: Node;
}

interface Token {
  kind: 'num' | 'name' | 'op' | 'end';
  text: string;
  pos: number;
}

const OPS = ['<=', '>=', '==', '!=', '<', '>', '+', '-', '*', '/', '%', '^', '(', ')', ','];
const KEYWORDS = new Set(['and', 'or', 'not']);
/** Functions and their argument counts (min, max). */
const FUNCTIONS = new Map<string, [number, number]>([
  ['log', [1, 1]],
  ['log10', [1, 1]],
  ['exp', [1, 1]],
  ['sqrt', [1, 1]],
  ['abs', [1, 1]],
  ['round', [1, 1]],
  ['floor', [1, 1]],
  ['ceil', [1, 1]],
  ['min', [1, 50]],
  ['max', [1, 50]],
  ['if', [3, 3]],
  ['is_missing', [1, 1]],
]);

const at = (pos: number) => `at position ${pos + 1} of the formula`;

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const number = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(source.slice(i));
    if (number) {
      tokens.push({ kind: 'num', text: number[0], pos: i });
      i += number[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i));
    if (name) {
      tokens.push({ kind: 'name', text: name[0], pos: i });
      i += name[0].length;
      continue;
    }
    if (ch === '`') {
      const end = source.indexOf('`', i + 1);
      if (end < 0) throw new StepProblem(`The column name started with \` ${at(i)} has no closing \`.`);
      tokens.push({ kind: 'name', text: source.slice(i + 1, end), pos: i });
      // A quoted name is always a column, never a keyword or function: mark it.
      tokens[tokens.length - 1]!.kind = 'name';
      (tokens[tokens.length - 1] as Token & { quoted?: boolean }).quoted = true;
      i = end + 1;
      continue;
    }
    const op = OPS.find((o) => source.startsWith(o, i));
    if (!op) throw new StepProblem(`Unexpected "${ch}" ${at(i)}.`);
    tokens.push({ kind: 'op', text: op, pos: i });
    i += op.length;
  }
  tokens.push({ kind: 'end', text: '', pos: source.length });
  return tokens;
}

function parse(source: string): Node {
  const tokens = tokenize(source);
  let k = 0;
  const peek = () => tokens[k]!;
  const isOp = (text: string) => peek().kind === 'op' && peek().text === text;
  const isWord = (text: string) => peek().kind === 'name' && peek().text === text && !(peek() as { quoted?: boolean }).quoted;
  const unexpected = (t: Token): never => {
    throw new StepProblem(t.kind === 'end' ? 'The formula ends too soon: something is missing at its end.' : `Unexpected "${t.text}" ${at(t.pos)}.`);
  };
  const expect = (text: string) => (isOp(text) ? tokens[k++] : unexpected(peek()));

  const binaryLevel = (next: () => Node, ops: readonly string[], words = false) => (): Node => {
    let left = next();
    for (;;) {
      const t = peek();
      const match = words ? ops.find((o) => isWord(o)) : ops.find((o) => t.kind === 'op' && t.text === o);
      if (!match) return left;
      k++;
      left = { t: 'bin', op: match, left, right: next() };
    }
  };
  const atom = (): Node => {
    const t = peek();
    if (t.kind === 'num') {
      k++;
      return { t: 'num', value: Number(t.text) };
    }
    if (isOp('(')) {
      k++;
      const inner = or();
      expect(')');
      return inner;
    }
    if (t.kind === 'name' && !KEYWORDS.has(t.text)) {
      k++;
      const quoted = (t as { quoted?: boolean }).quoted;
      if (!quoted && isOp('(')) {
        const arity = FUNCTIONS.get(t.text);
        if (!arity) throw new StepProblem(`There is no function "${t.text}" (${at(t.pos)}). Functions: ${[...FUNCTIONS.keys()].join(', ')}.`);
        k++;
        const args: Node[] = [];
        if (!isOp(')')) {
          args.push(or());
          while (isOp(',')) {
            k++;
            args.push(or());
          }
        }
        expect(')');
        if (args.length < arity[0] || args.length > arity[1]) {
          const want = arity[0] === arity[1] ? `${arity[0]}` : `${arity[0]} or more`;
          throw new StepProblem(`${t.text}() takes ${want} argument${arity[1] === 1 ? '' : 's'}, not ${args.length} (${at(t.pos)}).`);
        }
        return { t: 'call', fn: t.text, args };
      }
      return { t: 'col', name: t.text };
    }
    return unexpected(t);
  };
  const unary = (): Node => {
    if (isOp('-')) {
      k++;
      return { t: 'neg', arg: unary() };
    }
    return power();
  };
  const power = (): Node => {
    const base = atom();
    if (!isOp('^')) return base;
    k++;
    return { t: 'bin', op: '^', left: base, right: unary() };
  };
  const product = binaryLevel(unary, ['*', '/', '%']);
  const sum = binaryLevel(product, ['+', '-']);
  const compare = (): Node => {
    const left = sum();
    const op = ['<=', '>=', '==', '!=', '<', '>'].find((o) => isOp(o));
    if (!op) return left;
    k++;
    return { t: 'bin', op, left, right: sum() };
  };
  const not = (): Node => {
    if (isWord('not')) {
      k++;
      return { t: 'not', arg: not() };
    }
    return compare();
  };
  const and = binaryLevel(not, ['and'], true);
  const or = binaryLevel(and, ['or'], true);

  const root = or();
  if (peek().kind !== 'end') unexpected(peek());
  return root;
}

function columnsOf(node: Node, out: string[]): string[] {
  if (node.t === 'col' && !out.includes(node.name)) out.push(node.name);
  if (node.t === 'neg' || node.t === 'not') columnsOf(node.arg, out);
  if (node.t === 'bin') columnsOf(node.right, columnsOf(node.left, out));
  if (node.t === 'call') for (const a of node.args) columnsOf(a, out);
  return out;
}

/** Parse a formula and check the columns it names against the kinds available. */
export function compileExpression(source: string, columnKinds: ReadonlyMap<string, Column['kind']>): CompiledExpression {
  if (source.trim() === '') throw new StepProblem('Write a formula, for example: price / area');
  const root = parse(source);
  const columns = columnsOf(root, []);
  for (const name of columns) {
    const kind = columnKinds.get(name);
    if (kind === undefined) {
      const close = [...columnKinds.keys()].find((c) => c.toLowerCase() === name.toLowerCase());
      throw new StepProblem(`There is no column "${name}"${close ? `; did you mean "${close}"?` : '.'} Names with spaces go between backticks: \`my column\`.`);
    }
    if (kind !== 'numeric' && kind !== 'boolean' && kind !== 'datetime') {
      throw new StepProblem(`Column "${name}" holds ${kind} values; a formula can only use numbers, yes/no and dates. Encode it first.`);
    }
  }
  return { columns, root };
}

/** A node's value per row, whether it is present, and where a division by zero happened. */
interface Values {
  v: Float64Array;
  ok: Uint8Array;
  zero: Uint8Array | null;
}

function mergeZero(a: Uint8Array | null, b: Uint8Array | null, n: number): Uint8Array | null {
  if (!a) return b;
  if (!b) return a;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = a[i]! | b[i]!;
  return out;
}

const UNARY: Record<string, (x: number) => number> = {
  log: Math.log,
  log10: Math.log10,
  exp: Math.exp,
  sqrt: Math.sqrt,
  abs: Math.abs,
  round: Math.round,
  floor: Math.floor,
  ceil: Math.ceil,
};

function binary(op: string): (a: number, b: number) => number {
  switch (op) {
    case '+': return (a, b) => a + b;
    case '-': return (a, b) => a - b;
    case '*': return (a, b) => a * b;
    case '/': return (a, b) => a / b;
    case '%': return (a, b) => a % b;
    case '^': return (a, b) => a ** b;
    case '<': return (a, b) => +(a < b);
    case '<=': return (a, b) => +(a <= b);
    case '>': return (a, b) => +(a > b);
    case '>=': return (a, b) => +(a >= b);
    case '==': return (a, b) => +(a === b);
    case '!=': return (a, b) => +(a !== b);
    case 'and': return (a, b) => +(a !== 0 && b !== 0);
    default: return (a, b) => +(a !== 0 || b !== 0);
  }
}

function evaluate(node: Node, table: Table, byName: Map<string, Column>): Values {
  const n = table.rowCount;
  switch (node.t) {
    case 'num':
      return { v: new Float64Array(n).fill(node.value), ok: new Uint8Array(n).fill(1), zero: null };
    case 'col': {
      const c = byName.get(node.name)!;
      if (c.values instanceof Float64Array && allPresent(c.valid, n)) return { v: c.values.slice(0, n), ok: new Uint8Array(n).fill(1), zero: null };
      const v = new Float64Array(n);
      const ok = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        if (isValid(c.valid, i)) {
          v[i] = c.values[i]!;
          ok[i] = 1;
        }
      }
      return { v, ok, zero: null };
    }
    case 'neg':
    case 'not': {
      const a = evaluate(node.arg, table, byName);
      for (let i = 0; i < n; i++) a.v[i] = node.t === 'neg' ? -a.v[i]! : +(a.v[i] === 0);
      return a;
    }
    case 'bin': {
      const a = evaluate(node.left, table, byName);
      const b = evaluate(node.right, table, byName);
      let zero = mergeZero(a.zero, b.zero, n);
      const [av, bv, aok, bok] = [a.v, b.v, a.ok, b.ok];
      for (let i = 0; i < n; i++) aok[i] = aok[i]! & bok[i]!;
      if (node.op === '/' || node.op === '%') {
        for (let i = 0; i < n; i++) {
          if (aok[i] && bv[i] === 0) {
            zero ??= new Uint8Array(n);
            zero[i] = 1;
            aok[i] = 0;
          }
        }
      }
      // One tight loop per operator: the arithmetic inlines, with no call per row.
      switch (node.op) {
        case '+': for (let i = 0; i < n; i++) av[i] = av[i]! + bv[i]!; break;
        case '-': for (let i = 0; i < n; i++) av[i] = av[i]! - bv[i]!; break;
        case '*': for (let i = 0; i < n; i++) av[i] = av[i]! * bv[i]!; break;
        case '/': for (let i = 0; i < n; i++) av[i] = av[i]! / bv[i]!; break;
        default: {
          const f = binary(node.op);
          for (let i = 0; i < n; i++) av[i] = f(av[i]!, bv[i]!);
        }
      }
      return { v: av, ok: aok, zero };
    }
    case 'call': {
      if (node.fn === 'is_missing') {
        const a = evaluate(node.args[0]!, table, byName);
        for (let i = 0; i < n; i++) {
          a.v[i] = a.ok[i] ? 0 : 1;
          a.ok[i] = 1;
        }
        return { v: a.v, ok: a.ok, zero: null };
      }
      if (node.fn === 'if') {
        const [c, yes, no] = node.args.map((arg) => evaluate(arg, table, byName)) as [Values, Values, Values];
        const v = new Float64Array(n);
        const ok = new Uint8Array(n);
        let zero = c.zero;
        // Only the chosen branch counts, its division by zero included: if(x == 0, 0, y / x) is fine.
        for (let i = 0; i < n; i++) {
          if (!c.ok[i]) continue;
          const pick = c.v[i] !== 0 ? yes : no;
          v[i] = pick.v[i]!;
          ok[i] = pick.ok[i]!;
          if (pick.zero?.[i]) (zero ??= new Uint8Array(n))[i] = 1;
        }
        return { v, ok, zero };
      }
      const args = node.args.map((arg) => evaluate(arg, table, byName));
      const first = args[0]!;
      let zero: Uint8Array | null = null;
      for (const a of args) zero = mergeZero(zero, a.zero, n);
      if (node.fn === 'min' || node.fn === 'max') {
        const pick = node.fn === 'min' ? Math.min : Math.max;
        for (const a of args.slice(1)) {
          for (let i = 0; i < n; i++) {
            first.ok[i] = first.ok[i]! & a.ok[i]!;
            first.v[i] = pick(first.v[i]!, a.v[i]!);
          }
        }
        return { v: first.v, ok: first.ok, zero };
      }
      const v = first.v;
      switch (node.fn) {
        case 'abs': for (let i = 0; i < n; i++) v[i] = Math.abs(v[i]!); break;
        case 'log': for (let i = 0; i < n; i++) v[i] = Math.log(v[i]!); break;
        default: {
          const f = UNARY[node.fn]!;
          for (let i = 0; i < n; i++) v[i] = f(v[i]!);
        }
      }
      return { v: first.v, ok: first.ok, zero };
    }
  }
}

/**
 * The formula's value for every row, as a numeric column named `name`. A missing input or a
 * non-finite result (log of a negative) gives a missing value; a division by zero either fails,
 * naming the first row (1-based), or gives a missing value.
 */
export function evaluateExpression(expr: CompiledExpression, table: Table, name: string, options: { onDivideByZero: 'fail' | 'missing' }): Column {
  const byName = new Map<string, Column>();
  for (const c of table.columns) if (expr.columns.includes(c.name)) byName.set(c.name, c);
  const n = table.rowCount;
  const result = evaluate(expr.root, table, byName);
  if (options.onDivideByZero === 'fail' && result.zero) {
    const row = result.zero.indexOf(1);
    if (row >= 0) throw new StepProblem(`The formula divides by zero in row ${row + 1} of the training rows. Guard it, for example: if(x == 0, 0, y / x).`);
  }
  const values = new Float64Array(n);
  const valid = new Uint8Array(bitmapBytes(n));
  for (let i = 0; i < n; i++) {
    const x = result.v[i]!;
    if (result.ok[i] && Number.isFinite(x)) {
      values[i] = x;
      setValid(valid, i);
    }
  }
  return { name, kind: 'numeric', values, valid };
}
