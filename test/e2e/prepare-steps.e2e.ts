/** Editing steps on Prepare: a step's edit form, its preview, and the pipeline's saved versions. */
import { expect, test } from 'vitest';
import { addStep, penguinsOnPrepare, prepareIdle, projectWithFile, trainBaseline } from './flows';
import { startBrowser } from './harness';
import { LONG_TEST_MS } from './timeouts';
import { tempFile } from './temp-file';

test('a step’s edit form offers the columns that step receives; saved unchanged it stores nothing; a step changed underneath it closes it; the last fit is kept', async () => {
  const session = await startBrowser();
  const page = await session.newPage();
  await penguinsOnPrepare(page);
  await prepareIdle(page);
  await addStep(page, 'One-hot encode', () => page.getByLabel('Column', { exact: true }).selectOption('island'));
  await addStep(page, 'Rename a column', async () => {
    await page.getByLabel('Column', { exact: true }).selectOption('sex');
    await page.getByLabel('New name', { exact: true }).fill('Sex');
  });
  const steps = page.getByTestId('pipeline-step');
  await page.locator('[data-testid="pipeline-step"][data-state="fitted"]').nth(1).waitFor();
  // The worker kept the last fit: adding the rename fitted only it, and previewing step 1 fits nothing again.
  expect(await page.getByTestId('prepare-fitted').textContent()).toMatch(/^Fitted in .*; 1 of the 2 steps was kept from the last fit\.$/);
  await page.getByRole('button', { name: 'Preview step 1' }).click();
  await page.getByTestId('step-preview').getByText('island=Biscoe').first().waitFor();
  await prepareIdle(page);
  expect(await page.getByTestId('prepare-fitted').textContent()).toMatch(/^Fitted in .*; 2 of the 2 steps were kept from the last fit\.$/);
  const optionsOf = (step: number) => steps.nth(step).getByLabel('Column', { exact: true }).evaluate((s) => Array.from((s as HTMLSelectElement).options, (o) => o.value));
  const selectedIndex = (step: number) => steps.nth(step).getByLabel('Column', { exact: true }).evaluate((s) => (s as HTMLSelectElement).selectedIndex);

  // The one-hot step receives `island`, not the columns it makes; the rename receives `sex`, not `Sex`.
  await page.getByRole('button', { name: 'Edit step 1' }).click();
  expect(await optionsOf(0)).toContain('island');
  expect(await optionsOf(0)).not.toContain('island=Biscoe');
  expect(await steps.nth(0).getByLabel('Column', { exact: true }).inputValue()).toBe('island');
  expect(await selectedIndex(0)).toBeGreaterThanOrEqual(0);
  // Saved unchanged: no new version, nothing to undo beyond the two adds.
  const version = await page.getByTestId('recipe-version').textContent();
  await steps.nth(0).getByRole('button', { name: 'Save step' }).click();
  await steps.nth(0).getByTestId('step-form').waitFor({ state: 'detached' });
  expect(await page.getByTestId('recipe-version').textContent()).toBe(version);
  await page.getByRole('button', { name: 'Edit step 2' }).click();
  expect(await optionsOf(1)).toContain('sex');
  expect(await optionsOf(1)).not.toContain('Sex');
  expect(await steps.nth(1).getByLabel('Column', { exact: true }).inputValue()).toBe('sex');

  // An edit saved, the form opened again and the edit undone: the form closes, so saving it cannot put the undone edit back.
  await steps.nth(1).getByLabel('New name', { exact: true }).fill('SEX');
  await steps.nth(1).getByRole('button', { name: 'Save step' }).click();
  await prepareIdle(page);
  await expect.poll(() => steps.nth(1).textContent()).toContain('"SEX"');
  await page.getByRole('button', { name: 'Edit step 2' }).click();
  expect(await steps.nth(1).getByLabel('New name', { exact: true }).inputValue()).toBe('SEX');
  await page.getByRole('button', { name: 'Undo' }).click();
  await prepareIdle(page);
  await steps.nth(1).getByTestId('step-form').waitFor({ state: 'detached' });
  expect(await steps.nth(1).textContent()).toContain('"Sex"');
  expect(await page.getByTestId('edit-closed').textContent()).toMatch(/^Step 2 was changed .*edit form was closed/);
  // A half-made edit survives a change to another step.
  await page.getByRole('button', { name: 'Edit step 2' }).click();
  await steps.nth(1).getByLabel('New name', { exact: true }).fill('Gender');
  await page.getByLabel('Step 1 (One-hot encode) On', { exact: true }).uncheck();
  await prepareIdle(page);
  expect(await steps.nth(1).getByLabel('New name', { exact: true }).inputValue()).toBe('Gender');

  // Undo and redo turn their buttons off while the worker refits: focus comes back to a button, not to <body>.
  const onUndoOrRedo = () => page.waitForFunction(() => ['Undo', 'Redo'].includes(document.activeElement?.textContent ?? ''));
  await page.getByRole('button', { name: 'Undo' }).focus();
  await page.keyboard.press('Enter');
  await prepareIdle(page);
  await onUndoOrRedo();
  expect(await page.getByLabel('Step 1 (One-hot encode) On', { exact: true }).isChecked()).toBe(true);
  await page.keyboard.press('Control+Shift+Z');
  await prepareIdle(page);
  await onUndoOrRedo();
  expect(await page.getByLabel('Step 1 (One-hot encode) On', { exact: true }).isChecked()).toBe(false);
}, LONG_TEST_MS);

