/// <reference lib="webworker" />
/** The train worker: chooses a backend, trains, and stores runs as they go. */
import * as Comlink from 'comlink';
import { describeError } from '../shared/errors';
import { withRunLock } from '../shared/run-locks';
import { availableBackends, chooseBackend } from '../train/backend-choice';
import { useBackend } from '../train/backends';
import { buildModel } from '../train/build-model';
import { checkFusedKernels } from '../train/fused/kernel-check';
import { measuredSpeed, TIMED_EPOCH } from '../train/measured-speed';
import { generatedBinary, timeModelFit, timeOurs } from '../train/model-fit-reference';
import { normalizeTrainSpec } from '../train/model-spec';
import { trainLoop } from '../train/train-loop';
import { classCountOf } from '../train/training-data';
import { probeBackends } from './in-worker/backend-probe';
import { runCrossValidation } from './in-worker/cross-validation-run';
import { runImportance } from './in-worker/importance-run';
import { TrainJobs } from './in-worker/train-jobs';
import { runTraining, trainingData } from './in-worker/training-run';
import type { BackendName } from '../train/model-spec';
import type { BackendMeasurement, BenchmarkResult, MeasureOutcome, TrainWorkerApi } from './train-protocol';

/** The one job at a time, each with its own Stop and Cancel flags. */
const jobs = new TrainJobs();
const refused = (problem: string) => ({ ok: false as const, problem });

/** Rows a backend measurement trains on: enough batches to be fair, few enough to be quick. */
const MEASURE_BATCHES = 30;

const api: TrainWorkerApi = {
  async environment() {
    const env = await probeBackends();
    return { env, choice: chooseBackend(env) };
  },

  train(request, onEvent) {
    // The run's lock is held from before it is stored until after it ends: pages tell at once when its tab is gone.
    return jobs.run(request.runId, 'training', (flags) => withRunLock(request.runId, () => runTraining(request, flags, onEvent)), refused);
  },

  crossValidate(runId, k, onFold) {
    return jobs.run(runId, 'cross-validation', (flags) => runCrossValidation(runId, k, flags, onFold), refused);
  },

  importance(runId, repeats, onFeature) {
    return jobs.run(runId, 'importance', () => runImportance(runId, repeats, onFeature), refused);
  },

  stop(runId) {
    return jobs.stop(runId);
  },

  cancel(jobId) {
    return jobs.cancel(jobId);
  },

  measure(projectId, rawSpec) {
    return jobs.run(`measure ${projectId}`, 'measurement', () => measure(projectId, rawSpec), refused);
  },

  benchmark(backend, rows, rawSpec) {
    return jobs.run(`benchmark ${backend}`, 'benchmark', () => benchmark(backend, rows, rawSpec), (problem) => {
      throw new Error(problem);
    });
  },
};

/** Train a few batches of the project's data on every available backend. */
async function measure(projectId: string, rawSpec: unknown): Promise<MeasureOutcome> {
  const prepared = await trainingData(projectId, rawSpec);
  if (!prepared.ok) return prepared;
  const d = prepared.data;
  const results: BackendMeasurement[] = [];
  const order = availableBackends(await probeBackends());
  // Each backend trains the same rows, repeated to MEASURE_BATCHES batches when the data is small.
  const batch = d.spec.batchSize;
  const rows = batch * MEASURE_BATCHES;
  const features = d.layout.features.length;
  const x = new Float32Array(rows * features);
  const y = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    const from = r % d.train.rows;
    x.set(d.train.x.subarray(from * features, (from + 1) * features), r * features);
    y[r] = d.train.y[from]!;
  }
  for (const backend of [...new Set(order)]) {
    try {
      await useBackend(backend);
      const spec = { ...d.spec, epochs: TIMED_EPOCH, patience: 0 };
      const model = buildModel(spec, features, d.layout.classes);
      const outcome = await trainLoop(
        { model, spec, classCount: classCountOf(d.layout), train: { rows, x, y }, validation: null, features },
        { request: () => 'continue', onEpoch: () => undefined },
      );
      model.dispose();
      results.push({ backend, ...measuredSpeed(outcome) });
    } catch (e) {
      results.push({ backend, samplesPerSec: null, problem: describeError(e) });
    }
  }
  return { ok: true, measurements: results };
}

/** bench:train: the app's loop against model.fit on one backend, generated data, the same model. */
async function benchmark(backend: BackendName, rows: number, rawSpec: unknown): Promise<BenchmarkResult> {
  await useBackend(backend);
  const spec = normalizeTrainSpec(rawSpec);
  const data = generatedBinary(rows, 10, spec.seed);
  const ours = await timeOurs(spec, data, 10);
  const modelFit = await timeModelFit(spec, data, 10);
  return { backend, rows, ours, modelFit, kernelErrors: await checkFusedKernels() };
}

Comlink.expose(api);
