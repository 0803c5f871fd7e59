import { describe, expect, test } from 'vitest';
import { columnFromStrings } from '../../../src/data/column-builder';
import { formatCell } from '../../../src/data/format-cell';
import { appendTables, joinTables, planAppend } from '../../../src/data/merge';
import type { Column, ColumnKind, Table } from '../../../src/shared/column';

const col = (name: string, kind: ColumnKind, cells: string[]): Column => columnFromStrings(name, kind, cells, { decimalComma: false });
const table = (...columns: Column[]): Table => ({ rowCount: columns[0]!.values.length, columns });
/** Rows as text, '' for missing. */
const rows = (t: Table) => Array.from({ length: t.rowCount }, (_, r) => t.columns.map((c) => formatCell(c, r)).join('|'));

describe('planAppend', () => {
  test('same names in another order map by name', () => {
    expect(planAppend(['id', 'age', 'city'], ['city', 'id', 'age'], 'b.csv')).toEqual({ ok: true, mapping: [1, 2, 0] });
  });

  test('missing and extra columns are both named, with a hint for names that differ by case or spaces', () => {
    const result = planAppend(['id', 'age', 'city'], ['id', 'Age ', 'town'], 'b.csv');
    expect(result).toEqual({
      ok: false,
      problem:
        '"b.csv" does not have the same columns, so its rows cannot be appended. It lacks "age", "city". It has "Age ", "town", which this dataset does not. ' +
        'Names must match exactly: "Age " there looks like "age" here. Rename the columns in the file so both have the same names, or join the files on a key column instead.',
    });
  });
});

describe('appendTables', () => {
  test('rows follow in the parent column order; labels merge into the parent dictionary; missing stays missing', () => {
    const parent = table(col('id', 'numeric', ['1', '2']), col('colour', 'categorical', ['a', 'b']));
    const other = table(col('colour', 'categorical', ['c', 'b', '']), col('id', 'numeric', ['3', '', '5']));
    const { table: t, converted } = appendTables(parent, other, [1, 0]);
    expect(rows(t)).toEqual(['1|a', '2|b', '3|c', '|b', '5|']);
    expect(t.columns[1]!.dictionary).toEqual(['a', 'b', 'c']);
    expect(Array.from(t.columns[1]!.values)).toEqual([0, 1, 2, 1, 0]);
    expect(converted).toEqual([]);
    // Neither input changed.
    expect(parent.columns[1]!.dictionary).toEqual(['a', 'b']);
    expect(rows(other)).toEqual(['c|3', 'b|', '|5']);
  });

  test('a column of another kind is read as the parent kind; what does not fit becomes missing and is counted', () => {
    const parent = table(col('n', 'numeric', ['1']));
    const other = table(col('n', 'categorical', ['3', 'x', '4.5']));
    const { table: t, converted } = appendTables(parent, other, [0]);
    expect(t.columns[0]!.kind).toBe('numeric');
    expect(rows(t)).toEqual(['1', '3', '', '4.5']);
    expect(converted).toEqual([{ column: 'n', failures: { count: 1, firstRow: 1, firstValue: 'x' } }]);
  });

  test('a true/false column takes 1 and 0 as true and false, and keeps its own spelling of them', () => {
    const parent = table(col('paid', 'boolean', ['yes', 'no']));
    const other = table(col('paid', 'categorical', ['1', '0', 'maybe']));
    const { table: t, converted } = appendTables(parent, other, [0]);
    expect(rows(t)).toEqual(['yes', 'no', 'yes', 'no', '']);
    expect(appendTables(parent, table(col('paid', 'boolean', ['TRUE', 'FALSE'])), [0]).table.columns[0]!.words).toEqual(['no', 'yes']);
    expect(converted).toEqual([{ column: 'paid', failures: { count: 1, firstRow: 2, firstValue: 'maybe' } }]);
  });
});

