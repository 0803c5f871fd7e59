/**
 * A regression model learns the target standardised, (y − mean) / spread over the training rows,
 * and the scale is folded into its output layer when training ends, so the stored model predicts
 * in the target's own units. Without it a target of 25–346 (the diabetes sample) against Adam's
 * step of 0.001 needs slopes in the hundreds, which 50 epochs never reach: a linear model there
 * scored no better than the mean. The figures a run reports stay in the target's units.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';

export interface TargetScale {
  mean: number;
  /** the standard deviation over the training rows; 1 for a constant target, which has none to divide by */
  spread: number;
}

/** Mean and spread of the training targets, in float64. */
export function targetScaleOf(y: Float32Array): TargetScale {
  const n = y.length;
  if (n === 0) return { mean: 0, spread: 1 };
  let sum = 0;
  for (const v of y) sum += v;
  const mean = sum / n;
  let squares = 0;
  for (const v of y) squares += (v - mean) * (v - mean);
  const spread = Math.sqrt(squares / n);
  return { mean, spread: spread > 0 && Number.isFinite(spread) ? spread : 1 };
}

/** The targets as the model learns them. */
export function standardised(y: Float32Array, { mean, spread }: TargetScale): Float32Array {
  return y.map((v) => (v - mean) / spread);
}

/**
 * The output layer rewritten to predict in the target's units: a linear output z = x·W + b
 * becomes y = x·(W·spread) + (b·spread + mean), the same predictions scaled back exactly.
 */
export function foldIntoOutput(model: tfl.LayersModel, { mean, spread }: TargetScale): void {
  const output = model.layers.at(-1)!;
  const [kernel, bias] = output.getWeights();
  if (!kernel || !bias) return;
  const folded = tf.tidy(() => [tf.mul(kernel, spread), tf.add(tf.mul(bias, spread), mean)]);
  output.setWeights(folded);
  folded.forEach((t) => t.dispose());
}

/** A squared loss (MSE, with its L2 penalty) and an RMSE measured on the standardised target, in the target's units. */
export const lossInUnits = (loss: number, s: TargetScale) => loss * s.spread * s.spread;
export const rmseInUnits = (rmse: number, s: TargetScale) => rmse * s.spread;
