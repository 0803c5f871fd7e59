/**
 * npm run bench:cv — 5-fold cross-validation of logistic regression on the import benchmark's
 * generated data at 100,000 rows × 10 columns (8 numeric features, one-hot segment, binary
 * target), on the automatic backend, through the app: the recipe and the split are set on the
 * Prepare page (all rows in training, so one fit and the folds see the same rows), one run is
 * trained, then cross-validated. Medians of BENCH_RUNS runs (default 3).
 */
import { join } from 'node:path';
import { expect, inject, test } from 'vitest';
import { importCsv, launchBench, newProject } from './bench-app';
import { median, writeResults } from './results-file';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const spec = { model: 'linear', optimizer: 'adam', learningRate: 0.01, batchSize: 256, epochs: 5, patience: 0, seed: 1 };

interface Looplab {
  callTrainWorker: <T>(f: (w: Record<string, (...args: unknown[]) => Promise<unknown>>) => Promise<T>) => Promise<T>;
  workerCallback: (f: (...args: unknown[]) => void) => unknown;
}

test('5-fold cross-validation against one fit on all rows', async () => {
  const ROWS = inject('benchRows');
  const baseUrl = inject('benchUrl');
  const csvPath = join(inject('benchDir'), 'bench-import.csv');
  const { browser, page, errors } = await launchBench();
  const projectId = await newProject(page, baseUrl, 'Bench CV');
  await page.getByLabel('Task type', { exact: true }).selectOption('binary');
  await page.getByLabel('Target column', { exact: true }).fill('target');
  await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
  await importCsv(page, csvPath);
  await page.getByTestId('stage-link-prepare').click();
  const idle = () => page.locator('[data-testid="prepare-status"][data-busy="false"]').waitFor({ timeout: 600_000 });
  await page.getByTestId('split-parts').waitFor({ timeout: 600_000 });
  await page.getByLabel('Train %', { exact: true }).fill('100');
  await page.getByLabel('Validation %', { exact: true }).fill('0');
  await page.getByLabel('Test %', { exact: true }).fill('0');
  await page.getByRole('button', { name: 'Apply fractions' }).click();
  await idle();
  await page.getByLabel('Step', { exact: true }).selectOption({ label: 'One-hot encode' });
  await page.getByLabel('Column', { exact: true }).selectOption('segment');
  await page.getByRole('button', { name: 'Add step' }).click();
  await idle();
  await page.getByLabel('Step', { exact: true }).selectOption({ label: 'Scale numbers' });
  await page.getByLabel('Columns to scale', { exact: true }).selectOption(['x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7', 'x8']);
  await page.getByRole('button', { name: 'Add step' }).click();
  await idle();
  expect(await page.locator('[data-testid="pipeline-step"][data-state="fitted"]').count()).toBe(2);

  const runs: Record<string, number>[] = [];
  for (let run = 0; run < RUNS; run++) {
    const result = await page.evaluate(
      async ({ projectId, spec }) => {
        const looplab = (window as unknown as { __looplab: Looplab }).__looplab;
        const t0 = performance.now();
        const trained = (await looplab.callTrainWorker((w) => w.train!({ runId: crypto.randomUUID(), projectId, name: 'bench', spec }, looplab.workerCallback(() => undefined)))) as { ok: boolean; runId: string; problem?: string };
        const oneFitSeconds = (performance.now() - t0) / 1000;
        if (!trained.ok) throw new Error(trained.problem);
        const t1 = performance.now();
        const cv = (await looplab.callTrainWorker((w) => w.crossValidate!(trained.runId, 5, looplab.workerCallback(() => undefined)))) as { ok: boolean; problem?: string; mean: Record<string, number> };
        const totalSeconds = (performance.now() - t1) / 1000;
        if (!cv.ok) throw new Error(cv.problem);
        return { oneFitSeconds, totalSeconds, accuracy: cv.mean.accuracy! };
      },
      { projectId, spec },
    );
    expect(result.accuracy).toBeGreaterThan(0.8);
    runs.push({ ...result, ratio: result.totalSeconds / result.oneFitSeconds });
    console.log(`run ${run + 1}/${RUNS}:`, JSON.stringify(runs.at(-1)));
  }
  await browser.close();
  expect(errors).toEqual([]);
  const m = (key: string) => median(runs.map((r) => r[key]!));
  writeResults('cv', {
    rows: ROWS,
    folds: 5,
    runs: RUNS,
    totalSeconds: m('totalSeconds'),
    oneFitSeconds: m('oneFitSeconds'),
    ratio: m('ratio'),
    cvMeanAccuracy: m('accuracy'),
    targets: { ratio: '≤ 6' },
    note: 'medians; oneFit = a run trained on all rows (5 epochs, batch 256, Adam 0.01) from the click to its stored model, data loading and the pipeline fit included; total = 5-fold cross-validation of that run (pipeline refitted and model trained per fold, out-of-fold scoring, stored)',
    command: 'npm run bench:cv',
    date: new Date().toISOString(),
    perRun: runs,
  });
});
