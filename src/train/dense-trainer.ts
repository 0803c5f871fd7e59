/**
 * The fast training path, for models that are a plain stack of dense layers (linear and
 * logistic models, MLPs without dropout or batch normalisation): the forward pass as the Dense
 * layers compute it, the backward pass written out by hand (three matrix products per layer and
 * one fused activation gradient), one fused loss step and one fused Adam update per variable,
 * the products by each backend's fastest route (fused/ops.ts). For an MLP 10→64→64→1 that is
 * 26 kernel calls a batch on CPU (43 on WASM) where TF.js's tape and optimiser make about 190;
 * the loss, its gradient and the update are the same maths (dense-trainer.test.ts compares them).
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { BatchTrainer } from './batch-trainer';
import type { StepOptimizer } from './fused-adam';
import { activationGrad, fusedKernelsAvailable, lossStep, product } from './fused/ops';
import { GRADIENT_ACTIVATIONS, type GradientActivation } from './fused/maths';
import { l2Penalty, lossOf } from './loss';

type Activation = GradientActivation | 'linear';

export interface DenseLayer {
  kernel: tf.Variable;
  bias: tf.Variable;
  activation: Activation;
}

interface DenseLike {
  getClassName(): string;
  useBias: boolean;
  activation: { getClassName(): string } | null;
  kernel: { read(): tf.Variable } | null;
  bias: { read(): tf.Variable } | null;
}

/** The model's layers when it is a plain stack of dense layers with biases; null otherwise. */
export function denseStack(model: tfl.LayersModel): DenseLayer[] | null {
  const layers: DenseLayer[] = [];
  for (const layer of model.layers as unknown as DenseLike[]) {
    if (layer.getClassName() !== 'Dense' || !layer.useBias || !layer.kernel || !layer.bias) return null;
    const activation = layer.activation?.getClassName() ?? 'linear';
    if (activation !== 'linear' && !(GRADIENT_ACTIVATIONS as readonly string[]).includes(activation)) return null;
    layers.push({ kernel: layer.kernel.read(), bias: layer.bias.read(), activation: activation as Activation });
  }
  return layers.length > 0 ? layers : null;
}

/** Whether the dense path can train this model on the active backend. */
export function denseTrainable(model: tfl.LayersModel): boolean {
  return denseStack(model) !== null && fusedKernelsAvailable();
}

/** One Dense layer's output: x·kernel + bias through the activation, fused where Dense.call fuses it. */
function denseForward(x: tf.Tensor, layer: DenseLayer): tf.Tensor {
  const { kernel, bias, activation } = layer;
  if (activation === 'relu' || activation === 'elu' || activation === 'linear') return product(x, kernel, { bias, activation });
  const linear = product(x, kernel, { bias });
  return activation === 'tanh' ? tf.tanh(linear) : tf.sigmoid(linear);
}

/** Each layer's output, the last one the logits (or values). */
export function forwardPass(layers: readonly DenseLayer[], x: tf.Tensor): tf.Tensor[] {
  const outputs: tf.Tensor[] = [];
  let input = x;
  for (const layer of layers) outputs.push((input = denseForward(input, layer)));
  return outputs;
}

/**
 * The gradients of the loss for every kernel and bias ([kernel₁, bias₁, kernel₂, …]), given
 * dz, its gradient at the last layer's pre-activation. `onesRow` is a [1, batch] row of ones:
 * a bias's gradient is one product with it (a column sum in one kernel on every backend).
 */
export function backwardPass(layers: readonly DenseLayer[], x: tf.Tensor, outputs: readonly tf.Tensor[], dz: tf.Tensor, onesRow: tf.Tensor): tf.Tensor[] {
  const grads: tf.Tensor[] = new Array<tf.Tensor>(layers.length * 2);
  let delta = dz;
  for (let i = layers.length - 1; i >= 0; i--) {
    const input = i === 0 ? x : outputs[i - 1]!;
    grads[2 * i] = product(input, delta, { transposeA: true });
    grads[2 * i + 1] = tf.reshape(product(onesRow, delta), layers[i]!.bias.shape);
    if (i === 0) break;
    const back = product(delta, layers[i]!.kernel, { transposeB: true });
    const below = layers[i - 1]!.activation;
    delta = below === 'linear' ? back : activationGrad(below, back, outputs[i - 1]!);
  }
  return grads;
}

export function denseTrainer(model: tfl.LayersModel, optimizer: StepOptimizer, classCount: number | null, l2: number): BatchTrainer {
  const layers = denseStack(model);
  if (!layers) throw new Error('denseTrainer needs a plain stack of dense layers.');
  const variables = layers.flatMap((l) => [l.kernel, l.bias]);
  const kernels = layers.map((l) => l.kernel);
  // Binary cross-entropy and squared error run as one fused loss step; softmax cross-entropy
  // takes its gradient from TF.js (a few kernels on one small tensor).
  const fusedLoss = classCount === null ? 'squared-error' : classCount === 2 ? 'sigmoid-cross-entropy' : null;
  // Rows' losses summed on the backend, one running vector per batch size (the last batch may be short).
  const accumulators = new Map<number, tf.Tensor>();
  const onesRows = new Map<number, tf.Tensor>();
  let sums: tf.Scalar = tf.scalar(0);
  const addToSums = (t: tf.Scalar) => {
    const next = tf.keep(tf.add(sums, t) as tf.Scalar);
    sums.dispose();
    sums = next;
  };
  return {
    step(x, y, w) {
      const size = x.shape[0];
      const outputs = forwardPass(layers, x);
      const z = outputs.at(-1)!;
      let dz: tf.Tensor;
      if (fusedLoss) {
        // Both losses are means over the rows (SUM_BY_NONZERO_WEIGHTS: balanced class weights
        // are never zero), hence scale 1/size.
        const acc = accumulators.get(size) ?? tf.keep(tf.zeros([size, 1]));
        const [grad, nextAcc] = lossStep(fusedLoss, z, y, acc, w ? tf.reshape(w, [size, 1]) : null, 1 / size);
        acc.dispose();
        accumulators.set(size, tf.keep(nextAcc));
        dz = grad;
      } else {
        const { value, grad } = tf.valueAndGrad((logits: tf.Tensor) => lossOf(logits, y, classCount, w))(z);
        addToSums(tf.mul(value, size) as tf.Scalar);
        dz = grad;
      }
      let ones = onesRows.get(size);
      if (!ones) onesRows.set(size, (ones = tf.keep(tf.ones([1, size]))));
      const grads = backwardPass(layers, x, outputs, dz, ones);
      const penalty = l2Penalty(kernels, l2);
      if (penalty) {
        addToSums(tf.mul(penalty, size) as tf.Scalar);
        kernels.forEach((k, i) => (grads[2 * i] = tf.add(grads[2 * i]!, tf.mul(k, 2 * l2))));
      }
      optimizer.step(variables, grads);
    },
    takeEpochSum() {
      const parts = [sums, ...[...accumulators.values()].map((acc) => tf.sum(acc) as tf.Scalar)];
      const total = parts.length === 1 ? sums : (tf.addN(parts) as tf.Scalar);
      parts.slice(1).forEach((t) => t.dispose());
      if (total !== sums) sums.dispose();
      accumulators.forEach((acc) => acc.dispose());
      accumulators.clear();
      sums = tf.scalar(0);
      return total;
    },
    dispose() {
      sums.dispose();
      accumulators.forEach((acc) => acc.dispose());
      onesRows.forEach((ones) => ones.dispose());
      optimizer.dispose();
    },
  };
}
