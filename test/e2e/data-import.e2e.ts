import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { partCount } from '../../src/data/csv-parallel';
import { SAMPLE_DATASETS } from '../../src/data/samples';
import { largeCsv } from '../fixtures/csv/generate';
import { openDataStage, pickFile } from './flows';
import { baseUrl, startBrowser } from './harness';
import { countRows, storedColumn, storedRows } from './stored';
import { LONG_TEST_MS, SLOW_WORK_MS } from './timeouts';
import { tempFile } from './temp-file';

const FIXTURES = join(import.meta.dirname, '../fixtures/csv');

const text = (page: Page, id: string) => page.getByTestId(id).textContent();

/** What the dataset summary's heading said each time it took focus, recorded in the page from now on. */
async function recordSummaryFocus(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { summaryFocus: string[] }).summaryFocus = seen;
    document.addEventListener('focusin', (e) => {
      const el = e.target as HTMLElement;
      if (el.id === 'dataset-title') seen.push(el.textContent ?? '');
    });
  });
  return () => page.evaluate(() => [...(window as unknown as { summaryFocus: string[] }).summaryFocus]);
}

test('a bundled sample with missing values opens, imports and is still there after a reload', async () => {
  const sample = SAMPLE_DATASETS.find((s) => s.id === 'penguins')!;
  const session = await startBrowser();
  const page = await session.newPage();
  const id = await openDataStage(page, 'Penguins');
  await page.getByRole('button', { name: `Open sample ${sample.name}` }).click();
  await page.getByTestId('import-preview').waitFor();
  // The panel that held the focused button was replaced: focus goes to its successor, not to <body>.
  await page.waitForFunction(() => document.activeElement?.id === 'preview-title');
  expect(await page.getByTestId('preview-table').locator('thead th').count()).toBe(sample.columns);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByTestId('dataset-summary').waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'import-timing');
  expect(await text(page, 'row-count')).toBe(String(sample.rows));
  expect(await text(page, 'column-count')).toBe(String(sample.columns));
  const kinds = await page.getByTestId('column-kind').allTextContents();
  expect(kinds).toContain('Numeric');
  expect(kinds.at(-1)).toBe('Categorical');
  await page.locator('[data-testid="stage-link-data"][data-has-content="true"]').waitFor();

  // The profile is computed in the worker; its mean agrees with one computed here from the file.
  await page.getByTestId('profile-table').waitFor();
  expect(await page.getByTestId('profile-row').count()).toBe(sample.columns);
  const lines = readFileSync(join(import.meta.dirname, '../../public', sample.file), 'utf8').trim().split('\n');
  const at = lines[0]!.split(',').indexOf('bill_length_mm');
  const bills = lines.slice(1).map((l) => l.split(',')[at]!).filter((v) => v !== '').map(Number);
  const mean = bills.reduce((a, b) => a + b, 0) / bills.length;
  const shown = await page.locator('[data-testid="profile-row"][data-column="bill_length_mm"] [data-testid="profile-mean"]').textContent();
  expect(Number(shown)).toBeCloseTo(mean, 1);

  // Plotly loads lazily and draws the first column's bar chart, then the chosen column's histogram.
  await page.locator('[data-testid="column-chart"] .main-svg').first().waitFor();
  expect(await page.getByTestId('column-chart').getAttribute('aria-label')).toMatch(/^Bar chart of island: /);
  await page.getByLabel('Chart of column', { exact: true }).selectOption('bill_length_mm');
  await page.waitForFunction(() => document.querySelector('[data-testid="column-chart"]')?.getAttribute('aria-label')?.startsWith('Histogram of bill_length_mm'));
  // The label follows the choice at once; Plotly redraws a moment later (the island's three bars show until then).
  await expect.poll(() => page.locator('[data-testid="column-chart"] .bars .point').count()).toBeGreaterThan(3);

  // The heatmap names the strongest pair of numeric columns.
  await page.locator('[data-testid="correlation-heatmap"] .main-svg').first().waitFor();
  expect(await page.getByTestId('correlation-heatmap').getAttribute('aria-label')).toContain('the strongest pair is flipper_length_mm and body_mass_g');

  // The table scrolls to the last row, fetched from the worker; it matches the file's last line.
  const table = page.getByTestId('data-table');
  await page.locator('[data-testid="data-row"][data-row="1"]').waitFor();
  await table.evaluate((el) => (el.scrollTop = el.scrollHeight));
  const last = page.locator(`[data-testid="data-row"][data-row="${sample.rows}"]`);
  await last.waitFor();
  const lastCells = await last.locator('td').allTextContents();
  expect(lastCells.join(',')).toBe(lines.at(-1));
  // Only the rows in view exist in the page: a screen reader is told the whole count and each row's place (the header is row 1).
  expect(await table.locator('table').getAttribute('aria-rowcount')).toBe(String(sample.rows + 1));
  expect(await last.getAttribute('aria-rowindex')).toBe(String(sample.rows + 1));
  expect(await last.locator('th[scope="row"]').textContent()).toBe(sample.rows.toLocaleString('en'));

  // Once the plan names the target, the profile is recomputed for it.
  await page.getByTestId('stage-link-plan').click();
  await page.getByLabel('Target column', { exact: true }).selectOption('species');
  await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
  await page.getByTestId('stage-link-data').click();
  await page.locator('[data-testid="profile-row"][data-column="species"]', { hasText: '(target)' }).waitFor();

  // The target's distribution: rows per class, counted here from the file.
  const species = lines.slice(1).map((l) => l.split(',').at(-1)!);
  const perClass = Object.fromEntries([...new Set(species)].map((s) => [s, String(species.filter((v) => v === s).length)]));
  await page.locator('[data-testid="target-distribution"][data-column="species"]').waitFor();
  const classRows = page.getByTestId('target-class');
  const shownClasses = Object.fromEntries(await Promise.all((await classRows.all()).map(async (r) => [await r.getAttribute('data-class'), await r.getAttribute('data-count')])));
  expect(shownClasses).toEqual(perClass);
  await page.locator('[data-testid="target-chart"] .main-svg').first().waitFor();
  // The target has its own chart, so the column chart below starts on the first other column, not on it again.
  expect(await page.getByLabel('Chart of column', { exact: true }).inputValue()).toBe('island');

  // The scatter of the first two numeric columns, one trace per species; every complete row is drawn.
  const depthAt = lines[0]!.split(',').indexOf('bill_depth_mm');
  const complete = lines.slice(1).filter((l) => l.split(',')[at] !== '' && l.split(',')[depthAt] !== '').length;
  const note = page.getByTestId('scatter-note');
  await note.waitFor();
  expect(await note.getAttribute('data-shown')).toBe(String(complete));
  // The scatter is read again in the worker once the plan's target is known, then redrawn by Plotly:
  // until both are done, the one-colour scatter drawn before may still show.
  const scatter = page.getByTestId('scatter-plot');
  await expect.poll(() => scatter.getAttribute('aria-label')).toMatch(/^Scatter of bill_depth_mm against bill_length_mm, \d+ points, coloured by species: Adelie \(\d+\)/);
  await expect.poll(() => scatter.locator('.scatterlayer .trace').count()).toBe(Object.keys(perClass).length);
  await expect.poll(() => scatter.locator('.scatterlayer .point').count()).toBe(complete);

  await page.reload();
  await page.getByTestId('dataset-summary').waitFor();
  expect(await text(page, 'row-count')).toBe(String(sample.rows));
  expect(new URL(page.url()).hash).toBe(`#/project/${id}/data`);
  // The same bytes again are noticed.
  await page.getByRole('button', { name: `Open sample ${sample.name}` }).click();
  expect(await page.getByTestId('duplicate-notice').textContent()).toContain('already imported');
}, LONG_TEST_MS);

