/** Label edits keep to the rows they were made on, across the datasets of a project. */
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { editCell, prepareIdle, projectWithSample, relabelWhere, shownOrAlerts } from './flows';
import { startBrowser } from './harness';
import { LONG_TEST_MS } from './timeouts';
import { tempFile } from './temp-file';

/** The species shown in the Labels table's row (0-based), as edited. */
async function speciesOfRow(page: Page, row: number): Promise<string> {
  const table = page.getByTestId('labels-table');
  const column = await table.locator('thead th').evaluateAll((ths) => ths.findIndex((th) => th.textContent === 'species'));
  // Less the cell button's name for screen readers: "Edit row 3, column species: ".
  return (await table.locator(`tr[data-row="${row}"] td`).nth(column - 1).textContent())!.replace(/^Edit row \d+, column species:/, '').trim();
}

const stepNote = (page: Page) => page.locator('[data-testid="pipeline-step"][data-kind="edit-cells"]').getByTestId('step-note').textContent();

const openPrepare = async (page: Page) => {
  await page.getByTestId('stage-link-prepare').click();
  await page.getByTestId('labels-table').waitFor();
  await prepareIdle(page);
};

test('a cell edit applies to the rows it was made on and a retype of them, and is left out, and said to be, while another dataset is in use', async () => {
  const session = await startBrowser();
  const page = await session.newPage();
  await projectWithSample(page, 'Edits keep to their rows', /^Open sample .*enguins/, 'multiclass', 'species');
  await openPrepare(page);
  expect(await speciesOfRow(page, 2)).toBe('Adelie');
  await editCell(page, 3, 'species', 'Gentoo');
  await page.getByTestId('labels-notice').filter({ hasText: 'Row 3: species is now "Gentoo".' }).waitFor();
  await prepareIdle(page);
  expect(await speciesOfRow(page, 2)).toBe('Gentoo');

  // A retype on the Data page makes a child dataset with the same rows: the edit still applies.
  await page.getByTestId('stage-link-data').click();
  await page.getByLabel('Change the type of').selectOption('sex');
  await page.getByLabel('to', { exact: true }).selectOption('text');
  await page.getByRole('button', { name: 'Change type' }).click();
  await page.getByTestId('dataset-lineage').waitFor();
  await openPrepare(page);
  expect(await speciesOfRow(page, 2)).toBe('Gentoo');
  expect(await page.getByTestId('edit-left-out').count()).toBe(0);

  // Another file imported into the project has other rows under the same numbers: the edit is left out there.
  await page.getByTestId('stage-link-data').click();
  await page.getByRole('button', { name: /^Open sample .*Iris/ }).click();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByTestId('dataset-summary').filter({ hasText: 'Iris flowers' }).waitFor();
  for (const reloaded of [false, true]) {
    if (reloaded) await page.reload();
    await openPrepare(page);
    expect(await speciesOfRow(page, 2)).toBe('setosa');
    await page.getByTestId('edit-list').locator('summary').click();
    expect(await page.getByTestId('edit-list').locator('summary').textContent()).toBe('The edits, in the order they apply (1, 1 left out here)');
    expect(await page.getByTestId('edit-item').textContent()).toMatch(/^Row 3: species = "Gentoo" \(a row of “Palmer penguins”: left out here\)\s*Remove$/);
    expect(await page.getByTestId('edits-left-out').textContent()).toBe(
      '1 cell edit names a row of another dataset of this project: left out here, it applies again while that dataset is in use (choose it on the Data page).',
    );
    expect(await stepNote(page)).toBe("1 cell edit names a row this dataset does not hold (another dataset's of this project): left out here.");
    // Training would see iris's own classes only.
    expect(await page.getByTestId('split-panel').textContent()).not.toContain('Gentoo');
  }

  // Penguins in use again: the edit applies again, as it was.
  await page.getByTestId('stage-link-data').click();
  await page.getByRole('button', { name: 'Use dataset Palmer penguins', exact: true }).click();
  // Seen once in CI: the switch never showed. Should it come back, the failure names the page's alerts.
  await shownOrAlerts(page, page.getByTestId('dataset-summary').filter({ hasText: 'Palmer penguins' }), 'Palmer penguins did not become the dataset in use');
  await openPrepare(page);
  await expect.poll(() => speciesOfRow(page, 2)).toBe('Gentoo');
  expect(await page.getByTestId('edit-left-out').count()).toBe(0);
  expect(await page.getByTestId('edits-left-out').count()).toBe(0);
  await session.close();
}, LONG_TEST_MS);

test('undo and redo outlast a visit to another stage, and start afresh when another tab saved a version meanwhile', async () => {
  const session = await startBrowser();
  const page = await session.newPage();
  await projectWithSample(page, 'Undo across stages', /^Open sample .*enguins/, 'multiclass', 'species');
  await openPrepare(page);
  for (const [row, value] of [[1, 'Gentoo'], [2, 'Chinstrap']] as const) {
    await editCell(page, row, 'species', value);
    await page.getByTestId('labels-notice').filter({ hasText: `Row ${row}: species is now "${value}".` }).waitFor();
    await prepareIdle(page);
  }
  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  const redo = page.getByRole('button', { name: 'Redo', exact: true });
  const edits = () => page.getByTestId('edit-item').count();

  await page.getByTestId('stage-link-train').click();
  await page.getByRole('button', { name: 'Train', exact: true }).waitFor();
  await openPrepare(page);
  expect(await undo.isEnabled()).toBe(true);
  await undo.click();
  await prepareIdle(page);
  expect(await edits()).toBe(1);
  expect(await speciesOfRow(page, 1)).toBe('Adelie');

  await page.getByTestId('stage-link-data').click();
  await page.getByTestId('dataset-summary').waitFor();
  await openPrepare(page);
  expect(await redo.isEnabled()).toBe(true);
  await redo.click();
  await prepareIdle(page);
  expect(await edits()).toBe(2);
  expect(await speciesOfRow(page, 1)).toBe('Chinstrap');

  // While this tab is on Train, another saves a version: back on Prepare, undo would drop that version's change, so it starts afresh.
  const prepareUrl = page.url();
  await page.getByTestId('stage-link-train').click();
  const other = await session.context.newPage();
  await other.goto(prepareUrl);
  await openPrepare(other);
  await editCell(other, 3, 'species', 'Gentoo');
  await other.getByTestId('labels-notice').filter({ hasText: 'Row 3: species is now "Gentoo".' }).waitFor();
  await prepareIdle(other);
  await openPrepare(page);
  expect(await edits()).toBe(3);
  expect(await undo.isDisabled()).toBe(true);
  expect(await redo.isDisabled()).toBe(true);
  await session.close();
}, LONG_TEST_MS);

