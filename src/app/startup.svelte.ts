/** Opening the database once at start-up, with a status the shell can explain. */
import { describeError } from '../shared/errors';
import { openAppDb } from '../storage/database';
import { sweepUnfinishedImports } from '../storage/datasets';
import { sweepOrphans } from '../storage/orphans';
import { runOwners } from '../shared/run-locks';
import { sweepInterruptedRuns } from '../storage/runs';

export class AppStartup {
  status = $state<'opening' | 'ready' | 'failed' | 'closed'>('opening');
  error = $state<string | null>(null);

  async open(): Promise<void> {
    try {
      const db = await openAppDb(() => (this.status = 'closed'));
      // A dataset left 'importing' by a killed tab is swept before anyone can open it.
      await sweepUnfinishedImports(db);
      // Rows a late write left behind after their project was deleted (in another tab) go too.
      await sweepOrphans(db);
      // A run left 'running' by a closed tab shows as interrupted, never as running forever.
      await sweepInterruptedRuns(db, Date.now(), await runOwners());
      this.status = 'ready';
    } catch (e) {
      this.status = 'failed';
      this.error = describeError(e);
    }
  }
}