test('a file picked with the file input is inspected, its settings shown, and imported', async () => {
  const session = await startBrowser();
  const page = await session.newPage();
  await openDataStage(page, 'European');
  await pickFile(page, join(FIXTURES, 'semicolon-decimal-comma.csv'));
  expect(await page.getByLabel('Separator').inputValue()).toBe(';');
  expect(await page.getByLabel('Decimal comma (1.234,5)').isChecked()).toBe(true);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByTestId('dataset-summary').waitFor();
  expect(Number(await text(page, 'row-count'))).toBeGreaterThan(0);
  expect(await page.getByTestId('column-kind').allTextContents()).toEqual(['Categorical', 'Numeric', 'Numeric']);
  // The median is a value of the column's (here the mean of 99,95 and 1.234,5): shown whole, as the table shows values, not to 4 digits (667.2).
  const preis = page.locator('[data-testid="profile-row"][data-column="preis"]');
  expect(await preis.getByTestId('profile-median').textContent()).toBe('667.225');
  expect(await preis.getByTestId('profile-max').textContent()).toBe('2000');

  // A type none of the values can be read as is refused, with a value named, and nothing is stored.
  await page.getByLabel('Change the type of').selectOption('stadt');
  await page.getByLabel('to', { exact: true }).selectOption('numeric');
  await page.getByRole('button', { name: 'Change type' }).click();
  await page.getByTestId('data-error').waitFor();
  expect(await text(page, 'data-error')).toContain('Column "stadt" cannot be read as numbers: none of its 4 values is one (for example "Berlin"), so its type was not changed.');
  expect(await page.getByTestId('dataset-item').count()).toBe(1);
  // The button was off while the worker tried: focus is back on it, not on <body>, the alert saying why.
  await page.waitForFunction(() => document.activeElement?.textContent === 'Change type');
  const summaryFocus = await recordSummaryFocus(page);

  // Changing a type afterwards makes a child dataset; the imported one is kept as it was.
  await page.getByLabel('Change the type of').selectOption('preis');
  await page.getByLabel('to', { exact: true }).selectOption('categorical');
  await page.getByRole('button', { name: 'Change type' }).click();
  await page.getByTestId('dataset-lineage').waitFor();
  expect(await text(page, 'dataset-lineage')).toBe('semicolon-decimal-comma, with "preis" read as categorical instead of numeric.');
  expect(await page.getByTestId('column-kind').allTextContents()).toEqual(['Categorical', 'Categorical', 'Numeric']);
  expect(await page.getByTestId('dataset-item').count()).toBe(2);
  // The button was off while the dataset was made: focus is on the summary of the new one, read with its name.
  const child = (await page.locator('#dataset-title').textContent())!;
  expect(child).not.toBe('semicolon-decimal-comma');
  await page.waitForFunction(() => document.activeElement?.id === 'dataset-title');
  expect(await summaryFocus()).toEqual([child]);
  // The parent is untouched: using it again shows its numbers. Its Use button becomes the "In use" badge: focus goes to its summary.
  await page.getByRole('button', { name: 'Use dataset semicolon-decimal-comma', exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.querySelector('[data-testid="dataset-lineage"]'));
  expect(await page.getByTestId('column-kind').allTextContents()).toEqual(['Categorical', 'Numeric', 'Numeric']);
  await page.waitForFunction(() => document.activeElement?.id === 'dataset-title');
  expect(await summaryFocus()).toEqual([child, 'semicolon-decimal-comma']);
});

test('a file with a comment line, closing separators, mixed line ends, zip codes, percentages and a stray word imports as its preview says', async () => {
  const session = await startBrowser();
  const page = await session.newPage();
  await openDataStage(page, 'Quirks');
  await pickFile(page, join(FIXTURES, 'exporter-quirks.csv'));

  // What detection noticed, and the lines it skipped, which the learner can change by keyboard.
  expect(await page.getByTestId('header-notes').locator('li').allTextContents()).toEqual([
    'Line 1 looks like a comment, not a header: "# exported by ShopTool 3.2". It is skipped; the column names are read from line 2.',
    'Every line ends with a separator; the empty last field is ignored.',
  ]);
  const skip = page.getByLabel('Lines to skip before the header', { exact: true });
  expect(await skip.inputValue()).toBe('1');
  await skip.fill('-1');
  await skip.press('Tab');
  expect(await page.getByTestId('skip-lines-problem').textContent()).toBe('Lines to skip must be a whole number: 0, 1, 2 and so on.');
  expect(await skip.getAttribute('aria-invalid')).toBe('true');
  await skip.fill('0');
  await skip.press('Enter');
  // The comment line is now the header: one column.
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="preview-kind"]').length === 1);
  await skip.focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="preview-kind"]').length === 4);
  expect(await page.getByTestId('skip-lines-problem').count()).toBe(0);

  const kinds = page.getByTestId('preview-kind');
  expect(await kinds.evaluateAll((selects) => selects.map((s) => [s.dataset.column, (s as HTMLSelectElement).value]))).toEqual([
    ['city', 'categorical'],
    ['zip', 'categorical'],
    ['discount', 'numeric'],
    ['age', 'categorical'],
  ]);
  const reason = (column: string) => page.locator(`[data-testid="preview-kind-reason"][data-column="${column}"]`).textContent();
  expect(await reason('zip')).toContain('Values such as "01234" (line 3) start with 0, which a number would lose: read as text.');
  expect(await reason('discount')).toContain('the "%" is removed, so "12%" is read as 12.');
  expect(await reason('age')).toContain('Mostly numbers (9 of 10), but "unknown" (line 5) is not: read as labels.');
  await page.getByLabel('Type of column age', { exact: true }).selectOption('numeric');

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByTestId('dataset-summary').waitFor();
  // The summary follows storage; the notes come with the worker's answer, which may land a moment later.
  await expect.poll(() => page.getByTestId('import-notes').locator('li').allTextContents()).toContain(
    'Column "age": 1 value was not a number (first at row 3, line 5 of the file: "unknown") and is stored as missing. To keep it, import this column as categorical.',
  );

  // What was stored, read from IndexedDB itself.
  const [dataset] = await storedRows<{ id: string; rowCount: number; columns: { name: string; kind: string; missing: number }[]; source: Record<string, unknown> }>(page, 'datasets');
  expect(dataset!.rowCount).toBe(10);
  expect(dataset!.columns.map((c) => [c.name, c.kind, c.missing])).toEqual([
    ['city', 'categorical', 0],
    ['zip', 'categorical', 0],
    ['discount', 'numeric', 0],
    ['age', 'numeric', 1],
  ]);
  expect(dataset!.source).toMatchObject({ skipLines: 1, trailingDelimiter: true, delimiter: ',' });
  expect(await storedColumn(page, dataset!.id, 1, 'label')).toEqual(['01234', '00501', '02139', '10001', '94105', '00210', '60601', '30301', '02110', '73301']);
  expect(await storedColumn(page, dataset!.id, 2, 'numeric')).toEqual([12, 5, 7.5, 20, 12, 0, 15, 5, 10, 12]);
  // The last city has no '\r' left from its line end, whichever end the line had.
  expect(await storedColumn(page, dataset!.id, 0, 'label')).toEqual(['Oslo', 'Rome', 'Lima', 'Kyiv', 'Oslo', 'Rome', 'Lima', 'Kyiv', 'Oslo', 'Rome']);
  const ages = await storedColumn(page, dataset!.id, 3, 'numeric');
  expect(ages).toEqual([31, 45, null, 52, 29, 61, 38, 44, 27, 35]);
});

