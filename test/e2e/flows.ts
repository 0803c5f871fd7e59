/** Steps several end-to-end tests take the same way. */
import type { Locator, Page } from 'playwright-core';
import { baseUrl } from './harness';
import { storedRows } from './stored';
import { SLOW_WORK_MS } from './timeouts';

/**
 * A new project whose plan names the task and target, with a bundled sample imported, left on
 * the Data stage. `sample` matches the start of the sample's button name after "Open sample ".
 */
export async function projectWithSample(page: Page, name: string, sample: RegExp, task: string, target: string): Promise<void> {
  await plannedProjectAtData(page, name, task, target);
  await page.getByRole('button', { name: sample }).click();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByTestId('dataset-summary').waitFor();
}

/** As projectWithSample, with a CSV file from disk picked and imported as previewed. */
export async function projectWithFile(page: Page, name: string, file: string, task: string, target: string): Promise<void> {
  await plannedProjectAtData(page, name, task, target);
  await page.getByLabel('Choose a CSV file').setInputFiles(file);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByTestId('dataset-summary').waitFor();
}

/** A penguins sample project (missing values, a multiclass target), opened on Prepare. */
export async function penguinsOnPrepare(page: Page): Promise<void> {
  await projectWithSample(page, 'Penguins prep', /^Open sample .*enguins/, 'multiclass', 'species');
  await page.getByTestId('stage-link-prepare').click();
}

