/** Opening the database once at start-up, with a status the shell can explain. */
import { describeError } from '../shared/errors';
import { openAppDb } from '../storage/database';

export class AppStartup {
  status = $state<'opening' | 'ready' | 'failed' | 'closed'>('opening');
  error = $state<string | null>(null);

  async open(): Promise<void> {
    try {
      await openAppDb(() => (this.status = 'closed'));
      this.status = 'ready';
    } catch (e) {
      this.status = 'failed';
      this.error = describeError(e);
    }
  }
}
