import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { openDataStage, pickFile } from './flows';
import { startBrowser } from './harness';
import { storedColumn, storedRows } from './stored';

const text = (page: Page, id: string) => page.getByTestId(id).textContent();

test('a second file is appended or joined after a preview, as new datasets that survive a reload', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'looplab-merge-'));
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const people = write('people.csv', 'id,name,age\n1,Ann,34\n2,Bob,41\n3,Cy,29\n4,Dee,52\n');
  const misnamed = write('misnamed.csv', 'id,Name,age\n5,Eve,23\n');
  const more = write('more-people.csv', 'name,age,id\nEve,23,5\nFay,n/a,6\n');
  const cities = write('cities.csv', 'id,city\n2,Oslo\n1,Rome\n6,Lima\n9,Kyiv\n');
  const headerOnly = write('header-only.csv', 'id,city\n');

  const session = await startBrowser();
  const page = await session.newPage();
  await openDataStage(page, 'Merge');
  await pickFile(page, people);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByTestId('dataset-summary').waitFor();

  // Mismatched columns are explained, and nothing is stored.
  await page.getByLabel('Append its rows (same columns)').check();
  await page.getByLabel('Second CSV file').setInputFiles(misnamed);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const problem = await page.getByTestId('merge-error').textContent();
  expect(problem).toContain('It lacks "name".');
  expect(problem).toContain('"Name" there looks like "name" here');
  expect(await page.getByTestId('dataset-item').count()).toBe(1);
  // The button was off while the file was read: focus is back on it, the alert saying what is wrong.
  await page.waitForFunction(() => document.activeElement?.textContent === 'Preview');

  // A problem with the file itself stays when the way to merge changes: it is why Preview is off.
  const fileInput = page.getByLabel('Second CSV file');
  await fileInput.setInputFiles(headerOnly);
  await page.getByTestId('merge-error').filter({ hasText: '"header-only.csv" has a header row but no data rows.' }).waitFor();
  await page.getByLabel('Join it on a key, keeping every row here').check();
  expect(await page.getByTestId('merge-error').locator('p').textContent()).toBe('"header-only.csv" has a header row but no data rows.');
  expect(await page.getByRole('button', { name: 'Preview', exact: true }).isDisabled()).toBe(true);
  // Fixed on disk, the same file picked again is read again.
  writeFileSync(headerOnly, 'id,city\n2,Oslo\n');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), fileInput.click()]);
  await chooser.setFiles(headerOnly);
  await page.getByLabel('Key in header-only.csv').waitFor();
  expect(await page.getByTestId('merge-error').count()).toBe(0);
  // Opened (which empties the input) and closed without a choice, the picker leaves the file chosen.
  const kept = await fileInput.evaluate((el: HTMLInputElement) => {
    el.value = '';
    el.dispatchEvent(new Event('cancel'));
    return el.files?.[0]?.name;
  });
  expect(kept).toBe('header-only.csv');
  await page.getByLabel('Append its rows (same columns)').check();

  // Append: columns matched by name, values read with this dataset's types.
  await fileInput.setInputFiles(more);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await page.getByTestId('merge-preview').waitFor();
  // The button was off while the file was read: focus is on the preview that came.
  await page.waitForFunction(() => document.activeElement?.id === 'merge-preview-title');
  // Discarded, the preview goes with the focused button: focus goes to the file input, to pick another.
  await page.getByRole('button', { name: 'Discard' }).focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('merge-preview').waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.id === 'merge-file');
  await fileInput.setInputFiles(more);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await page.getByTestId('merge-preview').waitFor();
  expect(await text(page, 'merge-row-count')).toBe('6');
  expect(await page.getByTestId('merge-preview-table').locator('tbody tr').last().locator('td').allTextContents()).toEqual(['6', 'Fay', '']);
  await page.getByRole('button', { name: 'Make the new dataset' }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid="row-count"]')?.textContent === '6');
  // The button went with the preview: focus is on the new dataset's summary, not on <body>.
  await page.waitForFunction(() => document.activeElement?.id === 'dataset-title');
  expect(await page.locator('#dataset-title').textContent()).toBe('people + more-people');
  expect(await text(page, 'dataset-lineage')).toBe('people, with the rows of more-people.csv appended.');

  // Join the appended dataset with a lookup file, keeping every row.
  await page.getByLabel('Join it on a key, keeping every row here').check();
  await page.getByLabel('Second CSV file').setInputFiles(cities);
  await page.getByLabel('Key in cities.csv').waitFor();
  expect(await page.getByLabel('Key in cities.csv').inputValue()).toBe('id');
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await page.getByTestId('merge-preview').waitFor();
  expect(await text(page, 'merge-row-count')).toBe('6');
  expect(await text(page, 'merge-notes')).toContain('3 rows of "people + more-people" found a match in "cities.csv"; 3 rows have none and keep missing values in the new columns.');
  const cityColumn = await page.getByTestId('merge-preview-table').locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[3]?.textContent));
  expect(cityColumn).toEqual(['Rome', 'Oslo', '', '', '', 'Lima']);
  await page.getByRole('button', { name: 'Make the new dataset' }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid="column-count"]')?.textContent === '4');
  expect(await text(page, 'dataset-lineage')).toBe('people + more-people, left-joined with cities.csv on "id".');

  await page.reload();
  await page.getByTestId('dataset-summary').waitFor();
  expect(await text(page, 'column-count')).toBe('4');
  expect(await text(page, 'row-count')).toBe('6');
  expect(await page.getByTestId('dataset-item').count()).toBe(3);

  // Which rows each holds, which label edits keep to: the append keeps people's rows in their places and adds its own after them; the join's rows are new.
  type Stored = { createdAt: number; rowRuns: { key: string; end: number }[] };
  const [imported, appended, joined] = (await storedRows<Stored>(page, 'datasets')).sort((a, b) => a.createdAt - b.createdAt);
  expect(imported!.rowRuns).toEqual([{ key: expect.any(String), end: 4 }]);
  expect(appended!.rowRuns).toEqual([imported!.rowRuns[0], { key: expect.any(String), end: 6 }]);
  expect(joined!.rowRuns).toEqual([{ key: expect.any(String), end: 6 }]);
  expect(new Set([...appended!.rowRuns, ...joined!.rowRuns].map((r) => r.key)).size).toBe(3);
});

