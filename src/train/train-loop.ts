/**
 * The training loop, written for speed: the data goes to the backend once, each epoch's
 * shuffled order is one small index tensor, batches are gathered on the backend, and the loss
 * is summed there; the page hears once per epoch, when the epoch's figures are read back.
 * Early stopping keeps the best weights (copies on the backend) and restores them. Each batch's
 * update is a BatchTrainer's: dense-trainer.ts (fused kernels, about a tenth of the kernels) for
 * plain stacks of dense layers, tape-trainer.ts (TF.js's optimizer.minimize) for the rest.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import seedrandom from 'seedrandom';
import type { BatchTrainer } from './batch-trainer';
import { denseTrainable, denseTrainer } from './dense-trainer';
import { divergedMessage } from './divergence';
import { endingMessage } from './ending-message';
import { fusedAdam, tfStepOptimizer } from './fused-adam';
import { balancedWeights, denseKernels, l2Penalty, lossOf } from './loss';
import type { TrainSpec } from './model-spec';
import { tapeTrainer } from './tape-trainer';
import { foldIntoOutput, lossInUnits, rmseInUnits, standardised, targetScaleOf, type TargetScale } from './target-scale';
import type { Matrices } from './training-data';

export interface EpochRecord {
  epoch: number;
  loss: number;
  valLoss: number | null;
  /** accuracy (classification) or RMSE (regression) */
  metric: number;
  valMetric: number | null;
  seconds: number;
  samplesPerSec: number;
  /** set only when Stop cut the epoch short: the training rows it saw, over which its loss and speed are taken */
  rows?: number;
}

export type Ending = 'completed' | 'early-stopped' | 'stopped' | 'cancelled' | 'diverged';

export interface TrainOutcome {
  ending: Ending;
  history: EpochRecord[];
  /** the epoch whose weights the model holds (1-based) */
  bestEpoch: number;
  /** for 'diverged': what happened and what to try */
  message: string | null;
}

export interface TrainControl {
  /** read between batches: 'stop' keeps the model so far, 'cancel' throws it away */
  request(): 'continue' | 'stop' | 'cancel';
  onEpoch(record: EpochRecord): void;
}

export interface TrainInputs {
  model: tfl.LayersModel;
  spec: TrainSpec;
  /** number of classes; null for regression */
  classCount: number | null;
  train: Matrices;
  validation: Matrices | null;
  features: number;
}

function optimizerFor(spec: TrainSpec): tf.Optimizer {
  if (spec.optimizer === 'sgd') return tf.train.momentum(spec.learningRate, spec.momentum);
  if (spec.optimizer === 'rmsprop') return tf.train.rmsprop(spec.learningRate);
  return tf.train.adam(spec.learningRate);
}

/**
 * The dense path (hand-written backward pass, fused kernels) for plain stacks of dense layers,
 * TF.js's taped optimizer.minimize for the rest.
 */
function trainerFor(model: tfl.LayersModel, spec: TrainSpec, classCount: number | null): BatchTrainer {
  if (!denseTrainable(model)) return tapeTrainer(model, optimizerFor(spec), classCount, spec.l2);
  const optimizer = spec.optimizer === 'adam' ? fusedAdam(spec.learningRate) : tfStepOptimizer(optimizerFor(spec));
  return denseTrainer(model, optimizer, classCount, spec.l2);
}

/** Targets as the loss wants them: one-hot for several classes, a column otherwise. */
function targetTensor(y: Float32Array, classCount: number | null): tf.Tensor {
  if (classCount !== null && classCount > 2) return tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(Int32Array.from(y), 'int32'), classCount), 'float32'));
  return tf.tensor2d(y, [y.length, 1]);
}

/** Accuracy (classification) or RMSE (regression), as a scalar tensor. */
function metricOf(logits: tf.Tensor, target: tf.Tensor, classCount: number | null): tf.Scalar {
  if (classCount === null) return tf.sqrt(tf.losses.meanSquaredError(target, logits)) as tf.Scalar;
  if (classCount === 2) return tf.mean(tf.cast(tf.equal(tf.cast(tf.greater(logits, 0), 'float32'), target), 'float32')) as tf.Scalar;
  return tf.mean(tf.cast(tf.equal(tf.argMax(logits, 1), tf.argMax(target, 1)), 'float32')) as tf.Scalar;
}

/**
 * Loss and metric over a whole part, in batches so a large part does not exhaust GPU memory.
 * The loss includes the L2 penalty at the current weights, as the training loss does: Keras adds
 * the regularisation losses to both the training and the evaluation loss, so the two compare.
 */
