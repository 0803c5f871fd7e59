/**
 * Real Chromium for end-to-end tests: launched headless through playwright-core with the
 * system browser, a fresh profile per test file, and every page watched for uncaught errors
 * and console errors, which fail the test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterEach, expect, inject } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';

export const baseUrl = (): string => inject('baseUrl');

export interface Session {
  context: BrowserContext;
  /** Problems seen on any page of the context since the last check. */
  problems: string[];
  userDataDir: string;
  close(): Promise<void>;
  newPage(): Promise<Page>;
}

function watchPage(page: Page, problems: string[]): void {
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
    // Svelte's runtime warnings exist only in a dev build (LOOPLAB_DEV_BUILD=1, see production-build.ts).
    if (message.type() === 'warning' && message.text().includes('[svelte]')) problems.push(`svelte warning: ${message.text()}`);
  });
}

/**
 * A persistent browser profile in `userDataDir` (a new temporary one by default), so a test can
 * close the browser and start it again on the same profile, as a user restarting the browser.
 */
export async function startBrowser(options: { userDataDir?: string; args?: string[] } = {}): Promise<Session> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: run `node test/e2e/ensure-chromium.mjs`.');
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'looplab-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
    viewport: { width: 1200, height: 900 },
  });
  const problems: string[] = [];
  for (const page of context.pages()) watchPage(page, problems);
  context.on('page', (page) => watchPage(page, problems));
  const session: Session = {
    context,
    problems,
    userDataDir,
    close: () => context.close(),
    async newPage() {
      const page = context.pages()[0] ?? (await context.newPage());
      return page;
    },
  };
  sessions.add(session);
  return session;
}

const sessions = new Set<Session>();

/**
 * Deletes a profile folder once no browser uses it. Chromium's helper processes may still be
 * writing into it for a moment after the browser closes, so a folder that will not go yet is
 * left for the end of the run instead of failing a test that has nothing to do with it.
 */
export function removeProfile(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  } catch {
    leftovers.add(dir);
  }
}

const leftovers = new Set<string>();
process.on('exit', () => {
  for (const dir of leftovers) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // A temporary folder the system cleans up in time; nothing to fail for.
    }
  }
});

// Every test fails on page errors, and leaves no browser behind.
afterEach(async () => {
  const seen = [...sessions].flatMap((s) => s.problems.splice(0));
  for (const s of sessions) {
    await s.close().catch(() => undefined);
    removeProfile(s.userDataDir);
  }
  sessions.clear();
  expect(seen, 'errors on the page').toEqual([]);
});
