/**
 * An automated accessibility check: axe-core (injected by the test only; the app bundle does not
 * carry it) runs over each stage with real content in it, and any WCAG 2.1 A/AA or best-practice
 * violation fails the test, named with its rule, impact and where it is. So does a page wider
 * than the window (reflow): wide tables must scroll inside their own box.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import type { AxeResults, RunOptions, run } from 'axe-core';
import { addCriterion, addScaleStep, addStep, prepareIdle, projectWithSample, trainBaseline, trainOnce } from './flows';
import { baseUrl, startBrowser } from './harness';
import { LONG_TEST_MS, SLOW_WORK_MS } from './timeouts';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const RULES: RunOptions = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } };

/** One line per violation: what rule, how bad, what to do, and the first few elements it found. */
function describe(where: string, results: Pick<AxeResults, 'violations'>): string[] {
  return results.violations.map((v) => {
    const targets = v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ');
    return `${where}: ${v.id} (${v.impact}, ${v.nodes.length}×) ${v.help} → ${targets}`;
  });
}

/** The violations axe finds in the document as it is now, in the page's current colour scheme. */
async function violations(page: Page): Promise<Pick<AxeResults, 'violations'>> {
  return page.evaluate(async (options) => {
    const axe = (window as unknown as { axe: { run: typeof run } }).axe;
    const r = await axe.run(document, options);
    // Only what the message needs crosses back: whole results hold DOM references.
    return { violations: r.violations.map((v) => ({ ...v, nodes: v.nodes.map((n) => ({ ...n, any: [], all: [], none: [] })) })) };
  }, RULES);
}

/** Runs axe over the whole page in the light and the dark scheme (the CSS has both), and fails on any violation. */
async function expectAccessible(page: Page, where: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const light = await violations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await violations(page);
  await page.emulateMedia({ colorScheme: 'light' });
  expect([...describe(where, light), ...describe(`${where} (dark)`, dark)], `accessibility violations on ${where}`).toEqual([]);
  // Nothing widens the page past the window (WCAG 1.4.10, reflow): wide tables scroll in their own region.
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `the page on ${where} scrolls sideways`).toBe(0);
}