function evaluatePart(model: tfl.LayersModel, x: tf.Tensor, y: tf.Tensor, classCount: number | null, batch: number, l2: number): [tf.Scalar, tf.Scalar] {
  return tf.tidy(() => {
    const logits = partLogits(model, x, batch);
    const loss = lossOf(logits, y, classCount);
    const penalty = l2Penalty(denseKernels(model), l2);
    return [penalty ? (tf.add(loss, penalty) as tf.Scalar) : loss, metricOf(logits, y, classCount)];
  });
}

/** The metric alone over a part (the training sample's: its loss is the epoch's running one). */
function metricOfPart(model: tfl.LayersModel, x: tf.Tensor, y: tf.Tensor, classCount: number | null, batch: number): tf.Scalar {
  return tf.tidy(() => metricOf(partLogits(model, x, batch), y, classCount));
}

/** The model's outputs over a part in inference mode, `batch` rows at a time. */
function partLogits(model: tfl.LayersModel, x: tf.Tensor, batch: number): tf.Tensor {
  const n = x.shape[0];
  const parts: tf.Tensor[] = [];
  for (let start = 0; start < n; start += batch) {
    const size = Math.min(batch, n - start);
    parts.push(model.apply(tf.slice(x, [start, 0], [size, -1]), { training: false }) as tf.Tensor);
  }
  return parts.length === 1 ? parts[0]! : tf.concat(parts, 0);
}

/**
 * The rows the training metric is read on: all of them when there are at most `size`, otherwise
 * `size` rows drawn at random (seeded, fixed for the run), so a file sorted by class or by time
 * does not bias the figure as its first rows would.
 */
