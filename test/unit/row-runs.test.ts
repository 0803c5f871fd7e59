/** Which rows a dataset holds (shared/row-runs.ts): a retype keeps its parent's, an append adds a run, a join and an import have their own. */
import { describe, expect, test } from 'vitest';
import { firstHolder, lineageRowRuns, rowKeyAt, rowRunsFor, rowRunsOf } from '../../src/shared/row-runs';

const imported = { id: 'p', rowCount: 3, rowRuns: rowRunsFor('import', 3, null) };

describe('row runs', () => {
  test('an import has one run of its own; a dataset stored before runs were kept has one keyed by its id', () => {
    expect(imported.rowRuns).toEqual([{ key: expect.stringMatching(/^[0-9a-f]{32}$/), end: 3 }]);
    expect(rowRunsFor('import', 3, null)[0]!.key).not.toBe(imported.rowRuns[0]!.key);
    expect(rowRunsOf({ id: 'old', rowCount: 5 })).toEqual([{ key: 'old', end: 5 }]);
  });

  test('a retype keeps its parent’s rows; a join has rows of its own, even as many', () => {
    expect(rowRunsFor('retype', 3, imported)).toEqual(imported.rowRuns);
    expect(rowRunsFor('retype', 3, { id: 'old', rowCount: 3 })).toEqual([{ key: 'old', end: 3 }]);
    expect(rowRunsFor('join', 3, imported)[0]!.key).not.toBe(imported.rowRuns[0]!.key);
  });

  test('an append keeps its parent’s rows in their places and adds a run of its new rows after them', () => {
    const appended = rowRunsFor('append', 5, imported);
    expect(appended).toEqual([imported.rowRuns[0], { key: expect.any(String), end: 5 }]);
    const parentKey = imported.rowRuns[0]!.key;
    expect([0, 1, 2, 3, 4, 5].map((r) => rowKeyAt(appended, r))).toEqual([parentKey, parentKey, parentKey, appended[1]!.key, appended[1]!.key, undefined]);
    // Appending a file of no rows adds no run.
    expect(rowRunsFor('append', 3, imported)).toEqual(imported.rowRuns);
  });

  test('the dataset a key’s rows were first stored in is the earliest made that holds them', () => {
    const child = { id: 'c', rowCount: 3, createdAt: 2, rowRuns: rowRunsFor('retype', 3, imported), name: 'child' };
    const datasets = [child, { ...imported, createdAt: 1, name: 'parent' }, { id: 'o', rowCount: 1, createdAt: 0, name: 'other' }];
    expect(firstHolder(datasets, imported.rowRuns[0]!.key)?.name).toBe('parent');
    expect(firstHolder([child], imported.rowRuns[0]!.key)?.name).toBe('child');
    expect(firstHolder(datasets, 'gone')).toBeUndefined();
  });

  test('worked out from the lineage for datasets stored before runs were kept; one already kept stays; a parent chain that loops ends', () => {
    const retype = { kind: 'retype' as const };
    const found = lineageRowRuns([
      { id: 'c', parentId: 'p', rowCount: 3, recipe: retype },
      { id: 'p', parentId: null, rowCount: 3, recipe: { kind: 'import' }, rowRuns: [{ key: 'k', end: 3 }] },
      { id: 'x', parentId: 'y', rowCount: 1, recipe: retype },
      { id: 'y', parentId: 'x', rowCount: 1, recipe: retype },
    ]);
    expect(found.get('c')).toEqual([{ key: 'k', end: 3 }]);
    expect(found.has('p')).toBe(false);
    expect(found.get('x')).toEqual([{ key: expect.stringMatching(/^[xy]$/), end: 1 }]);
  });
});
