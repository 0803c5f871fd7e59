/**
 * npm run bench:train — an MLP 10→64→64→1 (sigmoid, binary cross-entropy, Adam 1e-3, batch 256)
 * trained on generated rows in headless Chromium (WebGPU enabled) through the app's own training
 * loop, against TF.js's model.fit on the same backend, data and initial weights, in the same
 * worker, on every backend this browser offers. Medians of BENCH_RUNS runs (default 3). Each run
 * also checks the loop's fused kernels against TF.js's unfused ops on that backend.
 */
import { expect, inject, test } from 'vitest';
import { launchBench } from './bench-app';
import type { BenchmarkResult } from '../../src/workers/train-protocol';
import { median, writeResults } from './results-file';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** BENCH_BACKENDS=wasm,cpu measures only those (for quick checks; the results file then holds only them). */
const ONLY = process.env.BENCH_BACKENDS?.split(',');
const FULL_ROWS = Number(process.env.BENCH_TRAIN_ROWS ?? 100_000);
const BATCH = 256;
/** Slow backends are timed over 100 batches (the floor), the others over all rows. */
const SLOW_ROWS = 100 * BATCH;
const spec = { model: 'mlp', layers: [{ units: 64, activation: 'relu' }, { units: 64, activation: 'relu' }], optimizer: 'adam', learningRate: 0.001, batchSize: BATCH, seed: 1 };
const TARGETS = { wasm: 1, cpu: 1, webgl: 1.5, webgpu: 1.5 } as const;
/** The fused kernels must match TF.js's unfused ops to float32 rounding (relative to the values' size). */
const KERNEL_TOLERANCE = 1e-4;

interface Looplab {
  callTrainWorker: <T>(f: (w: Record<string, (...args: unknown[]) => Promise<unknown>>) => Promise<T>) => Promise<T>;
}

test('the app’s training loop against model.fit on every backend', async () => {
  const baseUrl = inject('benchUrl');
  const { browser, page, errors } = await launchBench(['--enable-unsafe-webgpu']);
  await page.goto(baseUrl + '#/');
  const call = <T>(method: string, ...args: unknown[]) =>
    page.evaluate(([method, args]) => (window as unknown as { __looplab: Looplab }).__looplab.callTrainWorker((w) => w[method as string]!(...(args as unknown[]))), [method, args] as const) as Promise<T>;

  const { env, choice } = await call<{ env: { webgpu: { isFallbackAdapter: boolean; architecture: string } | null }; choice: { backend: string; order: string[]; reason: string } }>('environment');
  const backends = [...new Set(choice.order)].filter((b) => !ONLY || ONLY.includes(b));
  const softwareGpu = env.webgpu !== null && !choice.order.slice(0, 1).includes('webgpu');
  const rowsFor = (b: string) => (b === 'wasm' || (b === 'webgpu' && !softwareGpu) ? FULL_ROWS : SLOW_ROWS);

  const perBackend: Record<string, BenchmarkResult[]> = {};
  for (let run = 0; run < RUNS; run++) {
    for (const backend of backends) {
      const result = await call<BenchmarkResult>('benchmark', backend, rowsFor(backend), spec);
      (perBackend[backend] ??= []).push(result);
      const worst = Object.entries(result.kernelErrors).reduce((a, b) => (b[1] > a[1] ? b : a));
      console.log(`run ${run + 1}/${RUNS} ${backend}: fused kernels within ${worst[1].toExponential(1)} of TF.js's ops (worst: ${worst[0]})`);
      console.log(`run ${run + 1}/${RUNS} ${backend}: ours ${Math.round(result.ours.samplesPerSec)}/s (loss ${result.ours.loss.toFixed(4)}), model.fit ${Math.round(result.modelFit.samplesPerSec)}/s (loss ${result.modelFit.loss.toFixed(4)})`);
    }
  }
  const crossOriginIsolated = await page.evaluate(() => globalThis.crossOriginIsolated);
  await browser.close();
  expect(crossOriginIsolated).toBe(true);
  expect(errors).toEqual([]);

  const summary = Object.fromEntries(
    Object.entries(perBackend).map(([backend, runs]) => {
      const ours = median(runs.map((r) => r.ours.samplesPerSec));
      const fit = median(runs.map((r) => r.modelFit.samplesPerSec));
      return [
        backend,
        {
          rows: runs[0]!.rows,
          batches: Math.ceil(runs[0]!.rows / BATCH),
          oursSamplesPerSec: Math.round(ours),
          modelFitSamplesPerSec: Math.round(fit),
          ratio: median(runs.map((r) => r.ours.samplesPerSec / r.modelFit.samplesPerSec)),
          oursFinalLoss: median(runs.map((r) => r.ours.loss)),
          modelFitFinalLoss: median(runs.map((r) => r.modelFit.loss)),
          target: `ratio ≥ ${TARGETS[backend as keyof typeof TARGETS]}`,
          fusedKernelsLargestError: Math.max(...runs.flatMap((r) => Object.values(r.kernelErrors))),
        },
      ];
    }),
  );
  const fastest = Object.entries(summary).reduce((a, b) => (b[1].oursSamplesPerSec > a[1].oursSamplesPerSec ? b : a));
  for (const [backend, s] of Object.entries(summary)) {
    expect(s.oursFinalLoss, `${backend} trained`).toBeLessThan(0.7);
    for (const run of perBackend[backend]!) for (const [check, error] of Object.entries(run.kernelErrors)) expect(error, `${backend}: ${check}`).toBeLessThan(KERNEL_TOLERANCE);
  }
  writeResults('train', {
    crossOriginIsolated,
    autoBackend: choice.backend,
    autoReason: choice.reason,
    webgpuAdapter: env.webgpu,
    fastestMeasured: fastest[0],
    autoShareOfFastest: summary[choice.backend] ? summary[choice.backend]!.oursSamplesPerSec / fastest[1].oursSamplesPerSec : null,
    runs: RUNS,
    backends: summary,
    model: 'MLP 10→64→64→1, sigmoid, binary cross-entropy, Adam 1e-3, batch 256, one epoch timed after a 4,096-row warm-up (a separate model each)',
    targets: { ratio: 'wasm and cpu ≥ 1.0, webgl and webgpu ≥ 1.5', auto: 'within 10% of the fastest backend measured' },
    command: 'npm run bench:train',
    date: new Date().toISOString(),
    perRun: perBackend,
  });
});
