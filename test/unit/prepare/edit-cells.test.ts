/**
 * The edit step ("Edit values and labels"): each stored edit read on its own, edits and relabels
 * applied in the order they were made, typed dates read as the import reads them, and a relabel
 * that matches no training row refused when it is made. Run under TZ=America/New_York too.
 */
import { describe, expect, test } from 'vitest';
import { matchRows } from '../../../src/prepare/condition';
import { applyPipeline, fitPipeline, parseStep } from '../../../src/prepare/pipeline';
import type { StepSpec } from '../../../src/prepare/step';
import { editCells, editsLearned, editsLeftOut, editWords, madeOn, withChange, withoutChange } from '../../../src/prepare/steps/edit-cells';
import { lookalikeNote, unmatchedRelabel } from '../../../src/prepare/steps/edit-notes';
import { fitTrainingPart } from '../../../src/prepare/pipeline';
import { materialize } from '../../../src/prepare/frame-view';
import { rowRunsFor } from '../../../src/shared/row-runs';
import { cells, col, frameOf } from './tables';

const spec = (params: unknown): StepSpec => ({ id: 'e', kind: 'edit-cells', enabled: true, params });
const fitted = (params: unknown, frame = labels()) => {
  const fit = fitPipeline([spec(params)], frame);
  if (!fit.ok) throw new Error(fit.problem);
  return fit;
};
const labels = () => frameOf(col('species', 'categorical', ['a', 'a', 'b']), col('x', 'numeric', ['1', '2', '3']));

describe('stored edits are read one by one', () => {
  test('an edit with no row (a cleared Row box) is left out alone; the other edits still apply, and the step says so', () => {
    const params = { edits: [{ row: 0, column: 'species', value: 'c' }, { row: null, column: 'species', value: 'd' }, { row: -1, column: 'species', value: 'e' }, { row: 2, column: 'species', value: 'f' }], bulk: [] };
    expect(cells(fitted(params).train, 'species')).toEqual(['c', 'a', 'f']);
    const parsed = parseStep(spec(params));
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(editCells.describe(parsed.params as never)).toBe('2 cells edited; 2 unreadable edits left out');
  });

  test('the older shape { edits, bulk } still reads, relabels applied first as before; a bad relabel is left out alone', () => {
    const params = { edits: [{ row: 2, column: 'species', value: 'z' }], bulk: [{ where: { column: 'x', op: '>=', value: '2' }, column: 'species', value: 'big' }, { where: { column: 'x', op: 'like', value: '2' }, column: 'species', value: 'bad' }] };
    expect(cells(fitted(params).train, 'species')).toEqual(['a', 'big', 'z']);
  });

  test('the Labels table, which applies the stored step as it is, shows what training applies', () => {
    const params = { edits: [{ row: 0, column: 'species', value: 'c' }, { row: null, column: 'species', value: 'd' }], bulk: [] };
    const stored = { format: 1 as const, steps: [{ id: 'e', kind: 'edit-cells', params, learned: {} }] };
    expect(cells(applyPipeline(stored, labels()), 'species')).toEqual(cells(fitted(params).train, 'species'));
  });
});

describe('edits apply in the order they were made', () => {
  test('a relabel sees the relabels before it: a→b then b→c relabels every row c', () => {
    let params: unknown = undefined;
    params = withChange(params, { where: { column: 'species', op: '==', value: 'a' }, column: 'species', value: 'b' });
    params = withChange(params, { where: { column: 'species', op: '==', value: 'b' }, column: 'species', value: 'c' });
    expect(cells(fitted(params).train, 'species')).toEqual(['c', 'c', 'c']);
  });

  test('a relabel sees the cell edits before it, and a cell edit after a relabel wins', () => {
    let params: unknown = { edits: [], bulk: [] };
    params = withChange(params, { row: 2, column: 'species', value: 'a' });
    params = withChange(params, { where: { column: 'species', op: '==', value: 'a' }, column: 'x', value: '0' });
    params = withChange(params, { row: 0, column: 'x', value: '9' });
    const train = fitted(params).train;
    expect(cells(train, 'x')).toEqual(['9', '0', '0']);
  });

  test('older relabels stay in front when an edit is added; an earlier edit of the same cell is replaced only when no relabel came after it', () => {
    const old = { edits: [{ row: 0, column: 'species', value: 'q' }], bulk: [{ where: { column: 'x', op: '>', value: '0' }, column: 'species', value: 'r' }] };
    const next = withChange(old, { row: 0, column: 'species', value: 's' });
    expect(next.edits).toEqual([old.bulk[0], { row: 0, column: 'species', value: 's' }]);
    const kept = withChange(next, { where: { column: 'species', op: '==', value: 's' }, column: 'x', value: '5' });
    // The relabel matched row 0 by its edited label: that edit stays, the new one comes last.
    expect(withChange(kept, { row: 0, column: 'species', value: 't' }).edits).toHaveLength(4);
  });
});

