/**
 * The small expression language of the derived-column step, parsed by hand into a tree and
 * checked against the columns (expression-evaluate.ts evaluates it): no eval, no Function, and
 * user-written names only go through Maps, so a column may be called __proto__ or constructor.
 *
 *   or      := and ('or' and)*                  and := not ('and' not)*
 *   not     := 'not' not | compare              compare := sum (('<'|'<='|'>'|'>='|'=='|'!=') sum)?
 *   sum     := product (('+'|'-') product)*     product := unary (('*'|'/'|'%') unary)*
 *   unary   := '-' unary | power                power := atom ('^' unary)?   (right-associative)
 *   atom    := number | name | `any name` | name '(' or (',' or)* ')' | '(' or ')'
 */
import type { Column } from '../shared/column';
import { StepProblem } from './step-problem';

export type Node =
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
  // Parts of a date (UTC, as dates are read): what a model can use of one, rather than its milliseconds.
  ['year', [1, 1]], ['month', [1, 1]], ['day', [1, 1]], ['weekday', [1, 1]], ['hour', [1, 1]],
]);
/** The functions that read a date: a column given to them straight must hold dates. */
const DATE_PARTS = new Set(['year', 'month', 'day', 'weekday', 'hour']);
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
export function columnProblem(name: string, kind: Column['kind'] | undefined, known: Iterable<string>, where: string): string | null {
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
    const arg = args[0];
    if (DATE_PARTS.has(fn.text) && arg?.t === 'col' && columnKinds.get(arg.name) !== 'datetime') {
      throw new StepProblem(`${fn.text}() reads a date, and column "${arg.name}" holds ${columnKinds.get(arg.name)} values (${at(fn.pos)}).`);
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