describe('joinTables', () => {
  const people = table(col('id', 'numeric', ['1', '2', '3', '']), col('name', 'categorical', ['ann', 'bob', 'cy', 'dee']));
  const cities = table(col('id', 'categorical', ['2', '1', '9']), col('city', 'categorical', ['Oslo', 'Rome', 'Lima']));

  test('inner keeps matched rows only, in left order; the number 1 matches the label "1"', () => {
    const result = joinTables(people, cities, 'id', 'id', 'inner');
    if (!result.ok) throw new Error(result.problem);
    expect(result.table.columns.map((c) => c.name)).toEqual(['id', 'name', 'city']);
    expect(rows(result.table)).toEqual(['1|ann|Rome', '2|bob|Oslo']);
    expect(result.stats).toEqual({ matchedLeftRows: 2, unmatchedLeftRows: 2, missingKeyLeftRows: { count: 1, rows: [3] }, duplicateRightKeys: 0, rowCount: 2, renamed: [], lookAlike: null });
  });

  test('a yes/no key matches by value, however each file wrote it', () => {
    const plans = table(col('paid', 'boolean', ['Yes', 'No']), col('plan', 'categorical', ['gold', 'free']));
    const prices = table(col('paid', 'boolean', ['false', 'true']), col('price', 'numeric', ['0', '9']));
    const result = joinTables(plans, prices, 'paid', 'paid', 'inner');
    if (!result.ok) throw new Error(result.problem);
    expect(rows(result.table)).toEqual(['Yes|gold|9', 'No|free|0']);
  });

  test('left keeps every left row; a missing key never matches', () => {
    const result = joinTables(people, cities, 'id', 'id', 'left');
    if (!result.ok) throw new Error(result.problem);
    expect(rows(result.table)).toEqual(['1|ann|Rome', '2|bob|Oslo', '3|cy|', '|dee|']);
    const withMissingKey = table(col('id', 'categorical', ['', '3']), col('city', 'categorical', ['Nowhere', 'Kyiv']));
    const joined = joinTables(people, withMissingKey, 'id', 'id', 'left');
    if (!joined.ok) throw new Error(joined.problem);
    expect(rows(joined.table)).toEqual(['1|ann|', '2|bob|', '3|cy|Kyiv', '|dee|']);
  });

  test('repeated right keys multiply rows and are counted; clashing names get " (2)"', () => {
    const visits = table(col('id', 'numeric', ['1', '1', '2']), col('name', 'categorical', ['x', 'y', 'z']));
    const result = joinTables(people, visits, 'id', 'id', 'inner');
    if (!result.ok) throw new Error(result.problem);
    expect(result.table.columns.map((c) => c.name)).toEqual(['id', 'name', 'name (2)']);
    expect(rows(result.table)).toEqual(['1|ann|x', '1|ann|y', '2|bob|z']);
    expect(result.stats.duplicateRightKeys).toBe(1);
    expect(result.stats.renamed).toEqual([{ from: 'name', to: 'name (2)' }]);
  });

  test('rows whose key is missing are counted apart from keys the other file lacks', () => {
    const left = table(col('id', 'numeric', ['1', '', '2', '', '5']));
    const right = table(col('id', 'numeric', ['1', '2', '']), col('v', 'numeric', ['10', '20', '30']));
    const result = joinTables(left, right, 'id', 'id', 'left');
    if (!result.ok) throw new Error(result.problem);
    expect(result.stats.matchedLeftRows).toBe(2);
    expect(result.stats.unmatchedLeftRows).toBe(3);
    expect(result.stats.missingKeyLeftRows).toEqual({ count: 2, rows: [1, 3] });
  });

  test('keys that differ only in how they are written are found, with an example, but not matched', () => {
    const left = table(col('id', 'numeric', ['1', '2', '3', '4']));
    const right = table(col('id', 'categorical', ['001', '002', '1.0', '4']), col('v', 'numeric', ['10', '20', '11', '40']));
    const result = joinTables(left, right, 'id', 'id', 'inner');
    if (!result.ok) throw new Error(result.problem);
    expect(result.stats.matchedLeftRows).toBe(1);
    expect(result.stats.lookAlike).toEqual({ rows: 2, here: '1', there: '001' });
    // Text that differs only in case or spaces is alike too; keys equal as written are not counted.
    const names = table(col('name', 'categorical', ['Ann', 'bob']));
    const other = table(col('name', 'categorical', ['ann', 'bob']), col('v', 'numeric', ['1', '2']));
    const byName = joinTables(names, other, 'name', 'name', 'left');
    if (!byName.ok) throw new Error(byName.problem);
    expect(byName.stats.lookAlike).toEqual({ rows: 1, here: 'Ann', there: 'ann' });
    expect(joinTables(left, table(col('id', 'numeric', ['1', '9'])), 'id', 'id', 'left')).toMatchObject({ ok: true, stats: { lookAlike: null } });
  });

  test('a right column is renamed only for a name this dataset has, to a name neither table has', () => {
    const left = table(col('id', 'numeric', ['1']), col('v', 'numeric', ['1']));
    const right = table(col('id', 'numeric', ['1']), col('v', 'numeric', ['2']), col('v (2)', 'numeric', ['3']));
    const result = joinTables(left, right, 'id', 'id', 'inner');
    if (!result.ok) throw new Error(result.problem);
    expect(result.table.columns.map((c) => c.name)).toEqual(['id', 'v', 'v (3)', 'v (2)']);
    expect(rows(result.table)).toEqual(['1|1|2|3']);
    expect(result.stats.renamed).toEqual([{ from: 'v', to: 'v (3)' }]);
  });

  test('a missing key column, or a join that would explode, is refused with the reason', () => {
    expect(joinTables(people, cities, 'nope', 'id', 'inner')).toEqual({ ok: false, problem: 'This dataset has no column named "nope" to join on.' });
    expect(joinTables(people, cities, 'id', 'key', 'inner')).toEqual({ ok: false, problem: 'The other file has no column named "key" to join on.' });
    const many = table(col('id', 'numeric', ['1', '1', '1']));
    const result = joinTables(people, many, 'id', 'id', 'left', 5);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatch(/^This join would make 6 rows, more than the 5 Looplab allows: "id" repeats in the other file \(1 value occurs more than once\)/);
  });
});
