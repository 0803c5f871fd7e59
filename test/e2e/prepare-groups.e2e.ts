/** Rows that belong together (a patient's visits): the split keeps them together, and the model is taught neither the patient nor milliseconds since 1970. */
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { prepareIdle, projectWithFile, trainOnce } from './flows';
import { startBrowser } from './harness';
import { tempFile } from './temp-file';

const partRows = async (page: Page) => Promise.all((await page.getByTestId('split-part').all()).map(async (p) => Number(await p.getAttribute('data-rows'))));

test('a shuffled split of a patient’s visits is told of the grouped split; grouped, Prepare drops the patient column, or its one-hot columns, before training; a reading missing in most rows keeps whether it was missing; the visit date is replaced by numbers a model can use', async () => {
  // 40 patients of 3 visits each; a cholesterol reading is missing now and then.
  // An HbA1c reading is taken at one visit in three: missing in most rows.
  const lines = ['patient_id,visit_date,clinic,age,cholesterol,hba1c,readmitted'];
  const day = (k: number) => new Date(Date.UTC(2024, 0, 1 + 2 * k)).toISOString().slice(0, 10);
  for (let p = 0; p < 40; p++) for (let v = 0; v < 3; v++) lines.push(`P${String(p).padStart(3, '0')},${day(p * 3 + v)},${['North', 'South', 'East'][p % 3]},${30 + p},${(p * 7 + v) % 11 === 0 ? '' : 180 + ((p * 13 + v * 5) % 60)},${v === 0 ? 5 + (p % 4) : ''},${(p + v) % 2 ? 'yes' : 'no'}`);
  const session = await startBrowser();
  const page = await session.newPage();
  await projectWithFile(page, 'Visits', tempFile('visits.csv', lines.join('\n') + '\n'), 'binary', 'readmitted');
  await page.getByTestId('stage-link-prepare').click();
  await prepareIdle(page);

  // Shuffled (stratified), the split names the column whose values repeat, with a button that groups by it.
  const note = page.getByTestId('split-repeated-id-note');
  expect(await note.textContent()).toMatch(/^Rows share values of "patient_id" \(40 values over 120 rows\)\. If the rows of one value belong together .* keep them together with a grouped split\./);
  // Encoded first, as a learner may: one click fixes what Train would refuse, the patient one-hot encoded among it.
  await page.getByTestId('train-readiness').getByRole('button', { name: 'Add these steps' }).click();
  await prepareIdle(page);
  await note.getByRole('button', { name: 'Group by “patient_id”' }).click();
  await prepareIdle(page);
  expect(await page.getByLabel('Grouped', { exact: true }).isChecked()).toBe(true);
  expect(await page.getByLabel('Keep together rows with the same', { exact: true }).inputValue()).toBe('patient_id');
  expect(await note.count()).toBe(0);
  // Whole patients in each part: every part's rows a multiple of 3.
  const rows = await partRows(page);
  expect(rows.reduce((a, b) => a + b, 0)).toBe(120);
  expect(rows.every((n) => n % 3 === 0)).toBe(true);

  // The patient's one-hot columns teach nothing that reaches validation or test: Prepare says so, and one click drops them.
  const hint = page.getByTestId('group-hint');
  expect(await hint.textContent()).toMatch(/^The split groups rows by “patient_id”, whose one-hot columns \(20 columns\) the model would read, so validation and test rows hold values of it that training never saw/);
  await hint.getByRole('button', { name: 'Drop them' }).click();
  await prepareIdle(page);
  expect(await hint.count()).toBe(0);
  // Clinic (3 columns), the visit date, age, cholesterol, HbA1c and whether it was missing remain.
  expect(await page.getByTestId('train-readiness').locator('p').first().textContent()).toBe('Train will read 8 features.');

  // Undone to before the one-hot steps, the fix for Train drops the patient column rather than encoding it.
  // Three changes back: the drop, the split, the fixing steps.
  for (let k = 0; k < 3; k++) {
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await prepareIdle(page);
  }
  expect(await page.getByTestId('pipeline-step').count()).toBe(0);
  expect(await page.getByLabel('Stratified', { exact: true }).isChecked()).toBe(true);
  await page.getByLabel('Grouped', { exact: true }).check();
  await prepareIdle(page);
  await page.getByLabel('Keep together rows with the same', { exact: true }).selectOption('patient_id');
  await prepareIdle(page);
  const readiness = page.getByTestId('train-readiness');
  expect(await readiness.locator('p').nth(1).textContent()).toBe(
    'Drop “patient_id”, by which the split groups rows (validation and test hold values of it training never saw); one-hot encode “clinic”; fill “cholesterol” with the median; fill “hba1c” with the median, keeping “hba1c was missing” as a column of its own, as most training rows have no value. Add these steps',
  );
  await readiness.getByRole('button', { name: 'Add these steps' }).click();
  await prepareIdle(page);
  expect(await page.getByTestId('pipeline-step').evaluateAll((steps) => steps.map((s) => s.getAttribute('data-kind')))).toEqual(['drop-columns', 'one-hot', 'impute', 'impute']);
  expect(await readiness.locator('p').first().textContent()).toBe('Train will read 8 features.');

  // The visit date, read as milliseconds since 1970: a run says so, sending it to Prepare, which replaces it with numbers a model can use.
  await trainOnce(page, 'Logistic regression', 0.01, 1, 1);
  expect(await page.getByTestId('train-result-note').filter({ hasText: /^Some features are far/ }).textContent()).toMatch(/^Some features are far from the scale gradient steps work best at \(values of about ±1\): "visit_date" \(mean [^)]+\).* Prepare can replace "visit_date", a date, with its day count, month and weekday; a "Scale numbers" step for the others/);
  await page.getByTestId('stage-link-prepare').click();
  await prepareIdle(page);
  const dates = page.getByTestId('date-hint');
  expect(await dates.textContent()).toMatch(/^“visit_date” is a date, which a model reads as milliseconds since 1970: .* Replace it with its day count \(a trend over time\), month and weekday/);
  await dates.getByRole('button', { name: 'Replace it' }).click();
  await prepareIdle(page);
  expect(await dates.count()).toBe(0);
  expect(await readiness.locator('p').first().textContent()).toBe('Train will read 10 features.');
  // The day count (about 19,700 days) is far from unit scale: the scaling the hint offers takes it, as it takes no date.
  expect(await page.getByTestId('scale-hint').textContent()).toMatch(/^These features are far from unit scale, which slows a linear model or an MLP: “visit_date days” \(mean 19\d\d\d/);
  await session.close();
});