/** A new project of this name, with no plan, opened at Data; its id. */
export async function openDataStage(page: Page, name: string): Promise<string> {
  await page.goto(baseUrl() + '#/');
  await page.getByLabel('New project name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.waitForURL(/\/plan$/);
  const id = new URL(page.url()).hash.split('/')[2]!;
  await page.getByTestId('stage-link-data').click();
  await page.getByLabel('Choose a CSV file').waitFor();
  return id;
}

/** On Data: a CSV file picked, until its preview or the alert saying why it has none shows. */
export async function pickFile(page: Page, file: string): Promise<void> {
  await page.getByLabel('Choose a CSV file').setInputFiles(file);
  await page.getByTestId('import-preview').or(page.getByTestId('data-error')).waitFor();
}

/** A new project whose plan names the task and target, saved, opened at Data. */
async function plannedProjectAtData(page: Page, name: string, task: string, target: string): Promise<void> {
  await page.goto(baseUrl() + '#/');
  await page.getByLabel('New project name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.waitForURL(/\/plan$/);
  await page.getByLabel('Task type', { exact: true }).selectOption(task);
  await page.getByLabel('Target column', { exact: true }).fill(target);
  await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
  await page.getByTestId('stage-link-data').click();
}

/** On Plan: a first success criterion of this metric, its threshold typed (not left). */
export async function addCriterion(page: Page, metric: string, threshold: string): Promise<void> {
  await page.getByRole('button', { name: 'Add a success criterion' }).click();
  await page.getByLabel('Metric of criterion 1', { exact: true }).selectOption(metric);
  await page.getByLabel('Threshold of criterion 1', { exact: true }).fill(threshold);
}

/**
 * On Prepare: until the worker has answered the latest change and the recipe it made is stored.
 * Not busy alone is not enough: a change asked for while the last one is still being written waits
 * its turn without showing as busy, so not busy can be the moment before it starts.
 */
export const prepareIdle = (page: Page) =>
  page.waitForFunction(() => {
    const busy = document.querySelector('[data-testid="prepare-status"]')?.getAttribute('data-busy');
    const saved = document.querySelector('[data-testid="save-status"]')?.getAttribute('data-state');
    return busy === 'false' && (saved === 'saved' || saved === 'error');
  });

/** On Prepare: a step of this title, its form filled by `fill`, added and fitted. */
export async function addStep(page: Page, title: string, fill: () => Promise<unknown>): Promise<void> {
  await page.getByLabel('Step', { exact: true }).selectOption({ label: title });
  await fill();
  await page.getByRole('button', { name: 'Add step' }).click();
  await prepareIdle(page);
}

/** On Prepare: one "Scale numbers" step, after any already there, over every numeric column but those named, fitted. */
export async function addScaleStep(page: Page, except: readonly string[]): Promise<void> {
  await page.getByTestId('stage-link-prepare').click();
  await prepareIdle(page);
  const before = await page.getByTestId('pipeline-step').count();
  await page.getByLabel('Step', { exact: true }).selectOption({ label: 'Scale numbers' });
  const columns = page.getByLabel('Columns to scale', { exact: true });
  const names = await columns.locator('option:not([disabled])').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  await columns.selectOption(names.filter((n) => !except.includes(n)));
  await page.getByRole('button', { name: 'Add step' }).click();
  await shownOrAlerts(page, page.getByTestId('pipeline-step').nth(before).and(page.locator('[data-state="fitted"]')), 'The scaling step was not fitted');
}

/**
 * Wait for `shown`; when it does not come, fail naming the page's alerts: work that never ends
 * was usually refused, with the reason in an alert, and a bare timeout hides it.
 */
export async function shownOrAlerts(page: Page, shown: Locator, what: string, timeout?: number): Promise<void> {
  await shown.waitFor(timeout === undefined ? {} : { timeout }).catch(async (cause: unknown) => {
    throw new Error(`${what}; the page's alerts: ${JSON.stringify(await page.getByRole('alert').allTextContents())}`, { cause });
  });
}

/** On Train: one run of the model whose radio button has this label, to its end (seeded as given, else with the project's seed). */
export async function trainOnce(page: Page, model: string, learningRate: number, epochs: number, seed?: number): Promise<void> {
  await page.getByTestId('stage-link-train').click();
  await page.getByLabel(model, { exact: true }).check();
  if (seed !== undefined) await page.getByLabel('Seed', { exact: true }).fill(String(seed));
  await page.getByLabel('Learning rate', { exact: true }).fill(String(learningRate));
  await page.getByLabel('Epochs', { exact: true }).fill(String(epochs));
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await shownOrAlerts(page, page.locator('[data-testid="train-result"][data-status]'), `The ${model} run did not end`, SLOW_WORK_MS);
}

/** Edit one cell with the Labels panel's form (row 1-based, as the form reads it). */
export async function editCell(page: Page, row: number, column: string, value: string): Promise<void> {
  await page.getByLabel('Row', { exact: true }).fill(String(row));
  await page.getByLabel('Column to edit', { exact: true }).selectOption(column);
  await page.getByLabel('New value', { exact: true }).fill(value);
  await page.getByRole('button', { name: 'Edit cell' }).click();
}

/** Relabel with the Labels panel's form: `column` set to `value` where `where` == `compared`; until the notice says how many rows it set. */
export async function relabelWhere(page: Page, column: string, value: string, where: string, compared: string): Promise<void> {
  await page.getByLabel('Set', { exact: true }).selectOption(column);
  await page.getByLabel('to', { exact: true }).fill(value);
  await page.getByLabel('where', { exact: true }).selectOption(where);
  await page.getByLabel('Comparison', { exact: true }).selectOption('==');
  await page.getByLabel('Compared with', { exact: true }).fill(compared);
  await page.getByRole('button', { name: 'Relabel matching rows' }).click();
  const notice = page.getByTestId('labels-notice').filter({ hasText: `${where} == ${compared}: ${column} is now "${value}" there.` });
  await shownOrAlerts(page, notice, `Relabelling ${column} where ${where} == ${compared} was not confirmed`);
  await prepareIdle(page);
}

/** Train a baseline run from the Train page, and wait until the run named `name` has completed. */
export async function trainBaseline(page: Page, name: string): Promise<void> {
  await page.getByTestId('stage-link-train').click();
  await page.getByLabel('Baseline', { exact: true }).check();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await shownOrAlerts(page, page.locator(`[data-testid="run-row"][data-name="${name}"][data-status="completed"]`), `Run "${name}" did not complete`, SLOW_WORK_MS);
}

/** The stored predictions of the (only) run on one part, read straight from IndexedDB. */
export async function storedPredictions(page: Page, part: 'validation' | 'test'): Promise<{ yTrue: number[]; predictions: number[]; classes: string[] | null }> {
  const rows = await storedRows<{ kind: string; part: string; yTrue: Float32Array; predictions: Float32Array; classes: string[] | null }>(page, 'evaluations');
  const e = rows.find((r) => r.kind === 'holdout' && r.part === part)!;
  return { yTrue: Array.from(e.yTrue), predictions: Array.from(e.predictions), classes: e.classes };
}
