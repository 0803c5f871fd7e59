/**
 * Samples the JavaScript heap of a page and of its workers through the DevTools protocol
 * (Runtime.getHeapUsage: the V8 heap plus ArrayBuffer backing stores), every few milliseconds,
 * and keeps the peak of their sum. Workers have no performance.memory, so CDP is the only way.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';

interface HeapUsage {
  usedSize: number;
  backingStorageSize?: number;
}

const total = (h: HeapUsage) => h.usedSize + (h.backingStorageSize ?? 0);

export class HeapSampler {
  peak = 0;
  #timer: ReturnType<typeof setInterval> | undefined;
  #pageSession: CDPSession | undefined;
  #browserSession: CDPSession | undefined;
  #workerSessions: string[] = [];
  #pending = new Map<number, (usage: HeapUsage) => void>();
  #nextId = 1;

  /** Attach to the page and to every worker it runs now (call after the workers have started). */
  async attach(browser: Browser, page: Page): Promise<void> {
    this.#pageSession = await page.context().newCDPSession(page);
    this.#browserSession = await browser.newBrowserCDPSession();
    this.#browserSession.on('Target.receivedMessageFromTarget', (event: { message: string }) => {
      const message = JSON.parse(event.message) as { id?: number; result?: HeapUsage };
      // collectGarbage answers with an empty result: resolve it too.
      if (message.id && message.result) this.#pending.get(message.id)?.(message.result);
    });
    const { targetInfos } = await this.#browserSession.send('Target.getTargets');
    for (const target of targetInfos.filter((t) => t.type === 'worker')) {
      const { sessionId } = await this.#browserSession.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
      this.#workerSessions.push(sessionId);
    }
  }

  /**
   * Collect garbage in the page and every worker, so the peak measures this run's work and not
   * what an earlier run left for a collection that had not come yet.
   */
  async collectGarbage(): Promise<void> {
    await this.#pageSession!.send('HeapProfiler.collectGarbage');
    for (const sessionId of this.#workerSessions) {
      await this.#send(sessionId, 'HeapProfiler.collectGarbage');
    }
  }

  get workerCount(): number {
    return this.#workerSessions.length;
  }

  #send(sessionId: string, method: string): Promise<HeapUsage> {
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#pending.set(id, (result) => {
        this.#pending.delete(id);
        resolve(result);
      });
      void this.#browserSession!.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
    });
  }

  #workerHeap(sessionId: string): Promise<HeapUsage> {
    return this.#send(sessionId, 'Runtime.getHeapUsage');
  }

  async sample(): Promise<number> {
    const usages = await Promise.all([
      this.#pageSession!.send('Runtime.getHeapUsage') as Promise<HeapUsage>,
      ...this.#workerSessions.map((s) => this.#workerHeap(s)),
    ]);
    const now = usages.reduce((sum, u) => sum + total(u), 0);
    this.peak = Math.max(this.peak, now);
    return now;
  }

  start(intervalMs = 50): void {
    this.peak = 0;
    this.#timer = setInterval(() => void this.sample().catch(() => undefined), intervalMs);
  }

  stop(): number {
    clearInterval(this.#timer);
    return this.peak;
  }
}
