import { describe, expect, test } from 'vitest';
import { compileExpression } from '../../../src/prepare/expression';
import { evaluateExpression } from '../../../src/prepare/expression-evaluate';
import { StepProblem } from '../../../src/prepare/step-problem';
import { bitmapBytes, isValid, setValid, type Column, type Table } from '../../../src/shared/column';

/** A column built by hand: null = missing (its slot holds 0). */
function column(name: string, kind: Column['kind'], cells: readonly (number | null)[], dictionary?: string[]): Column {
  const values = kind === 'boolean' ? new Uint8Array(cells.length) : kind === 'numeric' || kind === 'datetime' ? new Float64Array(cells.length) : new Uint32Array(cells.length);
  const valid = new Uint8Array(bitmapBytes(cells.length));
  cells.forEach((x, row) => {
    if (x === null) return;
    values[row] = x;
    setValid(valid, row);
  });
  return { name, kind, values, valid, ...(dictionary ? { dictionary } : {}) };
}

const DAY = 86_400_000;
const table = (): Table => ({
  rowCount: 4,
  columns: [
    column('a', 'numeric', [1, 2, null, 4]),
    column('b', 'numeric', [2, 0, 3, -1]),
    column('__proto__', 'numeric', [10, 20, 30, 40]),
    column('constructor', 'numeric', [1, 1, 1, 1]),
    column('petal length (cm)', 'numeric', [1.5, 2.5, 3.5, 4.5]),
    column('flag', 'boolean', [1, 0, 1, null]),
    column('start', 'datetime', [0, DAY, 2 * DAY, 3 * DAY]),
    column('end', 'datetime', [DAY, 3 * DAY, 2 * DAY, 10 * DAY]),
    column('colour', 'categorical', [0, 1, 0, 1], ['red', 'green']),
    column('note', 'text', [0, 0, 0, 0], ['hi']),
  ],
});
const kinds = () => new Map(table().columns.map((c) => [c.name, c.kind]));

/** The expression's values over the table, null where missing. */
function run(source: string, onDivideByZero: 'fail' | 'missing' = 'missing'): (number | null)[] {
  const t = table();
  const out = evaluateExpression(compileExpression(source, kinds()), t, 'out', { onDivideByZero });
  expect(out).toMatchObject({ name: 'out', kind: 'numeric' });
  expect(out.values).toBeInstanceOf(Float64Array);
  return Array.from({ length: t.rowCount }, (_, row) => (isValid(out.valid, row) ? out.values[row]! : null));
}
const all = (x: number) => [x, x, x, x];
/** The message of the StepProblem a compile throws. */
function problem(source: string): string {
  try {
    compileExpression(source, kinds());
  } catch (e) {
    expect(e).toBeInstanceOf(StepProblem);
    return (e as Error).message;
  }
  throw new Error(`"${source}" compiled`);
}

