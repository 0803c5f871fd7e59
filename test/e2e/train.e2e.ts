import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { addScaleStep, prepareIdle, projectWithFile, projectWithSample, trainBaseline } from './flows';
import { HEARTBEAT_STALE_MS } from '../../src/shared/heartbeat';
import { startBrowser } from './harness';
import { storedRows } from './stored';
import { LONG_TEST_MS, SLOW_WORK_MS } from './timeouts';
import { tempFile } from './temp-file';

/** An iris project with a target and a scaling step, opened at Train. */
async function irisProject(page: Page): Promise<void> {
  await projectWithSample(page, 'Iris training', /^Open sample Iris/, 'multiclass', 'species');
  await addScaleStep(page, ['species']);
  await page.getByTestId('stage-link-train').click();
  await page.getByTestId('backend-reason').waitFor();
}

async function trainRun(page: Page, name: string, backend: string, epochs: number): Promise<void> {
  await page.getByLabel('Backend', { exact: true }).selectOption(backend);
  await page.getByLabel('Epochs', { exact: true }).fill(String(epochs));
  await page.getByLabel('Run name', { exact: true }).fill(name);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.getByTestId('train-progress').waitFor();
}

const runStatus = (page: Page, name: string) => page.locator(`[data-testid="run-row"][data-name="${name}"]`).getAttribute('data-status');

