/**
 * The losses training minimises, from logits (classification) or values (regression), and the
 * L2 penalty. Both training paths (dense-trainer.ts, tape-trainer.ts) mean exactly these.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';

/** Mean loss over rows (weighted when `w` is given), from logits or values. */
export function lossOf(logits: tf.Tensor, target: tf.Tensor, classCount: number | null, w?: tf.Tensor): tf.Scalar {
  if (classCount === null) return tf.losses.meanSquaredError(target, logits) as tf.Scalar;
  const reduction = tf.Reduction.SUM_BY_NONZERO_WEIGHTS;
  if (classCount === 2) return tf.losses.sigmoidCrossEntropy(target, logits, w ? tf.reshape(w, [-1, 1]) : undefined, 0, reduction) as tf.Scalar;
  return tf.losses.softmaxCrossEntropy(target, logits, w, 0, reduction) as tf.Scalar;
}

/** The dense kernels (not the biases) the L2 penalty applies to. */
export function denseKernels(model: tfl.LayersModel): tf.Variable[] {
  return model.layers.flatMap((layer) => {
    const kernel = (layer as unknown as { kernel?: { read(): tf.Variable } }).kernel;
    return kernel ? [kernel.read()] : [];
  });
}

/** The L2 penalty over dense kernels: l2 × Σ w². */
export function l2Penalty(kernels: readonly tf.Tensor[], l2: number): tf.Scalar | null {
  if (l2 === 0 || kernels.length === 0) return null;
  return tf.mul(l2, tf.addN(kernels.map((k) => tf.sum(tf.square(k))))) as tf.Scalar;
}

/** Per-row weights: each class counted by the inverse of its share (as scikit-learn's 'balanced'). */
export function balancedWeights(y: Float32Array, classCount: number): Float32Array {
  const counts = new Array<number>(classCount).fill(0);
  for (const k of y) counts[k]!++;
  const w = new Float32Array(y.length);
  for (let i = 0; i < y.length; i++) w[i] = y.length / (classCount * counts[y[i]!]!);
  return w;
}