describe('expression language', () => {
  test('precedence, left-associative chains, right-associative power, unary minus, parentheses', () => {
    expect(run('1 + 2 * 3')).toEqual(all(7));
    expect(run('(1 + 2) * 3')).toEqual(all(9));
    expect(run('10 - 4 - 3')).toEqual(all(3));
    expect(run('12 / 3 / 2')).toEqual(all(2));
    expect(run('2 * 3 ^ 2')).toEqual(all(18));
    expect(run('2 ^ 3 ^ 2')).toEqual(all(512));
    expect(run('-2 ^ 2')).toEqual(all(-4));
    expect(run('2 ^ -1')).toEqual(all(0.5));
    expect(run('7 % 4 - 1')).toEqual(all(2));
    expect(run('1e3 + 2.5 + .5')).toEqual(all(1003));
    expect(run('-(a + 1) * 2')).toEqual([-4, -6, null, -10]);
  });

  test('backtick names, __proto__ and constructor as plain columns, booleans and datetimes', () => {
    expect(run('`petal length (cm)` * 2 + `__proto__`')).toEqual([13, 25, 37, 49]);
    expect(run('__proto__ / 10 + constructor')).toEqual([2, 3, 4, 5]);
    expect(run('flag + 1')).toEqual([2, 1, 2, null]);
    expect(run('(end - start) / 86400000')).toEqual([1, 2, 0, 7]);
    expect(compileExpression('b * a + `a` + __proto__ + b', kinds()).columns).toEqual(['b', 'a', '__proto__']);
    expect(problem('toString + 1')).toContain('There is no column "toString"');
    expect(problem('hasOwnProperty')).toContain('There is no column "hasOwnProperty"');
  });

  test('functions', () => {
    expect(run('log(exp(2)) + log10(1000) + sqrt(16) + abs(-3)')).toEqual(all(12));
    expect(run('round(2.5) + floor(2.7) + ceil(2.1)')).toEqual(all(8));
    expect(run('min(a, b)')).toEqual([1, 0, null, -1]);
    expect(run('max(a, b, 1.5)')).toEqual([2, 2, null, 4]);
    expect(run('round(sqrt(abs(b) * 8))')).toEqual([4, 0, 5, 3]);
  });

  test('comparisons and logic give 1 or 0', () => {
    expect(run('a < 2')).toEqual([1, 0, null, 0]);
    expect(run('a <= 2')).toEqual([1, 1, null, 0]);
    expect(run('b > 0')).toEqual([1, 0, 1, 0]);
    expect(run('b >= 0')).toEqual([1, 1, 1, 0]);
    expect(run('b == 0')).toEqual([0, 1, 0, 0]);
    expect(run('b != 0')).toEqual([1, 0, 1, 1]);
    expect(run('a > 1 and b >= 0')).toEqual([0, 1, null, 0]);
    expect(run('not a == 1 or b < 0')).toEqual([0, 1, null, 1]);
    expect(run('1 or 0 and 0')).toEqual(all(1));
    expect(run('not not 5')).toEqual(all(1));
  });

  test('a missing input gives missing; is_missing and if handle it', () => {
    expect(run('a + b')).toEqual([3, 2, null, 3]);
    expect(run('not flag')).toEqual([0, 1, 0, null]);
    expect(run('is_missing(a)')).toEqual([0, 0, 1, 0]);
    expect(run('is_missing(a + flag)')).toEqual([0, 0, 1, 1]);
    expect(run('if(is_missing(a), 0, a)')).toEqual([1, 2, 0, 4]);
    expect(run('if(b > 0, a, 100)')).toEqual([1, 100, null, 100]);
    expect(run('if(flag, 1, 2)')).toEqual([1, 2, 1, null]);
  });

  test('a non-finite result is missing, also inside the expression', () => {
    expect(run('log(b)')).toEqual([Math.log(2), null, Math.log(3), null]);
    expect(run('sqrt(b)')).toEqual([Math.SQRT2, 0, Math.sqrt(3), null]);
    expect(run('exp(1000) * 0')).toEqual(all(null as unknown as number));
    expect(run('is_missing(sqrt(b))')).toEqual([0, 0, 0, 1]);
    expect(run('if(is_missing(log(b)), 0, log(b))')).toEqual([Math.log(2), 0, Math.log(3), 0]);
  });

  test('division by zero fails naming the row, or gives missing; a guarded one is fine', () => {
    expect(() => run('a / b', 'fail')).toThrow(StepProblem);
    expect(() => run('a / b', 'fail')).toThrow('The expression divides by zero in row 2');
    expect(() => run('b % (b - 3)', 'fail')).toThrow('divides by zero in row 3');
    expect(run('a / b')).toEqual([0.5, null, null, -4]);
    expect(run('5 % b')).toEqual([1, null, 2, 0]);
    expect(run('if(b == 0, 0, a / b)', 'fail')).toEqual([0.5, 0, null, -4]);
    // A missing input wins: no division happens in a row whose numerator is missing.
    expect(run('a / (b - 3)', 'fail')).toEqual([-1, -2 / 3, null, -1]);
  });

  test('the result is a fresh numeric column; the inputs are untouched', () => {
    const t = table();
    const before = JSON.stringify(t.columns.map((c) => [Array.from(c.values), Array.from(c.valid)]));
    const out = evaluateExpression(compileExpression('-a', kinds()), t, 'neg a', { onDivideByZero: 'fail' });
    expect(Array.from(out.values)).toEqual([-1, -2, 0, -4]);
    expect(JSON.stringify(t.columns.map((c) => [Array.from(c.values), Array.from(c.valid)]))).toBe(before);
  });

  test('every mistake is a StepProblem naming its place', () => {
    expect(problem('')).toBe('Write an expression, for example: price / area');
    expect(problem('   ')).toBe('Write an expression, for example: price / area');
    expect(problem('log(a))')).toBe('Unexpected ")" at position 7 of the expression.');
    expect(problem('a + * b')).toBe('Unexpected "*" at position 5 of the expression.');
    expect(problem('a +')).toBe('The expression ends too soon: a number, a column or "(" is missing at position 4 of the expression.');
    expect(problem('(a + b')).toBe('The expression ends too soon: ")" is missing at position 7 of the expression.');
    expect(problem('a $ b')).toMatch(/^Unexpected "\$" at position 3 of the expression\. .*backticks/);
    expect(problem('a = 1')).toBe('Unexpected "=" at position 3 of the expression. To compare, write ==.');
    expect(problem('a length')).toMatch(/^Unexpected "length" at position 3 of the expression\. .*backticks/);
    expect(problem('petal length')).toMatch(/^There is no column "petal" \(at position 1 of the expression\)\. .*backticks/);
    expect(problem('`petal length + 1')).toBe('The column name opened with ` at position 1 of the expression has no closing `.');
    expect(problem('`` + 1')).toBe('The backticks at position 1 of the expression hold no column name.');
    expect(problem('1 < a < 3')).toMatch(/^Unexpected "<" at position 7 of the expression\. Compare one pair at a time/);
    expect(problem('a and')).toContain('ends too soon');
    expect(problem('1e999')).toBe('The number 1e999 at position 1 of the expression is too large.');
  });

  test('unknown columns and functions, wrong argument counts, refused kinds', () => {
    expect(problem('x + 1')).toBe('There is no column "x" (at position 1 of the expression).');
    expect(problem('2 * A')).toBe('There is no column "A" (at position 5 of the expression). Did you mean "a"?');
    expect(problem('nope(a)')).toMatch(/^There is no function "nope" \(at position 1 of the expression\)\. Functions: log, log10,/);
    expect(problem('1 + if(a, b)')).toBe('if() takes 3 arguments, not 2 (at position 5 of the expression).');
    expect(problem('log(a, b)')).toBe('log() takes 1 argument, not 2 (at position 1 of the expression).');
    expect(problem('is_missing()')).toBe('is_missing() takes 1 argument, not 0 (at position 1 of the expression).');
    expect(problem('min(a)')).toBe('min() takes at least 2 arguments, not 1 (at position 1 of the expression).');
    expect(problem('colour + 1')).toMatch(/^Column "colour" holds categorical values \(at position 1 of the expression\); an expression can only use numeric, boolean/);
    expect(problem('`note`')).toContain('Column "note" holds text values');
    // Compiled against one table, evaluated on another that lacks the column.
    const expr = compileExpression('a + 1', kinds());
    expect(() => evaluateExpression(expr, { rowCount: 0, columns: [] }, 'out', { onDivideByZero: 'missing' })).toThrow('There is no column "a" (in this table).');
  });

  test('evaluated a block of rows at a time, the answer is the same row by row; the first division by zero is named', () => {
    const n = 10_000; // a few blocks and a part of one
    const a = new Float64Array(n).map((_, i) => (i % 97) - 40);
    const b = new Float64Array(n).map((_, i) => ((i * 31) % 13) - 6);
    const validA = new Uint8Array(bitmapBytes(n)).fill(255);
    for (let i = 5; i < n; i += 11) validA[i >> 3]! &= ~(1 << (i & 7));
    const t: Table = { rowCount: n, columns: [{ name: 'a', kind: 'numeric', values: a, valid: validA }, { name: 'b', kind: 'numeric', values: b, valid: new Uint8Array(bitmapBytes(n)).fill(255) }] };
    const kinds2 = new Map([['a', 'numeric' as const], ['b', 'numeric' as const]]);
    const out = evaluateExpression(compileExpression('if(b == 0, -1, a / b) + max(a, b) * sqrt(abs(b))', kinds2), t, 'y', { onDivideByZero: 'fail' });
    for (let i = 0; i < n; i++) {
      const present = i % 11 !== 5 || i < 5;
      const expected = (b[i] === 0 ? -1 : a[i]! / b[i]!) + Math.max(a[i]!, b[i]!) * Math.sqrt(Math.abs(b[i]!));
      expect([i, (out.valid[i >> 3]! >> (i & 7)) & 1, present ? out.values[i] : 0]).toEqual([i, present ? 1 : 0, present ? expected : 0]);
    }
    // b is 0 first at row 6 (1-based 7); a zero only in a later block is named too.
    const late = new Float64Array(n).fill(1);
    late[9000] = 0;
    const t2: Table = { ...t, columns: [t.columns[0]!, { ...t.columns[1]!, values: late }] };
    expect(() => evaluateExpression(compileExpression('1 / b', kinds2), t2, 'y', { onDivideByZero: 'fail' })).toThrow('divides by zero in row 9001.');
  });

  test('a million rows, a column at a time', () => {
    const n = 1_000_000;
    const x = new Float64Array(n).map((_, i) => i);
    const valid = new Uint8Array(bitmapBytes(n)).fill(255);
    const big: Table = { rowCount: n, columns: [{ name: 'x', kind: 'numeric', values: x, valid }] };
    const expr = compileExpression('if(x % 2 == 0, log(x + 1), -x) * 2', new Map([['x', 'numeric']]));
    const out = evaluateExpression(expr, big, 'y', { onDivideByZero: 'fail' });
    expect(out.values[n - 1]).toBe(-2 * (n - 1));
    expect(out.values[10]).toBeCloseTo(2 * Math.log(11));
  });
});

