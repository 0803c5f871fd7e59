import { describe, expect, test } from 'vitest';
import { compileExpression, evaluateExpression } from '../../../src/prepare/expression';
import { cells, col, frameOf } from './tables';

const frame = () =>
  frameOf(
    col('a', 'numeric', ['1', '2', '', '4']),
    col('b', 'numeric', ['2', '0', '3', '-1']),
    col('__proto__', 'numeric', ['10', '20', '30', '40']),
    col('petal length', 'numeric', ['1.5', '2.5', '3.5', '4.5']),
    col('colour', 'categorical', ['r', 'g', 'b', 'r']),
    col('flag', 'boolean', ['true', 'false', 'true', 'false']),
  );
const kinds = () => new Map(frame().table.columns.map((c) => [c.name, c.kind]));
const run = (source: string, onDivideByZero: 'fail' | 'missing' = 'missing') => {
  const f = frame();
  const column = evaluateExpression(compileExpression(source, kinds()), f.table, 'out', { onDivideByZero });
  return cells({ ...f, table: { rowCount: 4, columns: [column] } }, 'out');
};

describe('formulas', () => {
  test('precedence, right-associative power, unary minus and parentheses', () => {
    expect(run('1 + 2 * 3 ^ 2')).toEqual(['19', '19', '19', '19']);
    expect(run('2 ^ 3 ^ 2')).toEqual(['512', '512', '512', '512']);
    expect(run('-(a + 1) * 2')).toEqual(['-4', '-6', '', '-10']);
    expect(run('7 % 4 - 1')).toEqual(['2', '2', '2', '2']);
  });

  test('backtick names, a column called __proto__, booleans as 0/1', () => {
    expect(run('`petal length` * 2 + `__proto__`')).toEqual(['13', '25', '37', '49']);
    expect(run('__proto__ / 10')).toEqual(['1', '2', '3', '4']);
    expect(run('flag + 1')).toEqual(['2', '1', '2', '1']);
  });

  test('functions, comparisons and logic', () => {
    expect(run('max(a, b, 1.5)')).toEqual(['2', '2', '', '4']);
    expect(run('round(sqrt(abs(b) * 8))')).toEqual(['4', '0', '5', '3']);
    expect(run('a > 1 and b >= 0')).toEqual(['0', '1', '', '0']);
    expect(run('not (a == 1) or b < 0')).toEqual(['0', '1', '', '1']);
    expect(run('log10(100) + exp(0) + floor(2.7) + ceil(2.1) + min(1, 2)')).toEqual(['9', '9', '9', '9']);
  });

  test('missing inputs give missing; is_missing and if let a formula handle them', () => {
    expect(run('is_missing(a)')).toEqual(['0', '0', '1', '0']);
    expect(run('if(is_missing(a), 0, a)')).toEqual(['1', '2', '0', '4']);
  });

  test('a non-finite result is missing', () => {
    expect(run('log(b)')).toEqual([String(Math.log(2)), '', String(Math.log(3)), '']);
    expect(run('sqrt(b)')[3]).toBe('');
  });

  test('division by zero fails with the row, or gives missing; a guarded division is fine', () => {
    expect(() => run('a / b', 'fail')).toThrow('divides by zero in row 2 of the training rows');
    expect(run('a / b')).toEqual(['0.5', '', '', '-4']);
    expect(run('if(b == 0, 0, a / b)', 'fail')).toEqual(['0.5', '0', '', '-4']);
  });

  test('every mistake is named, with its place', () => {
    const problem = (source: string) => () => compileExpression(source, kinds());
    expect(problem('')).toThrow('Write a formula');
    expect(problem('a +')).toThrow('ends too soon');
    expect(problem('a + * b')).toThrow('Unexpected "*" at position 5');
    expect(problem('(a + b')).toThrow('ends too soon');
    expect(problem('a $ b')).toThrow('Unexpected "$" at position 3');
    expect(problem('A + 1')).toThrow('There is no column "A"; did you mean "a"?');
    expect(problem('nope(a)')).toThrow('There is no function "nope"');
    expect(problem('if(a, b)')).toThrow('if() takes 3 arguments, not 2');
    expect(problem('colour + 1')).toThrow('Column "colour" holds categorical values');
    expect(problem('`petal length + 1')).toThrow('no closing');
  });
});