test('every stage, filled with real content, has no axe violations', async () => {
  const session = await startBrowser();
  const page = await session.newPage();
  await page.goto(baseUrl() + '#/');
  await page.getByTestId('no-projects').waitFor();
  await expectAccessible(page, 'empty project list');

  // Plan: a filled plan with a success criterion and a checklist answer.
  await page.getByLabel('New project name', { exact: true }).fill('Penguin species');
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.waitForURL(/\/plan$/);
  await page.getByLabel('Problem statement', { exact: true }).fill('Which penguin species is this bird?');
  await page.getByLabel('Business objective', { exact: true }).fill('Count colonies without an expert.');
  await page.getByLabel('Task type', { exact: true }).selectOption('multiclass');
  await page.getByLabel('Target column', { exact: true }).fill('species');
  await page.getByLabel('Candidate features', { exact: true }).fill('bill_length_mm, flipper_length_mm');
  await addCriterion(page, 'accuracy', '0.8');
  await page.getByLabel('Is there enough labelled data?', { exact: true }).selectOption('yes');
  await page.getByLabel('Risks', { exact: true }).fill('Chinstraps are rare in the data.');
  await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
  await expectAccessible(page, 'Plan');

  // Data: the sample's preview with the reasons for each type open, then the imported dataset.
  await page.getByTestId('stage-link-data').click();
  await page.getByRole('button', { name: /^Open sample .*enguins/ }).click();
  await page.getByTestId('import-preview').waitFor();
  await page.getByTestId('kind-reasons').locator('summary').click();
  await page.getByTestId('preview-kind-reason').first().waitFor();
  await expectAccessible(page, 'Data import preview');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByTestId('dataset-summary').waitFor();
  await page.getByTestId('profile-table').waitFor();
  await page.locator('[data-testid="column-chart"] .main-svg').first().waitFor();
  await expectAccessible(page, 'Data');
  // Each modebar button is a Tab stop: a chart keeps four (download, zoom, pan, reset), not the eleven of Plotly's full bar.
  // Plotly adds the modebar once it has drawn the chart, which may be a moment after its frame shows.
  const modebar = page.locator('[data-testid="column-chart"] .modebar-btn');
  await expect.poll(() => modebar.count()).toBe(4);
  const buttons = await modebar.evaluateAll((els) => els.map((el) => el.getAttribute('data-title')));
  expect(buttons.length).toBe(4);
  expect(buttons).toContain('Download plot as a PNG');

  // Prepare: fill missing, one-hot, scale, SMOTE; a step's preview and its edit form open.
  await page.getByTestId('stage-link-prepare').click();
  await prepareIdle(page);
  const numeric = ['bill_length_mm', 'bill_depth_mm', 'flipper_length_mm', 'body_mass_g'];
  await addStep(page, 'Fill missing values', async () => {
    await page.getByLabel('Columns to fill', { exact: true }).selectOption([...numeric, 'sex']);
    await page.getByLabel('Fill with', { exact: true }).selectOption('most-frequent');
  });
  await addStep(page, 'One-hot encode', () => page.getByLabel('Column', { exact: true }).selectOption('island'));
  // Train reads numbers only: sex, a category too, needs its encoding as well.
  await addStep(page, 'One-hot encode', () => page.getByLabel('Column', { exact: true }).selectOption('sex'));
  await addStep(page, 'Scale numbers', () => page.getByLabel('Columns to scale', { exact: true }).selectOption(numeric));
  await page.getByLabel('Augmentation method', { exact: true }).selectOption('smote');
  await page.getByRole('button', { name: 'Apply augmentation' }).click();
  await prepareIdle(page);
  await page.locator('[data-testid="augment-chart"] .main-svg').first().waitFor();
  await page.getByRole('button', { name: 'Preview step 1' }).click();
  await page.getByTestId('step-preview').waitFor();
  await prepareIdle(page);
  await page.getByRole('button', { name: 'Edit step 2' }).click();
  await page.getByRole('button', { name: 'Save step' }).waitFor();
  await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
  await expectAccessible(page, 'Prepare');

  // Train: a short MLP run on WASM; a second, long one with its live loss curves, stopped; both compared.
  await page.getByTestId('stage-link-train').click();
  await page.getByTestId('backend-reason').waitFor();
  await page.getByLabel('Neural network (MLP)', { exact: true }).check();
  await page.getByLabel('Backend', { exact: true }).selectOption('wasm');
  await page.getByLabel('Epochs', { exact: true }).fill('5');
  await page.getByLabel('Run name', { exact: true }).fill('short run');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.locator('[data-testid="run-row"][data-name="short run"][data-status="completed"]').waitFor({ timeout: SLOW_WORK_MS });
  // Patience 0: early stopping would otherwise end the long run before the check.
  await page.getByLabel('Early-stopping patience', { exact: true }).fill('0');
  await page.getByLabel('Epochs', { exact: true }).fill('5000');
  await page.getByLabel('Run name', { exact: true }).fill('long run');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.locator('[data-testid="train-curves-loss"] .main-svg').first().waitFor();
  await expectAccessible(page, 'Train, a run in progress');
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await page.locator('[data-testid="run-row"][data-name="long run"][data-status="stopped"]').waitFor();
  await page.getByLabel('Compare short run', { exact: true }).check();
  await page.getByLabel('Compare long run', { exact: true }).check();
  await page.locator('[data-testid="compare-curves-loss"] .main-svg').first().waitFor();
  await expectAccessible(page, 'Train, two runs compared');

  // Evaluate: that run's metrics, confusion matrix and the plan's criterion.
  await page.getByTestId('stage-link-evaluate').click();
  await page.getByTestId('metric-accuracy').waitFor();
  await page.locator('[data-testid="confusion-matrix"] .main-svg').first().waitFor();
  await expectAccessible(page, 'Evaluate');

  // The project list with a project in it.
  await page.goto(baseUrl() + '#/');
  await page.getByRole('link', { name: 'Penguin species' }).first().waitFor();
  await expectAccessible(page, 'project list');
}, LONG_TEST_MS);