test('an MLP trains to the end on WebGPU (software adapter) and on WASM, a run stops midway, and all survive a reload', async () => {
  const session = await startBrowser({ args: ['--enable-unsafe-webgpu'] });
  const page = await session.newPage();
  await irisProject(page);
  // Headless Chromium here has only SwiftShader: the automatic choice must not be WebGPU.
  expect(await page.getByTestId('backend-reason').getAttribute('data-auto')).toBe('wasm');
  expect(await page.getByTestId('backend-reason').textContent()).toContain('software adapter');

  // The presets are a group named as such: a screen reader hears "Layer presets" before "small".
  await page.getByRole('group', { name: 'Layer presets' }).getByRole('button', { name: 'small' }).click();
  await page.getByLabel('Learning rate', { exact: true }).fill('0.01');
  await page.getByLabel('Batch size', { exact: true }).fill('16');

  await trainRun(page, 'gpu run', 'webgpu', 8);
  await page.locator('[data-testid="run-backend"][data-backend="webgpu"]').waitFor();
  await page.locator('[data-testid="train-curves-loss"] .main-svg').first().waitFor();
  await page.locator('[data-testid="train-result"][data-status="completed"]').waitFor({ timeout: SLOW_WORK_MS });
  await page.locator('[data-testid="run-row"][data-name="gpu run"][data-status="completed"]').waitFor();

  await trainRun(page, 'wasm run', 'wasm', 30);
  await page.locator('[data-testid="run-backend"][data-backend="wasm"]').waitFor();
  await page.locator('[data-testid="train-result"][data-status="completed"]').waitFor({ timeout: SLOW_WORK_MS });
  expect(await page.getByTestId('train-result').textContent()).toMatch(/^\s*Trained all 30 epochs\./);
  // The run that just ended shows its curves and settings, in place of the one before it.
  await page.locator('[data-testid="run-compare"] h2', { hasText: /^wasm run$/ }).waitFor();
  expect(await page.locator('[data-testid="settings-diff"] tr[data-setting="epochs"] td').allTextContents()).toEqual(['30']);
  expect(await page.getByLabel('Compare wasm run', { exact: true }).isChecked()).toBe(true);
  expect(await page.getByLabel('Compare gpu run', { exact: true }).isChecked()).toBe(false);
  const wasmRow = page.locator('[data-testid="run-row"][data-name="wasm run"][data-status="completed"]');
  expect(await wasmRow.locator('[data-column="epochs"]').textContent()).toBe('30');
  // Thirty epochs of a small MLP on scaled iris beat the class prior by far.
  expect(Number((await wasmRow.locator('[data-column="valMetric"]').textContent())!.split(' ')[0])).toBeGreaterThan(0.8);

  // A long run, stopped after a few epochs, keeps its model and says it was stopped. Patience 0:
  // the loop trains iris in well under a millisecond an epoch, so early stopping would otherwise
  // end the run before Stop is pressed.
  await page.getByLabel('Early-stopping patience', { exact: true }).fill('0');
  await trainRun(page, 'stopped run', 'wasm', 5000);
  // Train was pressed and turned off: focus went to the run's progress, not to <body>.
  await page.waitForFunction(() => document.activeElement?.id === 'progress-title');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="train-progress"]')?.getAttribute('data-epoch')) >= 3, undefined, { timeout: SLOW_WORK_MS });
  // Left mid-run: Evaluate says why it cannot cross-validate now; back on Train the run is found, live, and Stop still reaches it.
  await page.getByTestId('stage-link-evaluate').click();
  expect(await page.getByTestId('cv-wait').textContent()).toContain('“stopped run” is training');
  expect(await page.getByRole('button', { name: 'Cross-validate', exact: true }).isDisabled()).toBe(true);
  await page.getByTestId('stage-link-train').click();
  await page.getByTestId('train-progress').waitFor();
  expect(await page.getByTestId('train-busy').textContent()).toContain('“stopped run” is training');
  expect(await page.getByRole('button', { name: 'Train', exact: true }).isDisabled()).toBe(true);
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await page.locator('[data-testid="train-result"][data-status="stopped"]').waitFor();
  // Which epoch's weights the model keeps is said: with patience 0, the one of the lowest validation loss.
  const ending = (await page.getByTestId('train-result').textContent())!;
  expect(ending).toMatch(/^\s*Stopped at epoch \d+( \(cut short\))?\.( The model keeps the weights of epoch \d+, where the validation loss was lowest\.)?\s*$/);
  // Stop went with the run: focus lands on how the run ended, not on <body>.
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'train-result');
  // The table follows storage: wait for the run's final row, not one written mid-run.
  await page.locator('[data-testid="run-row"][data-name="stopped run"][data-status="stopped"]').waitFor();
  // The table says, in words, when the last epoch was cut short, exactly when the ending does.
  const epochsCell = (await page.locator('[data-testid="run-row"][data-name="stopped run"] [data-column="epochs"]').textContent())!;
  expect(epochsCell).toMatch(ending.includes('(cut short)') ? /^\d+ \(last cut short\)$/ : /^\d+$/);
  const stoppedEpochs = Number(epochsCell.split(' ')[0]);
  expect(stoppedEpochs).toBeGreaterThanOrEqual(3);
  expect(stoppedEpochs).toBeLessThan(5000);

  await page.reload();
  await page.getByTestId('runs-table').waitFor();
  expect(await runStatus(page, 'gpu run')).toBe('completed');
  expect(await runStatus(page, 'wasm run')).toBe('completed');
  expect(await runStatus(page, 'stopped run')).toBe('stopped');
  expect(await page.getByTestId('run-row').count()).toBe(3);

  // Two runs compared: curves overlaid, settings diffed.
  await page.getByLabel('Compare gpu run', { exact: true }).check();
  await page.getByLabel('Compare wasm run', { exact: true }).check();
  await page.getByTestId('run-compare').waitFor();
  expect(await page.locator('[data-testid="settings-diff"] tr[data-setting="epochs"] td').allTextContents()).toEqual(['8', '30']);
  expect(await page.locator('[data-testid="settings-diff"] tr[data-setting="backend"] td').allTextContents()).toEqual(['webgpu', 'wasm']);
  // The chart's text gives each compared run's last figures, not only the first run's.
  expect(await page.getByTestId('compare-curves-loss').getAttribute('aria-label')).toMatch(/^Loss per epoch of 2 runs, .*gpu run, training [\d.e-]+, validation [\d.e-]+ \(epoch 8\); wasm run, training [\d.e-]+, validation [\d.e-]+ \(epoch 30\)\.$/);

}, LONG_TEST_MS);

