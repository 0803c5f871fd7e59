/** Steps several end-to-end tests take the same way. */
import type { Page } from 'playwright-core';
import { baseUrl } from './harness';

/**
 * A new project whose plan names the task and target, with a bundled sample imported, left on
 * the Data stage. `sample` matches the start of the sample's button name after "Open sample ".
 */
export async function projectWithSample(page: Page, name: string, sample: RegExp, task: string, target: string): Promise<void> {
  await page.goto(baseUrl() + '#/');
  await page.getByLabel('New project name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.waitForURL(/\/plan$/);
  await page.getByLabel('Task type', { exact: true }).selectOption(task);
  await page.getByLabel('Target column', { exact: true }).fill(target);
  await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
  await page.getByTestId('stage-link-data').click();
  await page.getByRole('button', { name: sample }).click();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByTestId('dataset-summary').waitFor();
}
