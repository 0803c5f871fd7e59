/** A yes/no column is shown, matched and trained on as its file wrote it: Yes and No, not true and false. */
import { expect, test } from 'vitest';
import { addStep, prepareIdle, projectWithFile, relabelWhere, storedPredictions, trainBaseline } from './flows';
import { startBrowser } from './harness';
import { LONG_TEST_MS } from './timeouts';
import { tempFile } from './temp-file';

test('a Yes/No target reads Yes and No on Data, in a relabel’s condition and in the evaluated classes', async () => {
  const rows = Array.from({ length: 80 }, (_, i) => `${i % 24},${i % 3 ? 'basic' : 'plus'},${i % 4 === 0 ? 'Yes' : 'No'}`);
  const file = tempFile('churn.csv', `tenure,plan,churn\n${rows.join('\n')}\n`);
  const session = await startBrowser();
  const page = await session.newPage();
  await projectWithFile(page, 'Yes and no', file, 'binary', 'churn');

  // The table shows the file's words.
  const firstRow = page.locator('[data-testid="data-table"] [data-testid="data-row"][data-row="1"] td');
  await firstRow.first().waitFor();
  expect(await firstRow.allTextContents()).toEqual(['0', 'plus', 'Yes']);
  expect(await page.locator('[data-testid="data-table"] [data-testid="data-row"][data-row="2"] td').last().textContent()).toBe('No');

  // A condition on it matches by value: its own word, and true, match the same 20 rows.
  await page.getByTestId('stage-link-prepare').click();
  await page.getByTestId('labels-table').waitFor();
  await prepareIdle(page);
  await relabelWhere(page, 'plan', 'gold', 'churn', 'Yes');
  expect(await page.getByTestId('labels-notice').textContent()).toContain('20 rows match churn == Yes: plan is now "gold" there.');
  await prepareIdle(page);
  await relabelWhere(page, 'plan', 'platinum', 'churn', 'true');
  expect(await page.getByTestId('labels-notice').textContent()).toContain('20 rows match churn == true: plan is now "platinum" there.');
  await prepareIdle(page);
  // `plan` holds categories a model cannot read as numbers: Train refuses, with a link to the stage that fixes it.
  await page.getByTestId('stage-link-train').click();
  await page.getByLabel('Baseline', { exact: true }).check();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const refusal = page.getByTestId('train-error').filter({ hasText: 'Column "plan" holds categories' });
  await refusal.waitFor();
  await refusal.getByRole('link', { name: 'Open Prepare' }).click();
  await page.waitForURL(/\/prepare$/);
  await prepareIdle(page);
  await addStep(page, 'One-hot encode', () => page.getByLabel('Column', { exact: true }).selectOption('plan'));

  // Trained and evaluated, the classes are No then Yes: the positive class is Yes.
  await trainBaseline(page, 'Run 1');
  await page.getByTestId('stage-link-evaluate').click();
  await page.getByTestId('metric-accuracy').waitFor();
  expect((await storedPredictions(page, 'validation')).classes).toEqual(['No', 'Yes']);
  await session.close();
}, LONG_TEST_MS);