describe('typed dates read as the import reads them: UTC, in the column’s day/month order', () => {
  const dates = () => frameOf(col('d', 'datetime', ['2024-03-05', '2024-05-03', '2024-01-01']), col('y', 'categorical', ['p', 'q', 'r']));
  const utc = (text: string) => new Date(text).toISOString();

  test('an edited date with a time is UTC, and a year-last date follows the order recorded with the edit', () => {
    const train = fitted({ edits: [{ row: 0, column: 'd', value: '2024-03-05 14:30' }, { row: 1, column: 'd', value: '05/03/2024', dateOrder: 'mdy' }, { row: 2, column: 'd', value: '05/03/2024', dateOrder: 'dmy' }], bulk: [] }, dates()).train;
    const values = train.table.columns[0]!.values;
    expect([values[0], values[1], values[2]].map((v) => new Date(v!).toISOString())).toEqual([utc('2024-03-05T14:30:00Z'), utc('2024-05-03T00:00:00Z'), utc('2024-03-05T00:00:00Z')]);
  });

  test('with no order recorded, a date that reads one way only is read that way, else day first as the import assumes', () => {
    const train = fitted({ edits: [{ row: 0, column: 'd', value: '12/25/2023' }, { row: 1, column: 'd', value: '05/03/2024' }], bulk: [] }, dates()).train;
    const values = train.table.columns[0]!.values;
    expect(new Date(values[0]!).toISOString()).toBe(utc('2023-12-25T00:00:00Z'));
    expect(new Date(values[1]!).toISOString()).toBe(utc('2024-03-05T00:00:00Z'));
  });

  test('a condition on dates compares with the typed date read in UTC and in its order', () => {
    expect(Array.from(matchRows(dates(), { column: 'd', op: '==', value: '05/03/2024', dateOrder: 'dmy' }))).toEqual([1, 0, 0]);
    expect(Array.from(matchRows(dates(), { column: 'd', op: '==', value: '05/03/2024', dateOrder: 'mdy' }))).toEqual([0, 1, 0]);
    expect(Array.from(matchRows(dates(), { column: 'd', op: '<', value: '2024-03-05 00:00' }))).toEqual([0, 0, 1]);
  });
});

describe('relabel conditions', () => {
  test('the compared value is trimmed, as the new value is', () => {
    expect(Array.from(matchRows(labels(), { column: 'species', op: '==', value: ' a  ' }))).toEqual([1, 1, 0]);
  });

  test('a relabel made to be checked that matches no training row is refused, saying so; stored, it never fails a fit', () => {
    const where = { column: 'species', op: '==' as const, value: 'setosa' };
    const checked = fitPipeline([spec(withChange(undefined, { where, column: 'species', value: 'b', mustMatch: true }))], labels());
    expect(checked).toEqual({ ok: false, stepId: 'e', problem: 'No row has species == setosa: nothing was relabelled.' });
    expect(unmatchedRelabel(where)).toBe('No row has species == setosa: nothing was relabelled.');
    expect(fitPipeline([spec(withChange(undefined, { where, column: 'species', value: 'b' }))], labels()).ok).toBe(true);
  });
});

describe('typed booleans', () => {
  const flags = () => frameOf(col('ok', 'boolean', ['true', 'false', 'true']));

  test('a yes/no cell takes 1 and 0 as the import does, as well as the words', () => {
    let params: unknown = undefined;
    for (const [row, value] of [[0, '0'], [1, '1.0'], [2, 'no']] as const) params = withChange(params, { row, column: 'ok', value });
    expect(cells(fitted(params, flags()).train, 'ok')).toEqual(['false', 'true', 'false']);
  });

  test('anything else is refused, saying what to write', () => {
    const fit = fitPipeline([spec(withChange(undefined, { row: 0, column: 'ok', value: '2' }))], flags());
    expect(fit.ok ? null : fit.problem).toBe('The edit of row 1: Column "ok" is yes/no: write true or false (or 1 or 0), not "2". To give it other values, change its type to Categorical on the Data page.');
  });
});

