/** Opening the database once at start-up, with a status the shell can explain. */
import { describeError } from '../shared/errors';
import { openAppDb } from '../storage/database';
import { sweepUnfinishedImports } from '../storage/datasets';

export class AppStartup {
  status = $state<'opening' | 'ready' | 'failed' | 'closed'>('opening');
  error = $state<string | null>(null);

  async open(): Promise<void> {
    try {
      const db = await openAppDb(() => (this.status = 'closed'));
      // A dataset left 'importing' by a killed tab is swept before anyone can open it.
      await sweepUnfinishedImports(db);
      this.status = 'ready';
    } catch (e) {
      this.status = 'failed';
      this.error = describeError(e);
    }
  }
}