test('messages about mistakes, and a binary run evaluated and compared, have no axe violations', async () => {
  const session = await startBrowser();
  const page = await session.newPage();
  // A plan target the dataset lacks (a capital too many): Data says so in an alert, with a link to Plan, where it is put right.
  await projectWithSample(page, 'Cancer check', /^Open sample Breast cancer/, 'binary', 'Diagnosis');
  await page.getByTestId('target-not-in-dataset').getByRole('link', { name: 'Open Plan' }).waitFor();
  await expectAccessible(page, 'Data with a plan target it lacks');
  await page.getByTestId('stage-link-plan').click();
  await page.getByLabel('Target column', { exact: true }).selectOption('diagnosis');

  // A threshold that is not a number, left: the plan says what is wrong, in the page.
  await addCriterion(page, 'accuracy', 'high');
  const threshold = page.getByLabel('Threshold of criterion 1', { exact: true });
  await threshold.press('Tab');
  await page.locator('input[aria-invalid="true"]').waitFor();
  await expectAccessible(page, 'Plan with a wrong threshold');
  await threshold.fill('0.8');
  await threshold.press('Tab');
  await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();

  // SMOTE with Neighbours cleared is refused, naming the field.
  await addScaleStep(page, ['diagnosis']);
  await page.getByLabel('Augmentation method', { exact: true }).selectOption('smote');
  await page.getByLabel('Neighbours', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Apply augmentation' }).click();
  await page.getByTestId('augment-panel').getByRole('alert').waitFor();
  await expectAccessible(page, 'Prepare with a refused augmentation');
  await page.getByLabel('Augmentation method', { exact: true }).selectOption('none');

  // Evaluate: the criterion checked, the decision threshold moved, ROC drawn; then beside a baseline.
  await trainOnce(page, 'Logistic regression', 0.05, 10);
  await page.getByTestId('stage-link-evaluate').click();
  await page.getByTestId('criterion-check').waitFor();
  await page.getByRole('slider', { name: 'Decision threshold' }).fill('0.7');
  await page.locator('[data-testid="threshold-value"]', { hasText: '0.70' }).waitFor();
  await page.locator('[data-testid="roc-curve"] .main-svg').first().waitFor();
  await expectAccessible(page, 'Evaluate, binary');
  await trainBaseline(page, 'Run 2');
  await page.getByTestId('stage-link-evaluate').click();
  await page.getByTestId('compare-runs').waitFor();
  await expectAccessible(page, 'Evaluate, two runs compared');
}, LONG_TEST_MS);

test('a regression run with its residuals and a cross-validation has no axe violations', async () => {
  const session = await startBrowser();
  const page = await session.newPage();
  await projectWithSample(page, 'Diabetes accessibility', /^Open sample Diabetes/, 'regression', 'disease_progression');
  await addScaleStep(page, ['disease_progression']);
  await trainOnce(page, 'Linear regression', 0.1, 30);
  await page.getByTestId('stage-link-evaluate').click();
  await page.locator('[data-testid="residuals-predicted"] .main-svg').first().waitFor();
  await page.locator('[data-testid="residual-histogram"] .main-svg').first().waitFor();
  await page.getByRole('button', { name: 'Measure feature importance' }).click();
  await page.locator('[data-testid="importance-chart"] .main-svg').first().waitFor({ timeout: SLOW_WORK_MS });
  await page.getByTestId('importance-progress').waitFor({ state: 'detached' });
  await page.getByLabel('Folds', { exact: true }).fill('3');
  await page.getByRole('button', { name: 'Cross-validate' }).click();
  await page.getByTestId('cv-mean-rmse').waitFor({ timeout: SLOW_WORK_MS });
  await page.locator('[data-testid="cv-box"] .main-svg').first().waitFor();
  await expectAccessible(page, 'Evaluate, regression with cross-validation');
}, LONG_TEST_MS);
