/**
 * The database: its name, its tables and every schema version it has ever had.
 *
 * WARNING: renaming a table or changing a key is a migration. Never edit or delete an old
 * version(n): add version(n + 1) with an upgrade function, and a test under test/storage/
 * that builds the old shape by hand and opens it with today's code.
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import { lineageRowRuns } from '../shared/row-runs';
import type {
  ArtifactRow,
  BatchRow,
  ChunkRow,
  DatasetRow,
  EvaluationRow,
  MetaRow,
  ProfileRow,
  ProjectRow,
  RecipeRow,
  RunRow,
  SplitRow,
} from './rows';

export const DB_NAME = 'looplab';

/** Table names, in one place so that code and migrations agree. */
export const TABLES = {
  meta: 'meta',
  projects: 'projects',
  datasets: 'datasets',
  chunks: 'chunks',
  profiles: 'profiles',
  recipes: 'recipes',
  splits: 'splits',
  runs: 'runs',
  artifacts: 'artifacts',
  evaluations: 'evaluations',
  batches: 'batches',
} as const;

/**
 * Version 1: the tables of DESIGN.md. Only queried fields are indexed; binary values never are.
 * Exported so the migration tests can build exactly this shape by hand.
 */
export const SCHEMA_V1: Record<keyof typeof TABLES, string> = {
  meta: 'key',
  projects: 'id, updatedAt',
  datasets: 'id, projectId, parentId',
  chunks: '[datasetId+column+chunk]',
  profiles: 'datasetId',
  recipes: 'id, projectId',
  splits: 'id, datasetId',
  runs: 'id, projectId, status',
  artifacts: '[runId+kind]',
  evaluations: 'id, runId',
  batches: 'id, projectId',
};

export const SCHEMA_VERSION = 2;

export class LooplabDB extends Dexie {
  meta!: EntityTable<MetaRow, 'key'>;
  projects!: EntityTable<ProjectRow, 'id'>;
  datasets!: EntityTable<DatasetRow, 'id'>;
  chunks!: Table<ChunkRow, [string, string, number]>;
  profiles!: EntityTable<ProfileRow, 'datasetId'>;
  recipes!: EntityTable<RecipeRow, 'id'>;
  splits!: EntityTable<SplitRow, 'id'>;
  runs!: EntityTable<RunRow, 'id'>;
  artifacts!: Table<ArtifactRow, [string, string]>;
  evaluations!: EntityTable<EvaluationRow, 'id'>;
  batches!: EntityTable<BatchRow, 'id'>;

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    // Version 2: every dataset says which rows it holds (rowRuns), so a label edit keeps to the rows it was made on.
    this.version(2)
      .stores(SCHEMA_V1)
      .upgrade(async (tx) => {
        const datasets = tx.table<DatasetRow, string>(TABLES.datasets);
        for (const [id, rowRuns] of lineageRowRuns(await datasets.toArray())) await datasets.update(id, { rowRuns });
      });
  }
}
