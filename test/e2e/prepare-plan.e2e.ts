/** What Prepare says of the plan: a split that needs a target the plan lacks, a target the dataset lacks, and the columns the plan's candidate features leave out (and Plan's checklist counting the rows per candidate). */
import { expect, test } from 'vitest';
import { openDataStage, prepareIdle, projectWithSample, shownOrAlerts, trainBaseline } from './flows';
import { startBrowser } from './harness';
import { storedRows } from './stored';
import { LONG_TEST_MS } from './timeouts';

test('a stratified split with no target in the plan says so, with a link to Plan', async () => {
  const session = await startBrowser();
  const page = await session.newPage();
  await openDataStage(page, 'No target yet');
  await page.getByRole('button', { name: /^Open sample Iris/ }).click();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByTestId('dataset-summary').waitFor();
  await page.getByTestId('stage-link-prepare').click();
  await prepareIdle(page);
  await page.getByLabel('Stratified', { exact: true }).check();
  const problem = page.getByTestId('split-problem');
  await problem.filter({ hasText: 'needs a classification target: choose one in Plan' }).waitFor();
  await problem.getByRole('link', { name: 'Open Plan' }).click();
  await page.waitForURL(/\/plan$/);
  await page.getByLabel('Target column', { exact: true }).waitFor();
  await session.close();
});

test('a plan target the dataset lacks is said on Data, Prepare and Train, naming the column it differs from only in case, until Plan picks that column', async () => {
  const session = await startBrowser();
  const page = await session.newPage();
  await projectWithSample(page, 'Wrong case', /^Open sample Iris/, 'multiclass', 'Species');
  const expected = 'The plan’s target "Species" is not a column of the dataset "Iris flowers". Did you mean "species"?';

  // On Data: the alert links to Plan, not to the page it is on.
  const onData = page.getByTestId('target-not-in-dataset');
  expect(await onData.textContent()).toContain(expected);
  expect(await onData.getByRole('link').allTextContents()).toEqual(['Open Plan']);
  // The profile does not also ask for a target to be chosen: one is, wrongly.
  await page.getByTestId('profile-table').waitFor();
  expect(await page.getByText('Choose the target in the Plan stage').count()).toBe(0);

  // On Prepare, where no step makes a column of that name, it is said again, with links to Plan and Data.
  await page.getByTestId('stage-link-prepare').click();
  await prepareIdle(page);
  const onPrepare = page.getByTestId('target-not-in-dataset');
  expect(await onPrepare.textContent()).toContain(expected);
  expect(await onPrepare.getByRole('link').allTextContents()).toEqual(['Open Plan', 'Open Data']);

  // The stratified split cannot find the classes, and says why.
  const splitProblem = 'the plan’s target "Species" is not a column of this dataset: choose the target in Plan, or use a random split.';
  expect(await page.getByTestId('split-problem').textContent()).toContain(splitProblem);

  // Train refuses with the split's reason; with a random split, with the plan's: not by asking which step dropped the target.
  const refusal = (text: string) => shownOrAlerts(page, page.getByTestId('train-error').filter({ hasText: text }), `Train did not refuse with "${text}"`);
  await page.getByTestId('stage-link-train').click();
  await page.getByLabel('Baseline', { exact: true }).check();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await refusal(splitProblem);
  await page.getByTestId('stage-link-prepare').click();
  await prepareIdle(page);
  await page.getByLabel('Random', { exact: true }).check();
  await prepareIdle(page);
  await page.getByTestId('split-parts').waitFor();
  await page.getByTestId('stage-link-train').click();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await refusal(expected);

  // Plan offers the typed name as not in the dataset; picking the column clears every alert.
  await page.getByTestId('stage-link-plan').click();
  const targetChoice = page.getByLabel('Target column', { exact: true });
  expect(await targetChoice.locator('option:checked').textContent()).toBe('Species (not in the dataset)');
  await targetChoice.selectOption('species');
  await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
  await page.getByTestId('stage-link-data').click();
  await page.getByTestId('dataset-profile').waitFor();
  expect(await page.getByTestId('target-not-in-dataset').count()).toBe(0);
  await page.getByTestId('stage-link-prepare').click();
  await prepareIdle(page);
  expect(await page.getByTestId('target-not-in-dataset').count()).toBe(0);
  await session.close();
});

test('Plan’s checklist counts rows per candidate feature; the columns the plan leaves out of its candidate features are named in Prepare, and one click drops them before training', async () => {
  const session = await startBrowser();
  const page = await session.newPage();
  await projectWithSample(page, 'Two features', /^Open sample Iris/, 'multiclass', 'species');
  await page.getByTestId('stage-link-plan').click();
  // The checklist's rule of ten rows per feature, against the data in use: every column but the target, then the two chosen.
  const sizeFact = page.getByTestId('check-fact-enough-data');
  expect(await sizeFact.textContent()).toBe('The dataset in use has 150 rows for 4 features: 37 per feature, within the rule.');
  for (const name of ['petal_length_cm', 'petal_width_cm']) await page.getByLabel(name, { exact: true }).check();
  await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
  expect(await sizeFact.textContent()).toBe('The dataset in use has 150 rows for 2 features: 75 per feature, within the rule.');

  await page.getByTestId('stage-link-prepare').click();
  await prepareIdle(page);
  const beyond = page.getByTestId('beyond-plan');
  expect(await beyond.textContent()).toContain('The plan’s candidate features leave out 2 columns that still reach the model: “sepal_length_cm” and “sepal_width_cm”.');
  await beyond.getByRole('button', { name: 'Drop them in a step' }).click();
  await prepareIdle(page);
  expect(await page.getByTestId('pipeline-step').allTextContents()).toEqual([expect.stringMatching(/^Drop columns: Drop "sepal_length_cm", "sepal_width_cm" → \d+ training rows, 3 columns/)]);
  expect(await beyond.count()).toBe(0);

  // The run trains on the plan's two features only (the baseline reads no feature, but its layout names them).
  await trainBaseline(page, 'Run 1');
  const [run] = await storedRows<{ layout: { features: string[] } }>(page, 'runs');
  expect(run!.layout.features).toEqual(['petal_length_cm', 'petal_width_cm']);
  await session.close();
}, LONG_TEST_MS);