test('bytes that are not UTF-8 past the start of the file stop the import before anything is stored, and Windows-1252 reads them', async () => {
  // 300 KB of plain ASCII (more than the 256 KB the preview reads), then 'Zürich' written in Windows-1252.
  const head = `id,city\n${Array.from({ length: 30_000 }, (_, i) => `${i},Paris`).join('\n')}\n`;
  const file = tempFile('cities.csv', Buffer.concat([Buffer.from(`${head}30000,Z`), Buffer.from([0xfc]), Buffer.from('rich\n')]));
  const session = await startBrowser();
  const page = await session.newPage();
  await openDataStage(page, 'Encoding');
  await pickFile(page, file);
  expect(await page.getByLabel('Encoding').inputValue()).toBe('utf-8');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const alert = page.getByTestId('data-error');
  await alert.waitFor();
  expect(await alert.locator('p').textContent()).toBe(
    '"cities.csv": line 30,002 of the file has bytes that are not UTF-8, though the start of the file is, and nothing was stored. ' +
      'If the file was saved as Windows-1252 (as Excel on Windows often does), import it as Windows-1252. Or import it as UTF-8 anyway, with those bytes read as "\uFFFD".',
  );
  expect(await storedRows(page, 'datasets')).toEqual([]);
  await page.getByRole('button', { name: 'Import as Windows-1252' }).click();
  await page.getByTestId('dataset-summary').waitFor();
  expect(await text(page, 'row-count')).toBe('30001');
  const [dataset] = await storedRows<{ id: string; source: { encoding: string } }>(page, 'datasets');
  expect(dataset!.source.encoding).toBe('windows-1252');
  expect((await storedColumn(page, dataset!.id, 1, 'label')).at(-1)).toBe('Zürich');
});