test('a relabel made on a join, naming a column only the join has, is left out on the dataset it was joined from, and the other edits still apply there; deleting that dataset says first that it strands its cell edit', async () => {
  const islands = tempFile('islands.csv', 'island,region\nTorgersen,North\nBiscoe,South\nDream,South\n');
  const session = await startBrowser();
  const page = await session.newPage();
  await projectWithSample(page, 'Relabel on a join', /^Open sample .*enguins/, 'multiclass', 'species');
  await openPrepare(page);
  await editCell(page, 1, 'species', 'Chinstrap');
  await page.getByTestId('labels-notice').filter({ hasText: 'Row 1: species is now "Chinstrap".' }).waitFor();
  await prepareIdle(page);

  await page.getByTestId('stage-link-data').click();
  await page.getByLabel('Join it on a key, keeping every row here').check();
  await page.getByLabel('Second CSV file').setInputFiles(islands);
  await page.getByLabel('Key in islands.csv').selectOption('island');
  await page.getByLabel('Key in Palmer penguins').selectOption('island');
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await page.getByTestId('merge-preview').waitFor();
  await page.getByRole('button', { name: 'Make the new dataset' }).click();
  await page.getByTestId('dataset-lineage').filter({ hasText: 'left-joined with islands.csv' }).waitFor();

  // On the join, whose rows are new rows, the cell edit is left out; a relabel by its new column applies.
  await openPrepare(page);
  expect(await speciesOfRow(page, 0)).toBe('Adelie');
  await relabelWhere(page, 'species', 'Gentoo', 'region', 'North');
  expect(await speciesOfRow(page, 0)).toBe('Gentoo');

  // Back on penguins, which has no "region": that relabel is left out, said to be, and the cell edit applies again.
  await page.getByTestId('stage-link-data').click();
  await page.getByRole('button', { name: 'Use dataset Palmer penguins', exact: true }).click();
  await page.getByTestId('dataset-summary').filter({ hasText: 'Palmer penguins' }).waitFor();
  await openPrepare(page);
  await expect.poll(() => speciesOfRow(page, 0)).toBe('Chinstrap');
  expect(await speciesOfRow(page, 1)).toBe('Adelie');
  expect(await page.getByRole('alert').count()).toBe(0);
  expect(await page.locator('[data-testid="pipeline-step"][data-kind="edit-cells"]').getAttribute('data-state')).toBe('fitted');
  expect(await stepNote(page)).toBe('1 edit names a column this dataset does not have: left out here.');
  await page.getByTestId('edit-list').locator('summary').click();
  expect(await page.getByTestId('edit-item').allTextContents()).toEqual([
    expect.stringMatching(/^Row 1: species = "Chinstrap"\s*Remove$/),
    expect.stringMatching(/^species = "Gentoo" where region == North \(“region” is not a column of this dataset: left out here\)\s*Remove$/),
  ]);

  // Deleting penguins would strand the cell edit (the join's rows are its own): the question says so first. The join strands none.
  await page.getByTestId('stage-link-data').click();
  const question = page.getByRole('dialog', { name: 'Delete this dataset?' });
  const ask = async (name: string) => {
    await page.getByRole('button', { name: `Delete dataset ${name}`, exact: true }).click();
    await question.waitFor();
  };
  await ask('Palmer penguins');
  await question.filter({ hasText: 'which no other dataset holds' }).waitFor();
  expect(await question.locator('p').textContent()).toMatch(/^“Palmer penguins” \(344 rows\) will be deleted from this project\. The file on your disk is not touched\. 1 cell edit of the Labels panel was made on its rows, which no other dataset holds: it would apply to no dataset any more\.$/);
  await question.getByRole('button', { name: 'Cancel' }).click();
  const joined = (await page.getByTestId('dataset-item').allTextContents()).find((t) => t.includes('made from'))!.match(/^(.+?)\d/)![1]!.trim();
  await ask(joined);
  // The count is read from storage once asked: give it the time it takes, then check it added nothing.
  await page.waitForTimeout(300);
  expect(await question.locator('p').textContent()).toMatch(/The file on your disk is not touched\.$/);
  await question.getByRole('button', { name: 'Cancel' }).click();

  // Deleted all the same, penguins leaves the edit to be removed, as the question said.
  await ask('Palmer penguins');
  await question.getByRole('button', { name: 'Delete dataset' }).click();
  await page.getByRole('button', { name: 'Delete dataset Palmer penguins', exact: true }).waitFor({ state: 'detached' });
  await openPrepare(page);
  await page.getByTestId('edit-list').locator('summary').click();
  expect(await page.getByTestId('edit-item').first().textContent()).toMatch(/^Row 1: species = "Chinstrap" \(a row of a dataset since deleted: left out\)\s*Remove$/);
  await session.close();
}, LONG_TEST_MS);
