/** What the training loop asks of a training path, batch by batch. */
import type * as tf from '@tensorflow/tfjs-core';

export interface BatchTrainer {
  /** One update on a batch (called inside the loop's tidy); its loss joins the epoch's sum. */
  step(x: tf.Tensor, y: tf.Tensor, w: tf.Tensor | undefined): void;
  /** The epoch's loss summed over rows (each batch's mean × its size), on the backend; the sum restarts. */
  takeEpochSum(): tf.Scalar;
  dispose(): void;
}
