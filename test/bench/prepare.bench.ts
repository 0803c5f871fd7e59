/**
 * npm run bench:prepare — the 1,000,000-row dataset of the import benchmark, imported through
 * the app, then a six-step recipe (impute, one-hot, standard scaling, outlier filter, dedupe,
 * derived column) split 70/15/15, fitted on the training part and applied to validation and
 * test in the prepare worker, with progress. In the same worker and run: one plain loop reading
 * every value of the same typed arrays once. Medians of BENCH_RUNS runs (default 5) after
 * BENCH_WARMUP unmeasured ones (default 2).
 */
import { join } from 'node:path';
import { expect, inject, test } from 'vitest';
import { storedRows } from '../e2e/stored';
import { importCsv, launchBench, newProject } from './bench-app';
import { median, writeResults } from './results-file';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const IDLE_MS = Number(process.env.BENCH_IDLE_MS ?? 1000);
const numeric = ['x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7', 'x8'];
const recipe = {
  steps: [
    { id: 'impute', kind: 'impute', enabled: true, params: { columns: numeric, strategy: 'median' } },
    { id: 'one-hot', kind: 'one-hot', enabled: true, params: { column: 'segment', maxCategories: 20 } },
    { id: 'scale', kind: 'scale', enabled: true, params: { columns: numeric, method: 'standard' } },
    // The data is uniform on [-100, 100] (max |z| ≈ 1.73): 1.7 standard deviations removes ~2% per column.
    { id: 'outliers', kind: 'outliers', enabled: true, params: { columns: numeric, rule: 'zscore', factor: 1.7, action: 'remove' } },
    { id: 'dedupe', kind: 'dedupe', enabled: true, params: { columns: [] } },
    { id: 'derive', kind: 'derive', enabled: true, params: { name: 'x1x2', expression: 'x1 * x2 + log(abs(x3) + 1)' } },
  ],
  split: { strategy: 'random', fractions: [0.7, 0.15, 0.15], seed: 1, groupColumn: null, orderColumn: null },
  augment: { method: 'none', seed: 1, k: 5, scale: 0.05, count: 0, alpha: 0.2 },
};

interface Bench {
  callPrepareWorker: <T>(f: (w: unknown) => Promise<T>) => Promise<T>;
  workerCallback: (f: (p: unknown) => void) => unknown;
}