test('a second file in Windows-1252 is appended with its accents: detected from its start, or asked about past it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'looplab-merge-1252-'));
  const cafe = Buffer.from([0x63, 0x61, 0x66, 0xe9]); // 'café' in Windows-1252
  const places = join(dir, 'places.csv');
  writeFileSync(places, 'id,place\n1,Oslo\n');
  const near = join(dir, 'near.csv');
  writeFileSync(near, Buffer.concat([Buffer.from('id,place\n2,'), cafe, Buffer.from('\n')]));
  // 300 KB of plain ASCII (more than the 256 KB the start is judged on), then 'café' on line 30,002.
  const late = join(dir, 'late.csv');
  const head = `id,place\n${Array.from({ length: 30_000 }, (_, i) => `${i + 3},Paris`).join('\n')}\n`;
  writeFileSync(late, Buffer.concat([Buffer.from(`${head}30003,`), cafe, Buffer.from('\n')]));

  const session = await startBrowser();
  const page = await session.newPage();
  await openDataStage(page, 'Merge encodings');
  await pickFile(page, places);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByTestId('dataset-summary').waitFor();

  // Its start is not UTF-8: read as Windows-1252 at once, and said so.
  await page.getByLabel('Append its rows (same columns)').check();
  await page.getByLabel('Second CSV file').setInputFiles(near);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await page.getByTestId('merge-preview').waitFor();
  expect(await page.getByTestId('merge-preview-table').locator('tbody tr').last().locator('td').allTextContents()).toEqual(['2', 'café']);
  expect(await text(page, 'merge-notes')).toContain('"near.csv" was read as Windows-1252, because its start is not UTF-8.');
  await page.getByRole('button', { name: 'Make the new dataset' }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid="row-count"]')?.textContent === '2');

  // Only past its start: the preview stops and asks, as an import does.
  await page.getByLabel('Second CSV file').setInputFiles(late);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const alert = page.getByTestId('merge-error');
  await alert.waitFor();
  expect(await alert.locator('p').textContent()).toBe(
    '"late.csv": line 30,002 of the file has bytes that are not UTF-8, though the start of the file is, and nothing was stored. ' +
      'If the file was saved as Windows-1252 (as Excel on Windows often does), preview it as Windows-1252. Or preview it as UTF-8 anyway, with those bytes read as "\uFFFD".',
  );
  expect(await page.getByTestId('merge-preview').count()).toBe(0);
  await page.getByRole('button', { name: 'Preview as Windows-1252' }).click();
  await page.getByTestId('merge-preview').waitFor();
  expect(await text(page, 'merge-row-count')).toBe('30003');
  expect(await page.getByTestId('merge-error').count()).toBe(0);
  await page.getByRole('button', { name: 'Make the new dataset' }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid="row-count"]')?.textContent === '30003');

  const datasets = await storedRows<{ id: string; rowCount: number }>(page, 'datasets');
  const merged = datasets.find((d) => d.rowCount === 30_003)!;
  const placesStored = await storedColumn(page, merged.id, 1, 'label');
  expect(placesStored.slice(0, 2)).toEqual(['Oslo', 'café']);
  expect(placesStored.at(-1)).toBe('café');
});

