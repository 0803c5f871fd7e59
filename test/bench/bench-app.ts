/** What several benchmarks do the same way: a browser whose page errors are kept, a new project, a CSV import. */
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium.mjs';

export async function launchBench(extraArgs: string[] = []): Promise<{ browser: Browser; page: Page; errors: string[] }> {
  const browser = await chromium.launch({ executablePath: findChromium()!, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
  const page = await (await browser.newContext()).newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { browser, page, errors };
}

/** A new project, left on its Plan stage; returns its id. */
export async function newProject(page: Page, baseUrl: string, name: string): Promise<string> {
  await page.goto(baseUrl + '#/');
  await page.getByLabel('New project name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.waitForURL(/\/plan$/);
  return new URL(page.url()).hash.split('/')[2]!;
}

/** Import a CSV on the Data stage and wait until its profile is shown (the worker is then idle). */
export async function importCsv(page: Page, csvPath: string): Promise<void> {
  await page.getByTestId('stage-link-data').click();
  await page.getByLabel('Choose a CSV file').setInputFiles(csvPath);
  await page.getByTestId('import-preview').waitFor();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByTestId('profile-table').waitFor({ timeout: 600_000 });
}