export function metricRows(n: number, size: number, seed: number): Int32Array | null {
  if (n <= size) return null;
  const rng = seedrandom.alea(`metric-${seed}`);
  const pool = Int32Array.from({ length: n }, (_, i) => i);
  // A partial Fisher–Yates shuffle: the first `size` places end up a uniform sample without replacement.
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(rng() * (n - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, size).sort();
}

/**
 * Let queued messages (Stop, Cancel) in. A MessageChannel round trip is a task of its own that,
 * unlike setTimeout(0), is never clamped to 4 ms; awaiting a read-back is not enough, as on
 * CPU and WASM it resolves without ever leaving the microtask queue.
 */
const yieldToMessages = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

/** Rows the training metric is measured on at the end of each epoch. */
export const METRIC_SAMPLE = 4096;

/** How often the loop lets messages in, in ms. */
const YIELD_EVERY_MS = 50;

export async function trainLoop(inputs: TrainInputs, control: TrainControl): Promise<TrainOutcome> {
  const { model, spec, classCount, train, validation, features } = inputs;
  const n = train.rows;
  // Regression learns the target standardised (target-scale.ts): its output starts at the mean
  // (a bias of 0), and its slopes are of a size Adam's step reaches, whatever the target's units.
  const scale: TargetScale | null = classCount === null ? targetScaleOf(train.y) : null;
  const learnt = (y: Float32Array) => (scale ? standardised(y, scale) : y);
  const xTrain = tf.tensor2d(train.x, [n, features]);
  const yTrain = targetTensor(learnt(train.y), classCount);
  const weights = spec.classWeights && classCount !== null ? tf.tensor1d(balancedWeights(train.y, classCount)) : null;
  const xVal = validation && validation.rows > 0 ? tf.tensor2d(validation.x, [validation.rows, features]) : null;
  const yVal = xVal ? targetTensor(learnt(validation!.y), classCount) : null;
  const trainer = trainerFor(model, spec, classCount);
  const lossOut = (loss: number) => (scale ? lossInUnits(loss, scale) : loss);
  const metricOut = (metric: number) => (scale ? rmseInUnits(metric, scale) : metric);
  // The training metric of an epoch is read on a fixed sample of at most METRIC_SAMPLE rows, in inference mode.
  const sampleRows = metricRows(n, METRIC_SAMPLE, spec.seed);
  const metricSample = sampleRows === null ? { x: xTrain, y: yTrain } : tf.tidy(() => {
    const idx = tf.tensor1d(sampleRows, 'int32');
    return { x: tf.gather(xTrain, idx), y: tf.gather(yTrain, idx) };
  });
  const rng = seedrandom.alea(`shuffle-${spec.seed}`);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const batch = Math.min(spec.batchSize, n);
  const history: EpochRecord[] = [];
  let best: { loss: number; epoch: number; weights: tf.Tensor[] } | null = null;
  let ending: Ending = 'completed';
  let message: string | null = null;
  let firstLoss = Number.NaN;
  let lastYield = performance.now();

  try {
    for (let epoch = 1; epoch <= spec.epochs; epoch++) {
      const t0 = performance.now();
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(rng() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      const orderTensor = tf.tensor1d(order, 'int32');
      // The loss summed over the epoch's batches on the backend (as Keras reports it): no extra pass.
      // The training metric is not computed per batch (five more ops a batch); see metricSample.
      let request: 'continue' | 'stop' | 'cancel' = 'continue';
      let seen = 0;
      for (let start = 0; start < n; start += batch) {
        const size = Math.min(batch, n - start);
        seen += size;
        tf.tidy(() => {
          const idx = tf.slice(orderTensor, start, size);
          trainer.step(tf.gather(xTrain, idx), tf.gather(yTrain, idx), weights ? tf.gather(weights, idx) : undefined);
        });
        // Let Stop and Cancel messages in now and then, without a sync per batch.
        if (performance.now() - lastYield > YIELD_EVERY_MS) {
          await yieldToMessages();
          lastYield = performance.now();
          request = control.request();
          if (request !== 'continue') break;
        }
      }
      const sums = trainer.takeEpochSum();
      orderTensor.dispose();
      if (request === 'cancel') {
        sums.dispose();
        ending = 'cancelled';
        break;
      }
      const trainMetric = metricOfPart(model, metricSample.x, metricSample.y, classCount, 4096);
      const [valLoss, valMetric] = xVal ? evaluatePart(model, xVal, yVal!, classCount, 4096, spec.l2) : [null, null];
      // The one read-back of the epoch.
      const figures = await Promise.all([sums, trainMetric, valLoss, valMetric].map((t) => (t ? t.data() : Promise.resolve(null))));
      [sums, trainMetric, valLoss, valMetric].forEach((t) => t?.dispose());
      const seconds = (performance.now() - t0) / 1000;
      // An epoch cut short by Stop reports its mean loss and speed over the rows it saw (as Keras's running mean does).
      const partial = seen < n;
      const learntLoss = figures[0]![0]! / seen;
      const record: EpochRecord = {
        epoch,
        loss: lossOut(learntLoss),
        metric: metricOut(figures[1]![0]!),
        valLoss: figures[2] ? lossOut(figures[2][0]!) : null,
        valMetric: figures[3] ? metricOut(figures[3][0]!) : null,
        seconds,
        samplesPerSec: seen / seconds,
        ...(partial ? { rows: seen } : {}),
      };
      // Judged on the loss as learnt, so a target's units do not move the line.
      if (epoch === 1) firstLoss = learntLoss;
      if (!Number.isFinite(learntLoss) || learntLoss > 1000 * Math.max(firstLoss, 1)) {
        ending = 'diverged';
        message = divergedMessage(record.loss, epoch, spec.learningRate);
        break;
      }
      history.push(record);
      control.onEpoch(record);
      const watched = record.valLoss ?? record.loss;
      // A cut-short epoch's training loss is a mean over other rows than a full epoch's: it competes
      // for best only on the validation loss (the whole part, at its current weights), or when nothing came before.
      const comparable = !partial || record.valLoss !== null || !best;
      if (comparable && (!best || watched < best.loss)) {
        best?.weights.forEach((w) => w.dispose());
        best = { loss: watched, epoch, weights: model.getWeights().map((w) => w.clone()) };
      } else if (best && spec.patience > 0 && epoch - best.epoch >= spec.patience) {
        ending = 'early-stopped';
        break;
      }
      if (performance.now() - lastYield > YIELD_EVERY_MS) {
        await yieldToMessages();
        lastYield = performance.now();
      }
      if (request === 'stop' || control.request() === 'stop') {
        ending = 'stopped';
        break;
      }
      if (control.request() === 'cancel') {
        ending = 'cancelled';
        break;
      }
    }
    const bestEpoch = best?.epoch ?? 0;
    // Diverged or early-stopped runs keep their best epoch's weights, not the last.
    if (best && ending !== 'cancelled') model.setWeights(best.weights);
    if (scale) foldIntoOutput(model, scale);
    return { ending, history, bestEpoch, message: message ?? endingMessage(ending, history, bestEpoch, spec.patience) };
  } finally {
    best?.weights.forEach((w) => w.dispose());
    if (metricSample.x !== xTrain) [metricSample.x, metricSample.y].forEach((t) => t.dispose());
    [xTrain, yTrain, weights, xVal, yVal].forEach((t) => t?.dispose());
    trainer.dispose();
  }
}
