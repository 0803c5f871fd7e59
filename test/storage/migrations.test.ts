import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { normalizePlan } from '../../src/plan/plan';
import { listProjects } from '../../src/storage/projects';
import { LooplabDB, SCHEMA_V1 } from '../../src/storage/schema';
import { rowKeyAt } from '../../src/shared/row-runs';
import { datasetRow } from '../helpers/rows';
import type { DatasetRecipe } from '../../src/storage/rows';
import { createLegacyDatabase, freshName } from './legacy';

// The pattern for every schema change: build the old shape by hand, open it with today's code,
// and check that every stored row reads back. A new version(n) adds a describe block here.
describe('a database written with schema version 1', () => {
  test('opens with the current code and keeps its projects, plans and rows', async () => {
    const name = freshName();
    await createLegacyDatabase(name, 1, SCHEMA_V1, {
      projects: [
        {
          id: 'p1',
          name: 'Written by version 1',
          createdAt: 1,
          updatedAt: 2,
          seed: 7,
          activeDatasetId: null,
          // An early plan: no checklists, a criterion without a threshold field.
          plan: { problem: 'Churn', taskType: 'binary', criteria: [{ id: 'c1', metric: 'roc-auc', comparison: '>=' }] },
        },
      ],
      meta: [{ key: 'lastProjectId', value: 'p1' }],
      runs: [{ id: 'r1', projectId: 'p1', status: 'done' }],
    });

    const db = new LooplabDB(name);
    await db.open();
    const [project] = await listProjects(db);
    expect(project?.name).toBe('Written by version 1');
    const plan = normalizePlan(project?.plan);
    expect(plan.problem).toBe('Churn');
    expect(plan.criteria).toEqual([{ id: 'c1', metric: 'roc-auc', comparison: '>=', threshold: null }]);
    expect(plan.feasibility['enough-data']).toEqual({ status: 'unchecked', note: '' });
    expect((await db.meta.get('lastProjectId'))?.value).toBe('p1');
    expect(await db.runs.where('status').equals('done').count()).toBe(1);
    expect(db.verno).toBe(2);
    db.close();
  });
});

describe('version 2: which rows each dataset holds', () => {
  test('datasets stored by version 1 get their row runs from their lineage, so edits keep to the rows they were made on', async () => {
    const name = freshName();
    // As version 1 stored them: no rowRuns.
    const d = (id: string, parentId: string | null, recipe: DatasetRecipe, rowCount: number) => datasetRow({ id, projectId: 'p1', parentId, rowCount, recipe });
    await createLegacyDatabase(name, 1, SCHEMA_V1, {
      datasets: [
        // Listed children first: the lineage is followed, not the order.
        d('appended', 'retyped', { kind: 'append', otherFile: 'more.csv' }, 5),
        d('retyped', 'imported', { kind: 'retype', column: 'x', from: 'numeric', to: 'categorical' }, 3),
        d('imported', null, { kind: 'import' }, 3),
        d('joined', 'imported', { kind: 'join', otherFile: 'b.csv', key: 'id', how: 'left' }, 3),
        d('orphan', 'deleted', { kind: 'retype', column: 'x', from: 'numeric', to: 'categorical' }, 2),
      ],
    });
    const db = new LooplabDB(name);
    await db.open();
    const runs = Object.fromEntries((await db.datasets.toArray()).map((row) => [row.id, row.rowRuns]));
    expect(runs).toEqual({
      imported: [{ key: 'imported', end: 3 }],
      retyped: [{ key: 'imported', end: 3 }],
      appended: [{ key: 'imported', end: 3 }, { key: 'appended', end: 5 }],
      joined: [{ key: 'joined', end: 3 }],
      orphan: [{ key: 'deleted', end: 2 }],
    });
    // An edit of row 2 made on the import applies to its retype and to the append's kept rows; not to the join's.
    expect(['retyped', 'appended', 'joined'].map((id) => rowKeyAt(runs[id]!, 2) === 'imported')).toEqual([true, true, false]);
    db.close();
  });
});
