/**
 * The general training path: TF.js's optimizer.minimize, its gradients taped through the
 * Layers model. Used for what the dense path does not cover (dropout, batch normalisation).
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { BatchTrainer } from './batch-trainer';
import { denseKernels, l2Penalty, lossOf } from './loss';

export function tapeTrainer(model: tfl.LayersModel, optimizer: tf.Optimizer, classCount: number | null, l2: number): BatchTrainer {
  let sums: tf.Scalar = tf.scalar(0);
  const kernels = denseKernels(model);
  return {
    step(x, y, w) {
      const cost = optimizer.minimize(() => {
        const loss = lossOf(model.apply(x, { training: true }) as tf.Tensor, y, classCount, w);
        const penalty = l2Penalty(kernels, l2);
        return penalty ? tf.add(loss, penalty) : loss;
      }, true)!;
      const next = tf.keep(tf.add(sums, tf.mul(cost, x.shape[0])) as tf.Scalar);
      sums.dispose();
      sums = next;
    },
    takeEpochSum() {
      const total = sums;
      sums = tf.scalar(0);
      return total;
    },
    dispose() {
      sums.dispose();
      optimizer.dispose();
    },
  };
}