test('UTF-8 chosen in the Encoding list for a file whose start is not UTF-8 imports without asking, those bytes read as "\uFFFD" and the line named', async () => {
  // 'José' as Windows-1252 writes it, on line 2: é is the one byte 0xE9, which is not UTF-8.
  const file = tempFile('people.csv', Buffer.concat([Buffer.from('id,name\n1,Jos'), Buffer.from([0xe9]), Buffer.from('\n2,Ann\n')]));
  const session = await startBrowser();
  const page = await session.newPage();
  await openDataStage(page, 'UTF-8 chosen');
  await pickFile(page, file);
  const encoding = page.getByLabel('Encoding', { exact: true });
  expect(await encoding.inputValue()).toBe('windows-1252');
  await encoding.selectOption('utf-8');
  const names = () => page.getByTestId('preview-table').locator('tbody tr td:nth-child(2)').allTextContents();
  await expect.poll(names).toEqual(['Jos\uFFFD', 'Ann']);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByTestId('dataset-summary').waitFor();
  expect(await page.getByTestId('data-error').count()).toBe(0);
  await expect.poll(() => page.getByTestId('import-notes').locator('li').allTextContents()).toContain(
    'Line 2 of the file has bytes that are not UTF-8; read as UTF-8, as chosen, they became "\uFFFD".',
  );
  const [dataset] = await storedRows<{ id: string; source: { encoding: string } }>(page, 'datasets');
  expect(dataset!.source.encoding).toBe('utf-8');
  expect(await storedColumn(page, dataset!.id, 1, 'label')).toEqual(['Jos\uFFFD', 'Ann']);
  await page.locator('[data-testid="data-row"][data-row="1"]').waitFor();
  expect(await page.locator('[data-testid="data-row"][data-row="1"] td:not(.row-number)').allTextContents()).toEqual(['1', 'Jos\uFFFD']);
});

