/** What a step form offers: the columns it greys out are the ones its step refuses, and where a new form starts. */
import { describe, expect, test } from 'vitest';
import type { ColumnKind } from '../../../src/shared/column';
import { acceptsKind, defaultParams, STEP_FIELDS } from '../../../src/prepare/step-forms';
import { fitPipeline } from '../../../src/prepare/pipeline';
import { spec } from './step-fixtures';
import { col, frameOf } from './tables';

/** One column of every kind, named after it, each with varied values and no gaps. */
const everyKind = () =>
  frameOf(
    col('numeric', 'numeric', ['1', '2', '3', '5', '8', '13']),
    col('categorical', 'categorical', ['red', 'blue', 'red', 'green', 'green', 'blue']),
    col('boolean', 'boolean', ['true', 'false', 'true', 'true', 'false', 'false']),
    col('datetime', 'datetime', ['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01', '2024-05-01', '2024-06-01']),
    col('text', 'text', ['a cat', 'a dog', 'a cat', 'two birds', 'a dog', 'a fish']),
    col('identifier', 'identifier', ['id1', 'id2', 'id3', 'id4', 'id5', 'id6']),
  );
const KINDS: ColumnKind[] = ['numeric', 'categorical', 'boolean', 'datetime', 'text', 'identifier'];
const choices = KINDS.map((kind) => ({ name: kind, kind }));

const fieldsThatChoose = Object.entries(STEP_FIELDS).flatMap(([kind, fields]) =>
  fields.flatMap((f) => ((f.type === 'column' || f.type === 'columns') && f.accepts ? [{ kind, field: f }] : [])),
);

describe('a column field that greys out columns', () => {
  test('is on every step that needs numbers or labels', () => {
    expect(fieldsThatChoose.map((f) => `${f.kind}: ${f.field.accepts}`).sort()).toEqual(['bin: numbers', 'log: numbers', 'one-hot: labels', 'ordinal: labels', 'outliers: numbers', 'scale: numbers']);
  });

  for (const { kind, field } of fieldsThatChoose) {
    test(`${kind}: the step fits on exactly the kinds its form offers`, () => {
      const fits = KINDS.filter((columnKind) => {
        const params = { ...defaultParams(kind, choices, null), [field.key]: field.type === 'columns' ? [columnKind] : columnKind };
        return fitPipeline([spec(kind, params)], everyKind()).ok;
      });
      expect(fits).toEqual(KINDS.filter((k) => acceptsKind(field.accepts, k)));
    });
  }
});

describe('a new step form', () => {
  const columns = [
    { name: 'price', kind: 'numeric' as const },
    { name: 'species', kind: 'categorical' as const },
    { name: 'island', kind: 'categorical' as const },
  ];

  test('starts on the first column its step takes, passing over the target, a category column first for an encoding', () => {
    expect(defaultParams('one-hot', [{ name: 'island=Biscoe', kind: 'boolean' }, ...columns], 'species')).toMatchObject({ column: 'island' });
    expect(defaultParams('one-hot', [{ name: 'ok', kind: 'boolean' }, ...columns.slice(0, 2)], 'species')).toMatchObject({ column: 'ok' });
    expect(defaultParams('one-hot', columns, 'species')).toMatchObject({ column: 'island' });
    expect(defaultParams('one-hot', columns, null)).toMatchObject({ column: 'species' });
    expect(defaultParams('bin', columns, 'species')).toMatchObject({ column: 'price' });
    expect(defaultParams('rename', columns, 'price')).toMatchObject({ column: 'species' });
  });

  test('falls back to the target, then to the first column, when nothing else fits', () => {
    expect(defaultParams('one-hot', columns.slice(0, 2), 'species')).toMatchObject({ column: 'species' });
    expect(defaultParams('ordinal', columns.slice(0, 1), null)).toMatchObject({ column: 'price' });
    expect(defaultParams('bin', [], null)).toMatchObject({ column: '' });
  });
});