describe('typed numbers', () => {
  const edit = (value: string) => fitPipeline([spec({ edits: [{ row: 0, column: 'x', value }], bulk: [] })], labels());
  test('are plain decimal text, as every number typed in a form: hex, binary and octal are refused', () => {
    const ok = edit(' 1.5e1 ');
    if (!ok.ok) throw new Error(ok.problem);
    expect(cells(ok.train, 'x')[0]).toBe('15');
    for (const value of ['0x10', '0b11', '0o7']) expect(edit(value)).toMatchObject({ ok: false, problem: `The edit of row 1: Column "x" holds numbers: "${value}" is not one.` });
  });

  test('a relabel with a value the column cannot hold is named by what it sets and where', () => {
    const fit = fitPipeline([spec({ edits: [], bulk: [{ where: { column: 'species', op: '==', value: 'a' }, column: 'x', value: 'abc' }] })], labels());
    expect(fit.ok ? null : fit.problem).toMatch(/^The relabel x = "abc" where species .+: Column "x" holds numbers: "abc" is not one\.$/);
  });

  test('a typed comma is refused with the hint to write a decimal point', () => {
    expect(edit('3,5')).toMatchObject({ ok: false, problem: 'The edit of row 1: Column "x" holds numbers: "3,5" is not one. Write it with a decimal point and no thousands separator, such as 1.5 or 1500.' });
  });
});

describe('a cell edit keeps to the row it was made on', () => {
  // Two datasets of one project, with rows under the same numbers: penguins and, imported after it, another file.
  const penguins = { id: 'p', rowCount: 3, rowRuns: rowRunsFor('import', 3, null) };
  const other = { id: 'o', rowCount: 3, rowRuns: rowRunsFor('import', 3, null) };
  const context = (d: { rowRuns: ReturnType<typeof rowRunsFor> }) => ({ decimalComma: false, rowRuns: d.rowRuns });
  const onPenguins = { row: 2, column: 'species', value: 'Gentoo', ...madeOn(penguins, 2) };
  const fit = (params: unknown, on: typeof penguins) => {
    const outcome = fitPipeline([spec(params)], labels(), { context: context(on) });
    if (!outcome.ok) throw new Error(outcome.problem);
    return outcome;
  };

  test('applies to the dataset it was made on, and to a retype of it, which holds the same rows', () => {
    const params = withChange(undefined, onPenguins);
    expect(cells(fit(params, penguins).train, 'species')).toEqual(['a', 'a', 'Gentoo']);
    const retyped = { id: 'r', rowCount: 3, rowRuns: rowRunsFor('retype', 3, penguins) };
    expect(cells(fit(params, retyped).train, 'species')).toEqual(['a', 'a', 'Gentoo']);
  });

  test('is left out, and said to be, on another dataset; a relabel by a condition, and an edit stored before rows were keyed, still apply there', () => {
    const params = [onPenguins, { row: 0, column: 'species', value: 'legacy' }, { where: { column: 'x', op: '==', value: '2' }, column: 'species', value: 'two' }].reduce<unknown>((p, c) => withChange(p, c as never), undefined);
    const { train, fitted } = fit(params, other);
    expect(cells(train, 'species')).toEqual(['legacy', 'two', 'b']);
    const learned = fitted.steps[0]!.learned;
    expect(learned).toEqual({ leftOut: [0] });
    const parsed = parseStep(spec(params));
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(editCells.note!(parsed.params as never, learned as never)).toBe("1 cell edit names a row this dataset does not hold (another dataset's of this project): left out here.");
    // The Labels panel's marks and table, found without a fit, agree with the fit.
    expect(editsLeftOut(params, other.rowRuns, ['species', 'x'])).toEqual([{ rowKey: onPenguins.rowKey }, null, null]);
    expect(editsLeftOut(params, penguins.rowRuns, ['species', 'x'])).toEqual([null, null, null]);
    expect(editsLearned(params, context(other), ['species', 'x'])).toEqual(learned);
    expect(editsLearned(params, undefined, ['species', 'x'])).toEqual({});
  });

  test('the fitted pipeline leaves it out of validation and test rows too, and a column only the other dataset has does not fail the step', () => {
    const params = withChange(withChange(undefined, onPenguins), { row: 1, column: 'island', value: 'Dream', ...madeOn(penguins, 1) });
    const parts = Uint8Array.from([0, 1, 2]);
    const outcome = fitTrainingPart([spec(params)], labels(), parts, 10, { context: context(other) });
    if (!outcome.ok) throw new Error(outcome.problem);
    expect(outcome.samples.map((view) => cells(materialize(view), 'species'))).toEqual([['a'], ['b']]);
    const stored = JSON.parse(JSON.stringify(outcome.fitted)) as typeof outcome.fitted;
    expect(cells(applyPipeline(stored, labels()), 'species')).toEqual(['a', 'a', 'b']);
    // On penguins' rows, the edit of a column this table lacks is left out too, and said to be.
    const onPenguinsRows = fit(params, penguins);
    expect(cells(onPenguinsRows.train, 'species')).toEqual(['a', 'a', 'Gentoo']);
    expect(onPenguinsRows.fitted.steps[0]!.learned).toEqual({ noColumn: [1] });
  });

  test('a relabel naming a column the dataset does not have (made on a join, say) is left out there, said to be, and the other edits still apply', () => {
    const region = { where: { column: 'region', op: '==' as const, value: 'North' }, column: 'species', value: 'Gentoo' };
    const params = withChange(withChange(withChange(undefined, { row: 0, column: 'species', value: 'c', ...madeOn(penguins, 0) }), region), { ...region, column: 'island', where: { column: 'x', op: '==', value: '1' } });
    const { train, fitted } = fit(params, penguins);
    expect(cells(train, 'species')).toEqual(['c', 'a', 'b']);
    expect(fitted.steps[0]!.learned).toEqual({ noColumn: [1, 2] });
    const parsed = parseStep(spec(params));
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(editCells.note!(parsed.params as never, fitted.steps[0]!.learned as never)).toBe('2 edits name columns this dataset does not have: left out here.');
    expect(editsLeftOut(params, penguins.rowRuns, ['species', 'x'])).toEqual([null, { column: 'region' }, { column: 'island' }]);
  });

  test('Prepare’s probe of a relabel is told how many rows it set, alone, though edits are left out', () => {
    const probe = { where: { column: 'x', op: '==' as const, value: '2' }, column: 'species', value: 'two', mustMatch: true as const };
    const params = withChange(withChange(undefined, onPenguins), probe);
    const { fitted } = fit(params, other);
    const parsed = parseStep(spec(params));
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(editCells.note!(parsed.params as never, fitted.steps[0]!.learned as never)).toBe('1 row matches x == 2: species is now "two" there.');
  });

  test('an edit of the same row number on another dataset does not replace it: both are kept, each for its own rows', () => {
    const onOther = { ...onPenguins, value: 'Other', ...madeOn(other, 2) };
    const params = withChange(withChange(undefined, onPenguins), onOther);
    expect(editWords(params)).toEqual(['Row 3: species = "Gentoo"', 'Row 3: species = "Other"']);
    expect(cells(fit(params, penguins).train, 'species')).toEqual(['a', 'a', 'Gentoo']);
    expect(cells(fit(params, other).train, 'species')).toEqual(['a', 'a', 'Other']);
    expect(withChange(params, { ...onPenguins, value: 'Adelie' }).edits).toEqual([onOther, { ...onPenguins, value: 'Adelie' }]);
    // An edit stored before rows were keyed is of whichever dataset was in use: edited again, it is replaced.
    const legacy = { row: 2, column: 'species', value: 'old' };
    expect(withChange({ edits: [legacy], bulk: [] }, onPenguins).edits).toEqual([onPenguins]);
  });
});