test('bad files get a clear alert, ragged rows can be skipped, and nothing stored changes', async () => {
  const session = await startBrowser();
  const page = await session.newPage();
  await openDataStage(page, 'Bad input');
  await pickFile(page, join(FIXTURES, 'binary.csv'));
  expect(await page.getByRole('alert').textContent()).toContain('not a text file');
  await pickFile(page, join(FIXTURES, 'empty.csv'));
  expect(await page.getByRole('alert').textContent()).toContain('is empty');

  await pickFile(page, join(FIXTURES, 'ragged.csv'));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const alert = page.getByTestId('data-error');
  await alert.waitFor();
  expect(await alert.textContent()).toContain('lines 4 and 7 of the file');
  await page.getByRole('button', { name: 'Skip these rows and import the rest' }).click();
  await page.getByTestId('dataset-summary').waitFor();
  expect(await page.getByTestId('import-notes').textContent()).toContain('Skipped');

  const rowsBefore = await text(page, 'row-count');
  await pickFile(page, join(FIXTURES, 'unclosed-quote.csv'));
  if (await page.getByTestId('import-preview').isVisible()) await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByTestId('data-error').waitFor();
  expect(await text(page, 'data-error')).toContain('never closed');
  expect(await page.getByTestId('dataset-item').count()).toBe(1);
  expect(await text(page, 'row-count')).toBe(rowsBefore);

  // Deleting the last dataset takes the list, and the focus on it, away: focus goes to the panel that imports
  // the next one (here the preview still open for the file that failed), not to <body>.
  await page.getByRole('button', { name: /^Delete dataset / }).click();
  await page.getByRole('dialog', { name: 'Delete this dataset?' }).getByRole('button', { name: 'Delete dataset' }).click();
  await page.getByTestId('dataset-list').waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.id === 'preview-title');
});