test('a six-step recipe over a million rows, against one plain pass over the same arrays', async () => {
  const ROWS = inject('benchRows');
  const baseUrl = inject('benchUrl');
  const csvPath = join(inject('benchDir'), 'bench-import.csv');
  const { browser, page, errors } = await launchBench();
  await newProject(page, baseUrl, 'Bench prepare');
  await importCsv(page, csvPath);
  const datasetId = (await storedRows<{ id: string }>(page, 'datasets'))[0]!.id;

  const runs: Record<string, number>[] = [];
  // Unmeasured first runs: the worker's code is compiled and optimised over its first few fits,
  // as it is by the time a learner has edited a recipe twice. The first run's time is kept.
  let firstRunSeconds = 0;
  for (let run = -WARMUP; run < RUNS; run++) {
    await page.waitForTimeout(IDLE_MS);
    const result = await page.evaluate(
      async ({ datasetId, recipe }) => {
        const looplab = (window as unknown as { __looplab: Bench }).__looplab;
        // Loads the table into the worker first, so neither timing includes IndexedDB.
        const reference = await looplab.callPrepareWorker((w) => (w as { readEveryValue(id: string): Promise<{ seconds: number; freshWriteSeconds: number }> }).readEveryValue(datasetId));
        const progress: string[] = [];
        const onProgress = looplab.workerCallback((p) => progress.push(JSON.stringify(p)));
        const prepared = await looplab.callPrepareWorker((w) =>
          (w as { prepare(r: unknown, p: unknown): Promise<unknown> }).prepare({ datasetId, recipe, target: 'target', task: 'classification' }, onProgress),
        );
        type Report = { seconds: number; preview: unknown; reusedSteps: number };
        const ask = (r: unknown, previewStepId: string) =>
          looplab.callPrepareWorker((w) =>
            (w as { report(r: unknown, p: unknown): Promise<Report> }).report({ datasetId, recipe: r, target: 'target', task: 'classification', previewStepId, scatter: null }, looplab.workerCallback(() => undefined)),
          );
        // What the Prepare page asks for when the learner selects the scaling step, from cold: every step fitted, that step's preview.
        await looplab.callPrepareWorker((w) => (w as { forgetFits(): Promise<void> }).forgetFits());
        const report = await ask(recipe, 'scale');
        // Then the next step selected (nothing to fit again; its columns before are the scaling step's after), and the last step's formula edited (only it is fitted again).
        const previewOther = await ask(recipe, 'outliers');
        const edited = { ...recipe, steps: recipe.steps.map((s) => (s.id === 'derive' ? { ...s, params: { ...s.params, expression: 'x1 * x2' } } : s)) };
        const lastEdited = await ask(edited, 'derive');
        return { reference, prepared, progress, report, previewOther, lastEdited };
      },
      { datasetId, recipe },
    );
    const prepared = result.prepared as { ok: boolean; summary: { seconds: number; rows: { train: number; validation: number; test: number }; columns: unknown[] } };
    expect(prepared.ok).toBe(true);
    const { rows, seconds } = prepared.summary;
    expect(rows.validation + rows.test).toBe(ROWS - Math.round(ROWS * 0.7));
    expect(rows.train).toBeLessThan(Math.round(ROWS * 0.7)); // the outlier filter removed some
    expect(prepared.summary.columns).toHaveLength(10 - 1 + 5 + 1);
    expect(result.progress.some((p) => p.includes('"phase":"fitting","done":6'))).toBe(true);
    console.log('phases:', JSON.stringify((prepared.summary as unknown as { timings: unknown }).timings));
    if (run === -WARMUP) firstRunSeconds = seconds;
    if (run < 0) {
      console.log(`warm-up ${run + WARMUP + 1}/${WARMUP}: ${seconds.toFixed(3)} s`);
      continue;
    }
    expect(result.report.preview).toMatchObject({ rowsBefore: Math.round(ROWS * 0.7), columns: numeric });
    expect([result.report.reusedSteps, result.previewOther.reusedSteps, result.lastEdited.reusedSteps]).toEqual([0, 6, 5]);
    expect(result.lastEdited.preview).toMatchObject({ columns: ['x1x2'] });
    const { seconds: singlePassSeconds, freshWriteSeconds } = result.reference;
    runs.push({ seconds, singlePassSeconds, ratioToSinglePass: seconds / singlePassSeconds, freshWriteSeconds, freshWriteRatio: freshWriteSeconds / singlePassSeconds, reportWithPreviewSeconds: result.report.seconds, reportOtherStepSeconds: result.previewOther.seconds, reportLastStepEditedSeconds: result.lastEdited.seconds, trainRows: rows.train });
    console.log(`run ${run + 1}/${RUNS}:`, JSON.stringify(runs.at(-1)));
  }
  await browser.close();
  expect(errors).toEqual([]);

  const m = (key: string) => median(runs.map((r) => r[key]!));
  writeResults('prepare', {
    rows: ROWS,
    steps: recipe.steps.map((s) => s.kind),
    runs: RUNS,
    warmUpRuns: WARMUP,
    firstRunSeconds,
    seconds: m('seconds'),
    singlePassSeconds: m('singlePassSeconds'),
    ratioToSinglePass: m('ratioToSinglePass'),
    freshWriteSeconds: m('freshWriteSeconds'),
    freshWriteRatio: m('freshWriteRatio'),
    reportWithPreviewSeconds: m('reportWithPreviewSeconds'),
    reportOtherStepSeconds: m('reportOtherStepSeconds'),
    reportLastStepEditedSeconds: m('reportLastStepEditedSeconds'),
    trainRowsAfterFilter: m('trainRows'),
    targets: { ratioToSinglePass: '≤ 5' },
    note: 'medians of the runs after the warm-up runs; seconds = split + fit on the 70% training part (each step fitted, then applied to it and to validation and test) + gathering the rows of each part, in the prepare worker, table already in memory; singlePass = one loop per array summing every value of the 10 typed arrays (median of 5 such passes), same worker, same run; freshWrite = new arrays of the same types and sizes, every value written once (median of 5): a floor for writing out any table of this size; reportWithPreview = what the Prepare page computes when the scaling step is selected, from cold (split, every step fitted on the training rows, that step\'s before/after preview); reportOtherStep = the same recipe with the outlier step selected next (the fit carried on from the last report: no step fitted again; the columns it receives were summed for the scaling step\'s preview); reportLastStepEdited = then the derived column\'s formula changed (only that step fitted again)',
    command: 'npm run bench:prepare',
    date: new Date().toISOString(),
    perRun: runs,
  });
});
