/**
 * Samples the JavaScript heap of a page and of its workers through the DevTools protocol
 * (Runtime.getHeapUsage: the V8 heap plus ArrayBuffer backing stores), every few milliseconds,
 * and keeps the peak of their sum. Workers have no performance.memory, so CDP is the only way.
 *
 * Workers that workers start (the import worker's part readers) are not browser-level targets:
 * each worker session is asked to auto-attach its children, and messages to them are wrapped
 * once per level (Target.sendMessageToTarget inside Target.sendMessageToTarget).
 */
import type { Browser, CDPSession, Page } from 'playwright-core';

interface HeapUsage {
  usedSize: number;
  backingStorageSize?: number;
}

interface Message {
  id?: number;
  method?: string;
  result?: unknown;
  params?: { sessionId?: string; message?: string; targetInfo?: { type: string; targetId: string } };
}

const total = (h: HeapUsage) => h.usedSize + (h.backingStorageSize ?? 0);
/** A worker that ends while a sample is in flight never answers it. */
const ANSWER_TIMEOUT_MS = 2000;

export class HeapSampler {
  peak = 0;
  /** the most workers sampled at once */
  mostWorkers = 0;
  #timer: ReturnType<typeof setInterval> | undefined;
  #pageSession: CDPSession | undefined;
  #browserSession: CDPSession | undefined;
  /** each worker's chain of session ids, from the browser session down, by target id */
  #routes = new Map<string, string[]>();
  /** session id → target id, to forget a worker that ends */
  #targets = new Map<string, string>();
  #pending = new Map<number, (result: unknown) => void>();
  #nextId = 1;

  /** Attach to the page, to every worker it runs now, and to every worker they start from now on. */
  async attach(browser: Browser, page: Page): Promise<void> {
    this.#pageSession = await page.context().newCDPSession(page);
    this.#browserSession = await browser.newBrowserCDPSession();
    this.#browserSession.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => this.#receive([event.sessionId], event.message));
    const { targetInfos } = await this.#browserSession.send('Target.getTargets');
    for (const target of targetInfos.filter((t) => t.type === 'worker')) {
      const { sessionId } = await this.#browserSession.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
      this.#adopt(target.targetId, [sessionId]);
    }
  }

  #adopt(targetId: string, route: string[]): void {
    // A worker can be announced twice (attached, then auto-attached): sample it once.
    if (this.#routes.has(targetId)) return;
    this.#routes.set(targetId, route);
    this.#targets.set(route.at(-1)!, targetId);
    void this.#send(route, 'Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  }

  /** A message from the target at the end of `route`: an answer, an event, or a message from one of its children. */
  #receive(route: string[], raw: string): void {
    const message = JSON.parse(raw) as Message;
    if (message.id !== undefined) {
      this.#pending.get(message.id)?.(message.result);
      return;
    }
    const params = message.params ?? {};
    if (message.method === 'Target.receivedMessageFromTarget' && params.sessionId && params.message) this.#receive([...route, params.sessionId], params.message);
    else if (message.method === 'Target.attachedToTarget' && params.sessionId && params.targetInfo?.type === 'worker') this.#adopt(params.targetInfo.targetId, [...route, params.sessionId]);
    else if (message.method === 'Target.detachedFromTarget' && params.sessionId) this.#routes.delete(this.#targets.get(params.sessionId) ?? '');
  }

  /** Send a command to the target at the end of `route`; null if it does not answer in time. */
  #send(route: string[], method: string, params: object = {}): Promise<unknown> {
    const id = this.#nextId++;
    let message = JSON.stringify({ id, method, params });
    for (let level = route.length - 1; level >= 1; level--) {
      message = JSON.stringify({ id: this.#nextId++, method: 'Target.sendMessageToTarget', params: { sessionId: route[level], message } });
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish(null), ANSWER_TIMEOUT_MS);
      const finish = (result: unknown) => {
        clearTimeout(timer);
        this.#pending.delete(id);
        resolve(result);
      };
      this.#pending.set(id, finish);
      this.#browserSession!.send('Target.sendMessageToTarget', { sessionId: route[0]!, message }).catch(() => finish(null));
    });
  }

  /**
   * Collect garbage in the page and every worker, so the peak measures this run's work and not
   * what an earlier run left for a collection that had not come yet.
   */
  async collectGarbage(): Promise<void> {
    await this.#pageSession!.send('HeapProfiler.collectGarbage');
    await Promise.all([...this.#routes.values()].map((route) => this.#send(route, 'HeapProfiler.collectGarbage')));
  }

  get workerCount(): number {
    return this.#routes.size;
  }

  async sample(): Promise<number> {
    const usages = await Promise.all([
      this.#pageSession!.send('Runtime.getHeapUsage') as Promise<HeapUsage>,
      ...[...this.#routes.values()].map((route) => this.#send(route, 'Runtime.getHeapUsage') as Promise<HeapUsage | null>),
    ]);
    this.mostWorkers = Math.max(this.mostWorkers, usages.length - 1);
    const now = usages.reduce((sum, u) => sum + (u ? total(u) : 0), 0);
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