test('a grid sweep of four trials completes, each a tagged run, and its results are plotted', async () => {
  const session = await startBrowser();
  const page = await session.newPage();
  await irisProject(page);
  await page.getByRole('button', { name: 'small' }).click();
  // Removing the last layer takes its button away: focus goes to the units of the layer before, not to <body>.
  await page.getByRole('button', { name: 'Add a layer' }).click();
  await page.getByRole('button', { name: 'Remove layer 2' }).click();
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Units of layer 1');
  await page.getByLabel('Epochs', { exact: true }).fill('3');
  await page.getByLabel('Values of learning rate', { exact: true }).fill('0.01, 0.05');
  await page.getByLabel('Values of units per hidden layer', { exact: true }).fill('4, 8');
  // What was typed in New run and the sweep's lists are kept: through another stage and back, and through a reload.
  const formKept = async () => {
    await expect.poll(() => page.getByLabel('Epochs', { exact: true }).inputValue()).toBe('3');
    expect(await page.getByLabel('Units of layer 1', { exact: true }).inputValue()).toBe('16');
    expect(await page.getByLabel('Units of layer 2', { exact: true }).count()).toBe(0);
    expect(await page.getByLabel('Values of learning rate', { exact: true }).inputValue()).toBe('0.01, 0.05');
    expect(await page.getByLabel('Values of units per hidden layer', { exact: true }).inputValue()).toBe('4, 8');
  };
  await page.getByTestId('stage-link-data').click();
  await page.getByTestId('dataset-summary').waitFor();
  await page.getByTestId('stage-link-train').click();
  await formKept();
  await page.reload();
  await page.getByTestId('backend-reason').waitFor();
  await formKept();
  await page.getByRole('button', { name: 'Start sweep' }).click();
  await page.getByTestId('sweep-progress').waitFor();
  await page.getByTestId('sweep-progress').waitFor({ state: 'detached', timeout: SLOW_WORK_MS });
  // The table follows storage, where the worker wrote the last trial's end: it may show it a moment after the sweep ends.
  const rows = page.locator('[data-testid="run-row"][data-status="completed"]');
  await expect.poll(() => rows.count()).toBe(4);
  expect((await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-name')))).sort()).toEqual([1, 2, 3, 4].map((i) => `sweep 1 · trial ${i}`));
  // Filtering by the sweep's tag finds all four.
  await page.getByLabel('Filter runs', { exact: true }).fill('sweep 1');
  expect(await page.getByTestId('run-row').count()).toBe(4);
  await page.locator('[data-testid="sweep-chart"] .main-svg').first().waitFor();
  // Plotly draws the traces after its frame, and again as the chart's runs come from storage.
  await expect.poll(() => page.locator('[data-testid="sweep-chart"] .scatterlayer .trace').count()).toBe(2);
  expect(await page.getByTestId('sweep-chart').getAttribute('aria-label')).toBe('Validation accuracy of each trial against learning rate and units per hidden layer');
}, LONG_TEST_MS);

test('a run cut off by a reload shows as interrupted at once, here and in another tab, not as running forever', async () => {
  const session = await startBrowser();
  const page = await session.newPage();
  await irisProject(page);
  // Patience 0, so the run is still going when the page reloads (early stopping ends it in well under a second).
  await page.getByLabel('Early-stopping patience', { exact: true }).fill('0');
  await trainRun(page, 'cut off', 'wasm', 5000);
  // The table reads storage: once it shows an epoch, the run's history has been written.
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="run-row"][data-name="cut off"] [data-column="epochs"]')?.textContent) >= 1, undefined, { timeout: SLOW_WORK_MS });
  // A second tab on the same Train page follows the run from storage.
  const other = await session.context.newPage();
  await other.goto(page.url());
  await other.locator('[data-testid="run-row"][data-name="cut off"][data-status="running"]').waitFor();
  await page.reload();
  // The old page's worker died with it and the browser released the run's lock: both tabs say interrupted.
  await other.locator('[data-testid="run-row"][data-name="cut off"][data-status="interrupted"]').waitFor();
  await page.locator('[data-testid="run-row"][data-name="cut off"][data-status="interrupted"]').waitFor();
  // Marked so from the lock, long before its heartbeat (written every 3 s) could go stale (15 s).
  const [row] = await storedRows<{ status: string; heartbeatAt: number; updatedAt: number }>(page, 'runs');
  expect(row!.status).toBe('interrupted');
  expect(row!.updatedAt - row!.heartbeatAt).toBeLessThan(HEARTBEAT_STALE_MS);
  await page.reload();
  await page.locator('[data-testid="run-row"][data-name="cut off"][data-status="interrupted"]').waitFor();
  // The epochs stored before the reload are kept.
  expect(Number(await page.locator('[data-testid="run-row"][data-name="cut off"] [data-column="epochs"]').textContent())).toBeGreaterThanOrEqual(1);
}, LONG_TEST_MS);

test('Measure backends trains a timed epoch on each backend this browser has, and gives focus back to its button', async () => {
  const session = await startBrowser({ args: ['--enable-unsafe-webgpu'] });
  const page = await session.newPage();
  await irisProject(page);
  await page.getByRole('button', { name: 'Measure backends' }).click();
  await page.getByTestId('backend-measurements').waitFor({ timeout: SLOW_WORK_MS });
  const rows = await page.getByTestId('backend-measurement').evaluateAll((trs) => trs.map((tr) => ({ backend: tr.getAttribute('data-backend'), rate: Number(tr.getAttribute('data-rate')) })));
  // WASM and the CPU backend are there in any browser, and train at some positive rate.
  for (const backend of ['wasm', 'cpu']) expect(rows.find((r) => r.backend === backend)?.rate).toBeGreaterThan(0);
  // The button was off while measuring: focus is back on it, not on <body>.
  await page.waitForFunction(() => document.activeElement?.textContent === 'Measure backends');
}, LONG_TEST_MS);

test('a file of an id, categories and gaps: Data charts the first column that is no identifier; Train names every column it cannot read at once; Prepare says so too and fixes them all in one click; the learning rate follows the model chosen', async () => {
  const rows = Array.from({ length: 60 }, (_, i) => `A${1000 + i},${['Lyon', 'Nice', 'Lille'][i % 3]},${i % 7 ? i % 10 : ''},${i % 2 ? 'web' : 'shop'},${i % 5 ? (i * 3) % 11 : ''},${i % 4 === 0 ? 'yes' : 'no'}`);
  const file = tempFile('orders.csv', `order_id,city,items,channel,basket,returned\n${rows.join('\n')}\n`);
  const session = await startBrowser();
  const page = await session.newPage();
  await projectWithFile(page, 'Orders', file, 'binary', 'returned');
  await page.locator('[data-testid="data-warning"][data-kind="identifier"][data-column="order_id"]').waitFor();
  expect(await page.getByLabel('Chart of column', { exact: true }).inputValue()).toBe('city');

  // One refusal names both category columns and both columns with gaps, counted in the training rows.
  await page.getByTestId('stage-link-train').click();
  await page.getByLabel('Baseline', { exact: true }).check();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const refusal = page.getByTestId('train-error');
  await refusal.filter({ hasText: 'Columns "city" and "channel" hold categories' }).waitFor();
  const [, items, basket] = (await refusal.textContent())!.match(/\. Columns "items" \((\d+)\) and "basket" \((\d+)\) have missing values in the training rows: add a "Fill missing values" step for them in Prepare, or drop them\.Open Prepare$/)!;

  // Prepare says the same where the fix is made, with the same counts, and adds the steps that fix it all in one click (one undo step).
  await refusal.getByRole('link', { name: 'Open Prepare' }).click();
  await prepareIdle(page);
  const readiness = page.getByTestId('train-readiness');
  expect(await readiness.getAttribute('data-ready')).toBe('false');
  expect(await readiness.textContent()).toContain(`Train would refuse these columns: “city” and “channel” hold categories, which a model cannot read as numbers; “items” (${items} gaps) and “basket” (${basket} gaps) have gaps in the training rows.`);
  expect(await readiness.textContent()).toContain('One-hot encode “city” and “channel”; fill “items” and “basket” with the median.');
  await readiness.getByRole('button', { name: 'Add these steps' }).click();
  await prepareIdle(page);
  expect(await page.getByTestId('pipeline-step').evaluateAll((steps) => steps.map((s) => s.getAttribute('data-kind')))).toEqual(['one-hot', 'one-hot', 'impute']);
  expect(await readiness.locator('p').first().textContent()).toMatch(/^Train will read \d+ features; “order_id” is left out \(Train reads no identifiers or free text\)\.$/);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await prepareIdle(page);
  expect(await page.getByTestId('pipeline-step').count()).toBe(0);
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await prepareIdle(page);
  expect(await page.getByTestId('pipeline-step').count()).toBe(3);
  await trainBaseline(page, 'Run 1');
  expect(await page.getByTestId('train-error').count()).toBe(0);

  // A learning rate left at a model's default follows the model chosen (0.01 for a linear model, 0.001 for an MLP); one typed stays.
  const rate = page.getByLabel('Learning rate', { exact: true });
  await page.getByLabel('Neural network (MLP)', { exact: true }).check();
  expect(await rate.inputValue()).toBe('0.001');
  await page.getByLabel('Logistic regression', { exact: true }).press('Space');
  expect(await rate.inputValue()).toBe('0.01');
  await rate.fill('0.05');
  await page.getByLabel('Neural network (MLP)', { exact: true }).check();
  expect(await rate.inputValue()).toBe('0.05');
  await session.close();
}, LONG_TEST_MS);