test('the step preview shows a column’s min as the data table shows values, not rounded to 4 digits', async () => {
  const lines = ['x,y'];
  for (let i = 0; i < 40; i++) lines.push(`${i % 10 === 9 ? '' : i < 30 ? '12345' : '23456.7'},${i % 2 ? 'yes' : 'no'}`);
  const file = tempFile('figures.csv', lines.join('\n') + '\n');
  const session = await startBrowser();
  const page = await session.newPage();
  await projectWithFile(page, 'Figures', file, 'binary', 'y');
  await page.getByTestId('stage-link-prepare').click();
  await prepareIdle(page);
  await addStep(page, 'Fill missing values', async () => {
    await page.getByLabel('Columns to fill', { exact: true }).selectOption(['x']);
    await page.getByLabel('Fill with', { exact: true }).selectOption('most-frequent');
  });
  await page.getByRole('button', { name: 'Preview step 1' }).click();
  await page.getByTestId('step-preview').waitFor();
  await prepareIdle(page);
  const after = await page.locator('[data-testid="preview-profile"][data-column="x"] td').nth(1).textContent();
  expect(after).toMatch(/^0 missing, 2 distinct; .*min 12345, max 23456\.7$/);
});

test('the history lists each saved version with what it changed, and an earlier one restored is saved as the newest, survives a reload and is undone by Undo', async () => {
  const session = await startBrowser();
  const page = await session.newPage();
  await penguinsOnPrepare(page);
  await prepareIdle(page);
  const seed = await page.getByLabel('Seed', { exact: true }).first().inputValue();
  await addStep(page, 'Fill missing values', async () => {
    await page.getByLabel('Columns to fill', { exact: true }).selectOption(['bill_length_mm', 'bill_depth_mm', 'flipper_length_mm', 'body_mass_g']);
    await page.getByLabel('Fill with', { exact: true }).selectOption('median');
  });
  // The categories dropped, so that a baseline trains without an encoding step.
  await addStep(page, 'Drop columns', () => page.getByLabel('Columns to drop', { exact: true }).selectOption(['island', 'sex']));
  await page.getByLabel('Seed', { exact: true }).first().fill('42');
  await page.getByRole('button', { name: 'Use this seed' }).click();
  await prepareIdle(page);

  // A baseline trained on version 3: the history says which version gave the run.
  await trainBaseline(page, 'Run 1');
  expect(await page.locator('[data-testid="run-row"][data-name="Run 1"] [data-column="recipeVersion"]').textContent()).toBe('3');
  await page.getByTestId('stage-link-prepare').click();

  // Undo lasts only while the page is open; the history is stored.
  await page.reload();
  await prepareIdle(page);
  const history = page.getByTestId('recipe-history');
  expect(await history.getByTestId('history-runs').evaluateAll((els) => els.map((e) => [e.closest('li')?.getAttribute('data-version'), e.textContent]))).toEqual([['3', 'Trained with this version: “Run 1”.']]);
  const versions = history.getByTestId('history-version');
  const listed = () => versions.evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-version')), [...e.querySelectorAll('[data-testid="history-changes"] li')].map((li) => li.textContent)]));
  expect(await listed()).toEqual([
    [3, [`Split seed: 42 (was ${seed}).`]],
    [2, ['Added step 2 (Drop columns): Drop "island", "sex".']],
    [1, ['Added step 1 (Fill missing values): Fill missing "bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g" with the median.']],
  ]);
  expect(await history.getByTestId('history-shown').count()).toBe(1);
  expect(await versions.first().getByTestId('history-shown').count()).toBe(1);

  // Restored from the keyboard: version 1 becomes version 4, and focus stays on the button pressed.
  await page.getByRole('button', { name: 'Restore version 1' }).focus();
  await page.keyboard.press('Enter');
  await history.getByTestId('history-status').filter({ hasText: 'Version 1 restored, saved as version 4. Undo takes it back while this page stays open.' }).waitFor();
  await prepareIdle(page);
  expect(await page.getByTestId('pipeline-step').count()).toBe(1);
  expect(await page.getByLabel('Seed', { exact: true }).first().inputValue()).toBe(seed);
  expect(await page.getByTestId('recipe-version').textContent()).toBe('version 4');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Restore version 1');
  expect((await listed())[0]).toEqual([4, ['The same as version 1.', 'Removed step 2 (Drop columns): Drop "island", "sex".', `Split seed: ${seed} (was 42).`]]);

  await page.reload();
  await prepareIdle(page);
  expect(await page.getByTestId('pipeline-step').count()).toBe(1);
  expect((await listed()).map(([v]) => v)).toEqual([4, 3, 2, 1]);

  // After a reload undo has nothing to go back to, but restoring version 3 is the same undo as a change: the page can go back to 4.
  await page.getByRole('button', { name: 'Restore version 3' }).click();
  await prepareIdle(page);
  expect(await page.getByTestId('pipeline-step').count()).toBe(2);
  await page.getByRole('button', { name: 'Undo' }).click();
  await prepareIdle(page);
  expect(await page.getByTestId('pipeline-step').count()).toBe(1);
  expect(await page.getByTestId('recipe-version').textContent()).toBe('version 6');
  expect((await listed()).slice(0, 2).map(([v, changes]) => [v, (changes as string[])[0]])).toEqual([[6, 'The same as version 1.'], [5, 'The same as version 3.']]);
  // Restoring says nothing more once another version is shown.
  expect(await history.getByTestId('history-status').textContent()).toBe('');
}, LONG_TEST_MS);