test('the encoding of a second file can be switched back and forth, the preview read again in each, and the merge keeps the one chosen', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'looplab-merge-encoding-'));
  const e = Buffer.from([0xe9]); // 'é' in Windows-1252: one byte that is not UTF-8
  const people = join(dir, 'people.csv');
  writeFileSync(people, 'id,name\n1,Ann\n');
  const accents = join(dir, 'accents.csv');
  writeFileSync(accents, Buffer.concat([Buffer.from('id,name\n2,Jos'), e, Buffer.from('\n3,Ren'), e, Buffer.from('e\n')]));

  const session = await startBrowser();
  const page = await session.newPage();
  await openDataStage(page, 'Merge encoding switch');
  await pickFile(page, people);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByTestId('dataset-summary').waitFor();

  await page.getByLabel('Append its rows (same columns)').check();
  await page.getByLabel('Second CSV file').setInputFiles(accents);
  const encoding = page.getByLabel('Encoding of accents.csv');
  await encoding.waitFor();
  expect(await encoding.inputValue()).toBe('windows-1252');
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await page.getByTestId('merge-preview').waitFor();
  const names = () => page.getByTestId('merge-preview-table').locator('tbody tr td:nth-child(2)').allTextContents();
  expect(await names()).toEqual(['Ann', 'José', 'Renée']);

  for (let round = 0; round < 2; round++) {
    // As UTF-8, the byte 0xE9 is no letter: the preview is read again and shows it as '\uFFFD', and says why.
    await encoding.selectOption('utf-8');
    await expect.poll(names).toEqual(['Ann', 'Jos\uFFFD', 'Ren\uFFFDe']);
    expect(await text(page, 'merge-notes')).toContain('Line 2 of the file has bytes that are not UTF-8; read as UTF-8, as chosen, they became "\uFFFD".');
    expect(await page.getByTestId('merge-error').count()).toBe(0);
    await encoding.selectOption('windows-1252');
    await expect.poll(names).toEqual(['Ann', 'José', 'Renée']);
  }
  // Only previews so far: the dataset imported is the only one stored.
  expect((await storedRows(page, 'datasets')).length).toBe(1);

  await page.getByRole('button', { name: 'Make the new dataset' }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid="row-count"]')?.textContent === '3');
  const merged = (await storedRows<{ id: string; rowCount: number }>(page, 'datasets')).find((d) => d.rowCount === 3)!;
  expect(await storedColumn(page, merged.id, 1, 'label')).toEqual(['Ann', 'José', 'Renée']);
  await page.locator('[data-testid="data-row"][data-row="3"]').waitFor();
  const row = (r: number) => page.locator(`[data-testid="data-row"][data-row="${r}"] td:not(.row-number)`).allTextContents();
  expect([await row(2), await row(3)]).toEqual([
    ['2', 'José'],
    ['3', 'Renée'],
  ]);
});
