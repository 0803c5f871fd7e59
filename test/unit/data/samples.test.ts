import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { SAMPLE_DATASETS, type SampleDataset } from '../../../src/data/samples';

const publicDir = fileURLToPath(new URL('../../../public/', import.meta.url));
const pathOf = (s: SampleDataset) => publicDir + s.file;

/** A cell that counts as missing: empty (after trimming) or NA. */
const isMissing = (v: string | undefined) => v === undefined || v.trim() === '' || v.trim() === 'NA';

function parse(s: SampleDataset) {
  const text = readFileSync(pathOf(s), 'utf8');
  const result = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return { fields: result.meta.fields ?? [], rows: result.data };
}

describe('bundled sample datasets', () => {
  test('have unique ids and cover every task type', () => {
    const ids = SAMPLE_DATASETS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(SAMPLE_DATASETS.length).toBeGreaterThanOrEqual(5);
    for (const task of ['binary', 'multiclass', 'regression'] as const) {
      expect(SAMPLE_DATASETS.some((s) => s.task === task)).toBe(true);
    }
    expect(SAMPLE_DATASETS.some((s) => s.hasMissing)).toBe(true);
  });

  test.each(SAMPLE_DATASETS.map((s) => [s.id, s] as const))('%s matches its metadata', (_id, s) => {
    expect(s.file).toBe(`samples/${s.id}.csv`);
    expect(statSync(pathOf(s)).size).toBeLessThan(200 * 1024);
    for (const text of [s.name, s.description, s.source, s.licence]) expect(text.trim()).not.toBe('');

    const { fields, rows } = parse(s);
    expect(rows).toHaveLength(s.rows);
    expect(fields).toHaveLength(s.columns);
    expect(new Set(fields).size).toBe(fields.length);
    for (const f of fields) expect(f).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(fields.at(-1)).toBe(s.target);

    for (const row of rows) expect(Object.keys(row)).toHaveLength(s.columns);
    const anyMissing = rows.some((row) => fields.some((f) => isMissing(row[f])));
    expect(anyMissing).toBe(s.hasMissing);

    const targets = rows.map((row) => row[s.target]).filter((v): v is string => !isMissing(v));
    const distinct = new Set(targets);
    if (s.task === 'binary') expect(distinct.size).toBe(2);
    if (s.task === 'multiclass') expect(distinct.size).toBeGreaterThanOrEqual(3);
    if (s.task === 'regression') {
      expect(targets.every((v) => Number.isFinite(Number(v)))).toBe(true);
      expect(distinct.size).toBeGreaterThanOrEqual(20);
    }
  });
});
