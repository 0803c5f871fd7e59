import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { addScaleStep, addStep, editCell, penguinsOnPrepare, prepareIdle, projectWithFile, storedPredictions, trainBaseline } from './flows';
import { startBrowser } from './harness';
import { LONG_TEST_MS } from './timeouts';
import { tempFile } from './temp-file';

const penguins = readFileSync(join(import.meta.dirname, '../../public/samples/penguins.csv'), 'utf8').trim().split('\n');
const rowCount = penguins.length - 1;

const partRows = async (page: Page) =>
  Object.fromEntries(await Promise.all((await page.getByTestId('split-part').all()).map(async (p) => [await p.getAttribute('data-part'), Number(await p.getAttribute('data-rows'))])));

test('a pipeline, a split, label edits and SMOTE on a sample with missing values survive a reload', async () => {
  const session = await startBrowser();
  const page = await session.newPage();
  await penguinsOnPrepare(page);

  // The default split is stratified 70/15/15, sized as scikit-learn sizes it: validation and test ceil(15% of the rows) each, training the rest.
  await page.getByTestId('split-parts').waitFor();
  const held = (share: number) => Math.ceil(rowCount * share - 1e-9);
  expect(await partRows(page)).toEqual({ train: rowCount - 2 * held(0.15), validation: held(0.15), test: held(0.15) });

  // Only the finished fit is announced: the Cancel button shown meanwhile is outside the live region.
  await page.evaluate(() => {
    const seen = { cancel: false, buttonInLiveRegion: false };
    (window as unknown as { liveSeen: typeof seen }).liveSeen = seen;
    new MutationObserver(() => {
      seen.cancel ||= !!document.querySelector('[data-testid="prepare-status"] button');
      seen.buttonInLiveRegion ||= !!document.querySelector('[aria-live] button, [role="status"] button');
    }).observe(document.body, { childList: true, subtree: true });
  });

  // Impute: the form says how many training rows miss each column; the preview shows cells filled in the training rows and no missing values after.
  const numeric = ['bill_length_mm', 'bill_depth_mm', 'flipper_length_mm', 'body_mass_g'];
  await prepareIdle(page);
  const sexOption = await page.getByLabel('Columns to fill', { exact: true }).locator('option[value="sex"]').textContent();
  const sexMissing = Number(sexOption!.match(/^sex \((\d+) missing\)$/)![1]);
  await addStep(page, 'Fill missing values', async () => {
    await page.getByLabel('Columns to fill', { exact: true }).selectOption([...numeric, 'sex']);
    await page.getByLabel('Fill with', { exact: true }).selectOption('most-frequent');
  });
  await page.locator('[data-testid="pipeline-step"][data-state="fitted"]').first().waitFor();
  await page.getByRole('button', { name: 'Preview step 1' }).click();
  await page.getByTestId('step-preview').waitFor();
  await prepareIdle(page);
  expect(Number(await page.getByTestId('preview-cells').textContent())).toBeGreaterThan(0);
  // What happened to each sample row is said in words, not only by strike-through and bold.
  expect(await page.getByTestId('preview-sample').locator('tbody tr td').first().textContent()).toBe('changed');
  expect(await page.locator('[data-testid="preview-profile"][data-column="sex"] td').nth(1).textContent()).toMatch(/^0 missing/);
  expect(await page.locator('[data-testid="preview-profile"][data-column="sex"] td').first().textContent()).toMatch(new RegExp(`^${sexMissing} missing`));
  expect(sexMissing).toBeGreaterThan(0);

  // One-hot the island, then scale the numbers.
  await addStep(page, 'One-hot encode', () => page.getByLabel('Column', { exact: true }).selectOption('island'));
  await addStep(page, 'Scale numbers', () => page.getByLabel('Columns to scale', { exact: true }).selectOption(numeric));
  const steps = page.getByTestId('pipeline-step');
  expect(await steps.count()).toBe(3);
  expect(await page.locator('[data-testid="pipeline-step"][data-state="fitted"]').count()).toBe(3);
  expect(await steps.nth(1).textContent()).toMatch(/9 columns/); // 7 − island + 3 islands
  // Each step's switch is named for its step; the re-keyed add form leaves focus on its heading, not on <body>.
  expect(await page.getByLabel('Step 2 (One-hot encode) On', { exact: true }).isChecked()).toBe(true);
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Add a step');
  expect(await page.evaluate(() => (window as unknown as { liveSeen: object }).liveSeen)).toEqual({ cancel: true, buttonInLiveRegion: false });
  // Three steps added one by one: the third was fitted on what the first two left, kept from the last fit.
  expect(await page.locator('[data-testid="prepare-status"] [aria-live]').textContent()).toMatch(/^Fitted in .+ m?s; 2 of the 3 steps were kept from the last fit\.$/);

  // A moved step keeps focus on the arrow pressed, at its new place; where that arrow is now off, on its other arrow.
  const kinds = () => steps.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
  const focusedLabel = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
  await page.getByRole('button', { name: 'Move step 2 down' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(kinds).toEqual(['impute', 'scale', 'one-hot']);
  await expect.poll(focusedLabel).toBe('Move step 3 up');
  await page.keyboard.press('Enter');
  await expect.poll(kinds).toEqual(['impute', 'one-hot', 'scale']);
  await expect.poll(focusedLabel).toBe('Move step 2 up');
  await page.keyboard.press('Enter');
  await expect.poll(kinds).toEqual(['one-hot', 'impute', 'scale']);
  await expect.poll(focusedLabel).toBe('Move step 1 down');
  await page.keyboard.press('Enter');
  await expect.poll(kinds).toEqual(['impute', 'one-hot', 'scale']);
  await expect.poll(focusedLabel).toBe('Move step 2 down');
  await prepareIdle(page);
  // The scaling step's preview says what it learned from the training rows: the mean its column's profile shows before it.
  await page.getByRole('button', { name: 'Preview step 3' }).click();
  const learned = page.locator('[data-testid="preview-learned"] tr[data-column="bill_length_mm"] td').filter({ hasText: /^mean / });
  await learned.waitFor();
  const learnedMean = Number((await learned.textContent())!.match(/^mean (\S+), std \S+$/)![1]);
  const profileBefore = await page.locator('[data-testid="preview-profile"][data-column="bill_length_mm"] td').first().textContent();
  expect(learnedMean).toBeCloseTo(Number(profileBefore!.match(/mean ([-\d.e]+)/)![1]), 1);
  await prepareIdle(page);

  // A column the step would refuse is greyed out in its form, with its kind; one the form cannot rule out is refused in the form's alert, and the pipeline stays as it was.
  await page.getByLabel('Step', { exact: true }).selectOption({ label: 'Scale numbers' });
  const biscoe = page.getByLabel('Columns to scale', { exact: true }).locator('option[value="island=Biscoe"]');
  expect([await biscoe.textContent(), await biscoe.isDisabled()]).toEqual(['island=Biscoe (boolean)', true]);
  expect(await page.getByLabel('Columns to scale', { exact: true }).locator('option[value="bill_depth_mm"]').isDisabled()).toBe(false);
  expect(await page.getByLabel('Columns to scale', { exact: true }).locator('option[value="species"]').textContent()).toBe('species (target, categorical)');
  await page.getByLabel('Step', { exact: true }).selectOption({ label: 'One-hot encode' });
  expect(await page.getByLabel('Column', { exact: true }).inputValue()).toBe('sex'); // the first label column left that is not the target
  await addStep(page, 'Derived column', async () => {
    await page.getByLabel('New column name', { exact: true }).fill('ratio');
    await page.getByLabel('Formula', { exact: true }).fill('bill_length_mm / bill_dept_mm');
  });
  expect(await page.getByTestId('step-problem').textContent()).toContain('There is no column "bill_dept_mm"');
  expect(await steps.count()).toBe(3);
  // The browser's own checks do not stand in the way: Bins = 1 gets the app's alert, naming the field (by its label, not its key); a factor of 1.75 is no step mismatch.
  await addStep(page, 'Bin into ranges', () => page.getByLabel('Bins', { exact: true }).fill('1'));
  const binProblem = page.getByTestId('step-form').getByRole('alert');
  await binProblem.filter({ hasText: 'Bins: enter a whole number from 2 to 100.' }).waitFor();
  expect(await binProblem.textContent()).not.toContain('(bins)');
  expect(await steps.count()).toBe(3);
  await page.getByLabel('Step', { exact: true }).selectOption({ label: 'Remove or clip outliers' });
  await page.getByLabel('Factor (0: the rule’s usual one)', { exact: true }).fill('1.75');
  expect(await page.getByLabel('Factor (0: the rule’s usual one)', { exact: true }).evaluate((e) => (e as HTMLInputElement).validity.valid)).toBe(true);

  // Undo after changing the split puts the percent inputs back to the stored fractions; a part such as 33.33 is accepted.
  const percentValues = () => Promise.all(['Train %', 'Validation %', 'Test %'].map((l) => page.getByLabel(l, { exact: true }).inputValue()));
  await page.getByLabel('Train %', { exact: true }).fill('80');
  await page.getByLabel('Validation %', { exact: true }).fill('10');
  await page.getByLabel('Test %', { exact: true }).fill('10');
  await page.getByRole('button', { name: 'Apply fractions' }).click();
  await prepareIdle(page);
  await page.locator(`[data-testid="split-part"][data-part="validation"][data-rows="${held(0.1)}"]`).waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();
  await prepareIdle(page);
  await page.locator(`[data-testid="split-part"][data-part="validation"][data-rows="${held(0.15)}"]`).waitFor();
  expect(await percentValues()).toEqual(['70', '15', '15']);
  await page.getByLabel('Train %', { exact: true }).fill('33.33');
  await page.getByLabel('Validation %', { exact: true }).fill('33.33');
  await page.getByLabel('Test %', { exact: true }).fill('33.34');
  await page.getByRole('button', { name: 'Apply fractions' }).click();
  await prepareIdle(page);
  await page.locator(`[data-testid="split-part"][data-part="validation"][data-rows="${held(0.3333)}"]`).waitFor();
  expect(await percentValues()).toEqual(['33.33', '33.33', '33.34']);

  // The split: 60/20/20 with seed 42.
  await page.getByLabel('Train %', { exact: true }).fill('60');
  await page.getByLabel('Validation %', { exact: true }).fill('20');
  await page.getByLabel('Test %', { exact: true }).fill('20');
  await page.getByRole('button', { name: 'Apply fractions' }).click();
  await prepareIdle(page);
  await page.getByLabel('Seed', { exact: true }).first().fill('42');
  await page.getByRole('button', { name: 'Use this seed' }).click();
  await prepareIdle(page);
  const train60 = rowCount - 2 * held(0.2);
  await page.locator(`[data-testid="split-part"][data-part="train"][data-rows="${train60}"]`).waitFor();

  // Relabel one row: the edit becomes the first step; the table shows it; the data is untouched.
  await editCell(page, 1, 'species', 'Gentoo');
  await prepareIdle(page);
  expect(await steps.first().getAttribute('data-kind')).toBe('edit-cells');
  // Said in a status, for a screen reader too: what the edit set.
  await page.getByTestId('labels-notice').filter({ hasText: 'Row 1: species is now "Gentoo".' }).waitFor();
  // The button was off while the worker refitted: focus comes back to it, not to <body>.
  await page.waitForFunction(() => document.activeElement?.textContent === 'Edit cell');
  await page.locator('[data-testid="labels-table"] tr[data-row="0"] td', { hasText: 'Gentoo' }).waitFor();
  // A cell's name says its row, column and value; picking it puts the cursor in the new value.
  await page.getByRole('button', { name: 'Edit row 1, column species: Gentoo', exact: true }).click();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('edit-value');
  expect(await page.getByLabel('New value', { exact: true }).inputValue()).toBe('Gentoo');
  // A row past the end gets the app's alert, not a browser bubble that blocks the form.
  await page.getByLabel('Row', { exact: true }).fill(String(rowCount + 1));
  await page.getByRole('button', { name: 'Edit cell' }).click();
  await page.getByTestId('labels-panel').getByRole('alert').filter({ hasText: `Row: enter a whole number from 1 to ${rowCount}.` }).waitFor();
  // A cleared Row box is refused, naming the field; the earlier edit is still shown, and still applies (the step reads it).
  await page.getByLabel('Row', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Edit cell' }).click();
  await page.getByTestId('labels-panel').getByRole('alert').filter({ hasText: `Row: enter a whole number from 1 to ${rowCount}.` }).waitFor();
  await prepareIdle(page);
  expect(await steps.first().getAttribute('data-state')).toBe('fitted');
  expect(await steps.first().textContent()).toMatch(/Edit values and labels: 1 cell edited/);
  await page.locator('[data-testid="labels-table"] tr[data-row="0"] td', { hasText: 'Gentoo' }).waitFor();

  // "is missing" compares with no value: the relabel form's box for one goes, and comes back with ==.
  const labels = page.getByTestId('labels-panel');
  await labels.getByLabel('Comparison', { exact: true }).selectOption('is missing');
  expect(await labels.getByLabel('Compared with', { exact: true }).count()).toBe(0);
  await labels.getByLabel('Comparison', { exact: true }).selectOption('==');
  await labels.getByLabel('Compared with', { exact: true }).waitFor();
  // A relabel by a condition says how many of the dataset's rows it set (Adelie as Adelie: the labels stay as they are).
  await labels.getByLabel('Set', { exact: true }).selectOption('species');
  await labels.getByLabel('to', { exact: true }).fill('Adelie');
  await labels.getByLabel('where', { exact: true }).selectOption('species');
  await labels.getByLabel('Compared with', { exact: true }).fill('Adelie');
  await labels.getByRole('button', { name: 'Relabel matching rows' }).click();
  await page.getByTestId('labels-notice').filter({ hasText: 'species == Adelie' }).waitFor();
  await prepareIdle(page);
  expect(await page.getByTestId('labels-notice').textContent()).toMatch(/^\d+ rows match species == Adelie: species is now "Adelie" there\.$/);
  // The edits are listed in the order they apply; one can be removed on its own, and focus stays in the list.
  await page.getByTestId('edit-list').locator('summary').click();
  expect(await page.getByTestId('edit-item').allTextContents()).toEqual([expect.stringMatching(/^Row 1: species = "Gentoo"\s*Remove$/), expect.stringMatching(/^species = "Adelie" where species == Adelie\s*Remove$/)]);
  await page.getByRole('button', { name: 'Remove edit 2: species = "Adelie" where species == Adelie' }).click();
  await expect.poll(() => page.getByTestId('edit-item').count()).toBe(1);
  await prepareIdle(page);
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Remove edit 1: Row 1: species = "Gentoo"');
  // A label like a class in other capitals is a class of its own: said, and taken back from the list.
  await editCell(page, 2, 'species', 'adelie');
  await page.getByTestId('labels-notice').filter({ hasText: 'Row 2: species is now "adelie". "adelie" is a new class, apart from "Adelie", which differs from it only in capitals' }).waitFor();
  await prepareIdle(page);
  await page.getByRole('button', { name: 'Remove edit 2: Row 2: species = "adelie"' }).click();
  await expect.poll(() => page.getByTestId('edit-item').count()).toBe(1);
  await prepareIdle(page);

  // SMOTE with Neighbours 0 gets the app's alert (no browser bubble blocks the form); with Neighbours cleared too, naming the field, and nothing is applied.
  await page.getByLabel('Augmentation method', { exact: true }).selectOption('smote');
  await page.getByLabel('Neighbours', { exact: true }).fill('0');
  await page.getByRole('button', { name: 'Apply augmentation' }).click();
  await page.getByTestId('augment-panel').getByRole('alert').filter({ hasText: 'Neighbours: enter a whole number from 1 to 50.' }).waitFor();
  // Another method's form does not show that field: its refusal goes.
  await page.getByLabel('Augmentation method', { exact: true }).selectOption('noise');
  await page.getByTestId('augment-panel').getByRole('alert').waitFor({ state: 'detached' });
  await page.getByLabel('Augmentation method', { exact: true }).selectOption('smote');
  await page.getByLabel('Neighbours', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Apply augmentation' }).click();
  await page.getByTestId('augment-panel').getByRole('alert').filter({ hasText: 'Neighbours: enter a whole number from 1 to 50.' }).waitFor();
  expect(await page.getByTestId('augment-added').count()).toBe(0);

  // SMOTE balances the training part; the chart shows real and generated rows.
  await page.getByLabel('Neighbours', { exact: true }).fill('5');
  await page.getByRole('button', { name: 'Apply augmentation' }).click();
  await prepareIdle(page);
  await page.getByTestId('augment-balance').waitFor();
  await page.waitForFunction(() => document.activeElement?.textContent === 'Apply augmentation');
  const classes = await Promise.all(
    (await page.getByTestId('augment-class').all()).map(async (r) => ({ before: Number(await r.getAttribute('data-before')), after: Number(await r.getAttribute('data-after')) })),
  );
  const largest = Math.max(...classes.map((c) => c.before));
  expect(classes.reduce((s, c) => s + c.before, 0)).toBe(train60);
  expect(classes.every((c) => c.after === largest)).toBe(true);
  expect(Number(await page.getByTestId('augment-added').getAttribute('data-added'))).toBe(classes.reduce((s, c) => s + largest - c.before, 0));
  await page.locator('[data-testid="augment-chart"] .main-svg').first().waitFor();
  // Plotly may draw the traces a moment after its frame.
  await expect.poll(() => page.locator('[data-testid="augment-chart"] .scatterlayer .trace').count()).toBe(2);

  // Undo takes SMOTE back, in the form too (Apply must not write a stale method back); redo brings it again.
  const method = page.getByLabel('Augmentation method', { exact: true });
  await page.getByRole('button', { name: 'Undo' }).click();
  await prepareIdle(page);
  expect(await page.getByTestId('augment-added').count()).toBe(0);
  expect(await method.inputValue()).toBe('none');
  await page.getByRole('button', { name: 'Redo' }).click();
  await prepareIdle(page);
  await page.getByTestId('augment-added').waitFor();
  expect(await method.inputValue()).toBe('smote');
  expect(await page.getByLabel('Neighbours', { exact: true }).inputValue()).toBe('5');
  // A half-made edit of the form survives a change to another step (which clones the whole recipe); put back, the form follows the stored settings again.
  await method.selectOption('oversample');
  const oneHot = page.getByLabel('Step 3 (One-hot encode) On', { exact: true });
  await oneHot.uncheck();
  await prepareIdle(page);
  expect(await method.inputValue()).toBe('oversample');
  await oneHot.check();
  await prepareIdle(page);
  await method.selectOption('smote');
  expect(await page.getByLabel('Neighbours', { exact: true }).inputValue()).toBe('5');
  await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
  const version = await page.getByTestId('recipe-version').textContent();

  await page.reload();
  await page.getByTestId('pipeline-steps').waitFor();
  await prepareIdle(page);
  expect(await page.getByTestId('pipeline-step').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual(['edit-cells', 'impute', 'one-hot', 'scale']);
  expect(await page.locator('[data-testid="pipeline-step"][data-state="fitted"]').count()).toBe(4);
  expect(await page.getByLabel('Train %', { exact: true }).inputValue()).toBe('60');
  expect(await page.getByTestId('split-seed').inputValue()).toBe('42');
  expect(await page.getByLabel('Augmentation method', { exact: true }).inputValue()).toBe('smote');
  await page.locator(`[data-testid="split-part"][data-part="train"][data-rows="${train60}"]`).waitFor();
  await page.getByTestId('augment-balance').waitFor();
  expect(await page.getByTestId('recipe-version').textContent()).toBe(version);
}, LONG_TEST_MS);

test('validation and test rows that copy training rows are counted, the warning goes once copies are kept in one part, and rows dedupe flags there are said', async () => {
  // 60 distinct rows, each twice: a random split puts most copies on both sides.
  const lines = ['id,x,y'];
  for (let i = 0; i < 60; i++) for (let copy = 0; copy < 2; copy++) lines.push(`${i},${(i * 7) % 13},${i % 2 ? 'yes' : 'no'}`);
  const file = tempFile('copies.csv', lines.join('\n') + '\n');
  const session = await startBrowser();
  const page = await session.newPage();
  await projectWithFile(page, 'Copies', file, 'binary', 'y');
  await page.getByTestId('stage-link-prepare').click();
  await prepareIdle(page);
  // The arrow keys apply each strategy passed over; one Undo goes back to before them all.
  await page.getByLabel('Stratified', { exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.locator('input[name="split-strategy"][value="ordered"]:checked').waitFor();
  await prepareIdle(page);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.locator('input[name="split-strategy"][value="stratified"]:checked').waitFor();
  await prepareIdle(page);
  expect(await page.getByRole('button', { name: 'Undo' }).isDisabled()).toBe(true);
  await page.getByLabel('Random', { exact: true }).check();
  await prepareIdle(page);
  const warning = page.getByTestId('duplicate-leak-warning');
  // 18 validation and 18 test rows; each is a copy of a training row unless its twin is in a held-out part too.
  expect(await warning.textContent()).toMatch(/^\d+ of 18 validation rows and \d+ of 18 test rows are exact copies of training rows/);
  // Grouped by id, both copies of a row go to the same part: none is left to leak.
  await page.getByLabel('Grouped', { exact: true }).check();
  await page.getByLabel('Keep together rows with the same', { exact: true }).selectOption('id');
  await warning.waitFor({ state: 'detached' });
  await prepareIdle(page);
  expect(await page.locator('[data-testid="split-part"][data-part="test"]').getAttribute('data-rows')).not.toBe('0');
  expect(await warning.count()).toBe(0);
  // Removing duplicates keeps one row of each pair in training; in validation and test, where both
  // copies of a row now sit, the second of each pair is flagged, never dropped, and the panel says so.
  expect(await page.getByTestId('split-flagged').count()).toBe(0);
  await addStep(page, 'Remove duplicate rows', async () => undefined);
  const rows = async (part: string) => Number(await page.locator(`[data-testid="split-part"][data-part="${part}"]`).getAttribute('data-rows'));
  const [validation, test] = [await rows('validation'), await rows('test')];
  expect(await page.getByTestId('split-flagged').textContent()).toMatch(
    new RegExp(`^${validation / 2} of ${validation} validation rows and ${test / 2} of ${test} test rows are flagged by the recipe: a step drops such rows from the training rows`),
  );
});

test('dated rows shuffled are told of the ordered split; ordered by date, the split starts on the date column, and the test part holds the latest rows, validation the ones just before; a formula reads a date’s weekday', async () => {
  // 40 days in shuffled order; the target is the day's number, so a part's targets say which days it holds.
  const lines = ['x,day,y'];
  for (let k = 0; k < 40; k++) {
    const i = (k * 17) % 40;
    lines.push(`${(i * 7) % 11},${new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10)},${i}`);
  }
  const file = tempFile('days.csv', lines.join('\n') + '\n');
  const session = await startBrowser();
  const page = await session.newPage();
  await projectWithFile(page, 'Time order', file, 'regression', 'y');
  await page.getByTestId('stage-link-prepare').click();
  await prepareIdle(page);
  // Shuffled, the panel says the rows have dates and names the ordered split; ordered, it says no more.
  expect(await page.getByTestId('split-dated-note').textContent()).toMatch(/^The rows have dates \("day"\)\. If the model will predict rows later .* choose "Ordered by date"/);
  await page.getByLabel('Ordered by date', { exact: true }).check();
  expect(await page.getByLabel('Order rows by', { exact: true }).inputValue()).toBe('day');
  await prepareIdle(page);
  expect(await page.getByTestId('split-dated-note').count()).toBe(0);
  expect(await page.getByTestId('split-problem').count()).toBe(0);
  expect(await partRows(page)).toEqual({ train: 28, validation: 6, test: 6 });

  // A date's weekday as a feature: each previewed row's, against the date its line of the file holds (ISO: Monday 1 … Sunday 7).
  await addStep(page, 'Derived column', async () => {
    await page.getByLabel('New column name', { exact: true }).fill('wd');
    await page.getByLabel('Formula', { exact: true }).fill('weekday(day)');
  });
  await page.getByRole('button', { name: 'Preview step 1' }).click();
  await page.getByTestId('step-preview').waitFor();
  await prepareIdle(page);
  const previewed = await page.getByTestId('preview-sample').locator('tbody tr').evaluateAll((rows) => rows.map((r) => [Number(r.querySelector('th')!.textContent), Number(r.querySelectorAll('td')[1]!.textContent)]));
  expect(previewed.length).toBeGreaterThan(3);
  for (const [row, weekday] of previewed) expect(weekday).toBe(((new Date(`${lines[row!]!.split(',')[1]}T00:00:00Z`).getUTCDay() + 6) % 7) + 1);

  await trainBaseline(page, 'Run 1');
  const days = async (part: 'validation' | 'test') => (await storedPredictions(page, part)).yTrue.sort((a, b) => a - b);
  const range = (from: number) => Array.from({ length: 6 }, (_, k) => from + k);
  expect(await days('validation')).toEqual(range(28));
  expect(await days('test')).toEqual(range(34));

  // Scaling every numeric column scales the target too: the step says so beside it, as scores would then be in scaled units.
  await addScaleStep(page, []);
  expect(await page.getByTestId('step-note').textContent()).toMatch(/^This step changes the target "y" itself: the model learns, and Evaluate scores it, on the changed values/);
  // A run on it says so with its figures too.
  await trainBaseline(page, 'Run 2');
  expect(await page.getByTestId('train-result-note').allTextContents()).toContainEqual(expect.stringMatching(/^Prepare’s step 2 \(Scale numbers\): This step changes the target "y" itself/));
  // And Evaluate, above the run's figures; the first run, on the target as imported, has no such note.
  await page.getByTestId('stage-link-evaluate').click();
  await page.getByLabel('Run', { exact: true }).selectOption({ label: 'Run 2 (completed)' });
  await page.getByTestId('evaluate-target-note').filter({ hasText: /^Prepare’s step 2 \(Scale numbers\): This step changes the target "y"/ }).waitFor();
  await page.getByLabel('Run', { exact: true }).selectOption({ label: 'Run 1 (completed)' });
  await page.getByTestId('metrics-table').waitFor();
  await expect.poll(() => page.getByTestId('evaluate-target-note').count()).toBe(0);
  await session.close();
});
