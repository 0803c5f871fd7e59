import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { normalizePlan } from '../../src/plan/plan';
import { listProjects } from '../../src/storage/projects';
import { LooplabDB, SCHEMA_V1 } from '../../src/storage/schema';
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
    expect(db.verno).toBe(1);
    db.close();
  });
});
