/** The open project: its row, live, and which stages hold content. */
import { describeError } from '../shared/errors';
import { getDb, watch } from '../storage/database';
import { setMeta } from '../storage/meta';
import { activeDataset } from '../storage/datasets';
import { getProject } from '../storage/projects';
import type { ProjectRow } from '../storage/rows';
import { stageCounts, type StageCounts } from '../storage/stage-content';
import { normalizePlan, planHasContent } from '../plan/plan';
import { stagesWithContent, type StageKey } from './stages';

const NO_COUNTS: StageCounts = { datasets: 0, recipes: 0, runs: 0, evaluations: 0, artifacts: 0, batches: 0 };

export class ProjectState {
  /** undefined while loading, null when no project has this id */
  project = $state.raw<ProjectRow | null | undefined>(undefined);
  counts = $state.raw<StageCounts>(NO_COUNTS);
  error = $state<string | null>(null);
  /** the column names of the dataset in use, or null before any import */
  columns = $state.raw<string[] | null>(null);
  /** the rows of the dataset in use, or null before any import */
  rowCount = $state<number | null>(null);
  content: Record<StageKey, boolean> = $derived(
    stagesWithContent(this.project ? planHasContent(normalizePlan(this.project.plan)) : false, this.counts),
  );

  constructor(projectId: string) {
    const db = getDb();
    const fail = (e: unknown) => (this.error = describeError(e));
    $effect(() => watch(() => getProject(db, projectId), (row) => (this.project = row ?? null), fail));
    $effect(() => watch(() => stageCounts(db, projectId), (c) => (this.counts = c), fail));
    $effect(() =>
      watch(
        () => activeDataset(db, projectId),
        (d) => {
          this.columns = d ? d.columns.map((c) => c.name) : null;
          this.rowCount = d ? d.rowCount : null;
        },
        fail,
      ),
    );
    void setMeta(db, 'lastProjectId', projectId).catch(fail);
  }
}