test('a long import shows progress and can be cancelled, leaving nothing stored; read in parts, it keeps every row in order', async () => {
  const csv = largeCsv(800_000);
  const file = tempFile('big.csv', csv);
  const session = await startBrowser();
  const page = await session.newPage();
  await openDataStage(page, 'Cancel');
  await pickFile(page, file);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const progress = page.getByTestId('import-progress');
  await progress.waitFor();
  await page.waitForFunction(() => Number(document.querySelector<HTMLProgressElement>('[data-testid="import-progress"]')?.value) > 0);
  // The page answers while the worker parses: a click on another control is handled at once.
  await page.getByRole('button', { name: 'Cancel import' }).click();
  await page.getByTestId('import-preview').waitFor();
  expect(await page.getByTestId('dataset-summary').count()).toBe(0);
  // Cancelling stopped the worker; the next import starts a fresh one and completes.
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByTestId('dataset-summary').waitFor({ timeout: SLOW_WORK_MS });
  expect(await text(page, 'row-count')).toBe('800000');
  // Read by as many workers as this machine's cores allow (two on CI), joined in file order:
  // the table's first and last rows are the file's.
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  expect(Number(await page.getByTestId('import-timing').getAttribute('data-parts'))).toBe(partCount(Buffer.byteLength(csv), cores));
  const lines = csv.trimEnd().split('\n');
  const shown = async (row: number) => page.locator(`[data-testid="data-row"][data-row="${row}"] td:not(.row-number)`).allTextContents();
  const same = (cells: string[], line: string) => line.split(',').every((field, i) => (Number.isNaN(Number(field)) ? cells[i] === field : Number(cells[i]) === Number(field)));
  await page.locator('[data-testid="data-row"][data-row="1"]').waitFor();
  expect(same(await shown(1), lines[1]!)).toBe(true);
  await page.getByTestId('data-table').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await page.locator('[data-testid="data-row"][data-row="800000"]').waitFor();
  expect(same(await shown(800_000), lines[800_000]!), `${(await shown(800_000)).join(',')} vs ${lines[800_000]}`).toBe(true);
  // After a reload, only the completed import is stored.
  await page.reload();
  await page.getByTestId('dataset-summary').waitFor();
  expect(await page.getByTestId('dataset-item').count()).toBe(1);
}, LONG_TEST_MS);

test('a file larger than the storage quota gets a clear alert, and nothing stored changes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'looplab-quota-'));
  const small = join(dir, 'small.csv');
  const big = join(dir, 'big.csv');
  writeFileSync(small, largeCsv(1_000));
  writeFileSync(big, largeCsv(100_000));
  const session = await startBrowser();
  const page = await session.newPage();
  // Chromium's quota for this origin, cut to 3 MB before the database first opens (it is read
  // then): the small file fits, the 100,000-row one needs about 8 MB. navigator.storage.estimate
  // still reports the disk's quota, so the preflight passes and the real write is what fails.
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(baseUrl()).origin, quotaSize: 3_000_000 });
  await openDataStage(page, 'Quota');
  await pickFile(page, small);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByTestId('dataset-summary').waitFor();
  const chunks = await countRows(page, 'chunks');
  expect(chunks).toBeGreaterThan(0);

  await pickFile(page, big);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const alert = page.getByTestId('data-error');
  await alert.waitFor({ timeout: SLOW_WORK_MS });
  expect((await alert.textContent())?.trim()).toBe(
    '"big.csv" was read, but could not be stored, and nothing was saved. The browser\'s storage for Looplab is full. Delete a project you no longer need, or free disk space, then try again.',
  );
  expect(await alert.getAttribute('role')).toBe('alert');
  // The dataset stored before is untouched, and the failed import left no chunk behind.
  expect(await text(page, 'row-count')).toBe('1000');
  expect(await countRows(page, 'chunks')).toBe(chunks);
  expect(await countRows(page, 'datasets')).toBe(1);
  await page.reload();
  await page.getByTestId('dataset-summary').waitFor();
  expect(await text(page, 'row-count')).toBe('1000');
}, LONG_TEST_MS);