describe('parts of a date', () => {
  // 1970-01-01 (a Thursday), 1970-01-02, 1970-01-03 and 1970-01-04 (a Sunday), read in UTC as every date is.
  test('year, month, day, weekday (ISO: Monday 1 … Sunday 7) and hour, against Date’s own UTC reading', () => {
    const starts = [0, DAY, 2 * DAY, 3 * DAY].map((ms) => new Date(ms));
    expect(run('year(start)')).toEqual(starts.map((d) => d.getUTCFullYear()));
    expect(run('month(start)')).toEqual([1, 1, 1, 1]);
    expect(run('day(start)')).toEqual([1, 2, 3, 4]);
    expect(run('weekday(start)')).toEqual([4, 5, 6, 7]);
    expect(run('hour(start + 5 * 3600000)')).toEqual([5, 5, 5, 5]);
    // Of a computed date: the day of the month a week after the end.
    expect(run('day(end + 7 * 86400000)')).toEqual([9, 11, 10, 18]);
  });

  test('a leap day and a date before 1970 read right', () => {
    const t: Table = { rowCount: 2, columns: [column('d', 'datetime', [Date.UTC(2024, 1, 29, 13), Date.UTC(1969, 11, 31, 23)])] };
    const part = (fn: string) => Array.from(evaluateExpression(compileExpression(`${fn}(d)`, new Map([['d', 'datetime']])), t, 'out', { onDivideByZero: 'missing' }).values as Float64Array);
    expect([part('year'), part('month'), part('day'), part('hour')]).toEqual([[2024, 1969], [2, 12], [29, 31], [13, 23]]);
    expect(part('weekday')).toEqual([4, 3]); // a Thursday and a Wednesday
  });

  test('a column that holds no dates is refused by name; a missing date stays missing', () => {
    expect(() => compileExpression('month(a)', kinds())).toThrow('month() reads a date, and column "a" holds numeric values (at position 1 of the expression).');
    const t: Table = { rowCount: 2, columns: [column('d', 'datetime', [DAY, null])] };
    const out = evaluateExpression(compileExpression('year(d)', new Map([['d', 'datetime']])), t, 'out', { onDivideByZero: 'missing' });
    expect([isValid(out.valid, 0), isValid(out.valid, 1)]).toEqual([true, false]);
  });
});