describe('the list of edits', () => {
  // Stored by an older version: a relabel in `bulk` (applied first), two edits, one of them unreadable.
  const stored = { bulk: [{ where: { column: 'species', op: '==', value: 'a' }, column: 'species', value: 'b' }], edits: [{ row: 2, column: 'species', value: '' }, { row: 'x' }] };

  test('lists every stored change in the order it applies, in words, one it cannot read as such', () => {
    expect(editWords(stored)).toEqual(['species = "b" where species == a', 'Row 3: species = missing', 'An edit this version cannot read (it is left out)']);
    expect(editWords(undefined)).toEqual([]);
  });

  test('removing one keeps the others as stored, in their order, the legacy list folded in', () => {
    expect(withoutChange(stored, 1)).toEqual({ edits: [stored.bulk[0], stored.edits[1]], bulk: [] });
    expect(withoutChange(stored, 0)).toEqual({ edits: stored.edits, bulk: [] });
    expect(editWords(withoutChange(stored, 2))).toEqual(['species = "b" where species == a', 'Row 3: species = missing']);
  });
});

test('a label that reads like a class but is not one (other capitals) is said; a class (spaces trimmed), or a label like none, is not', () => {
  const classes = ['Adelie', 'Gentoo'];
  expect(lookalikeNote(' adelie', classes)).toBe('"adelie" is a new class, apart from "Adelie", which differs from it only in capitals: if you meant "Adelie", edit again with that.');
  expect(lookalikeNote('Adelie ', classes)).toBeNull();
  expect(lookalikeNote('Chinstrap', classes)).toBeNull();
  expect(lookalikeNote('', classes)).toBeNull();
});
