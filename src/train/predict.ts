/**
 * Batched prediction: probabilities per class (classification) or values (regression), in
 * batches so a large part never needs one huge tensor, read back once per batch.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { Baseline } from './baseline';
import type { Matrices } from './training-data';

const BATCH = 8192;

/** Row-major rows × classes probabilities, or one value per row for regression. */
export async function predict(model: tfl.LayersModel, m: Matrices, features: number, classCount: number | null): Promise<Float32Array> {
  const width = classCount === null ? 1 : classCount;
  const out = new Float32Array(m.rows * width);
  for (let start = 0; start < m.rows; start += BATCH) {
    const size = Math.min(BATCH, m.rows - start);
    const result = tf.tidy(() => {
      const logits = model.predict(tf.tensor2d(m.x.subarray(start * features, (start + size) * features), [size, features])) as tf.Tensor;
      if (classCount === null) return logits;
      // The model gives logits: one for two classes (sigmoid), one per class otherwise (softmax).
      if (classCount === 2) {
        const p1 = tf.sigmoid(logits);
        return tf.concat([tf.sub(1, p1), p1], 1);
      }
      return tf.softmax(logits);
    });
    out.set(await result.data(), start * width);
    result.dispose();
  }
  return out;
}

/** The baseline's predictions in the same layout. */
export function predictBaseline(baseline: Baseline, rows: number): Float32Array {
  if (baseline.kind === 'mean') return new Float32Array(rows).fill(baseline.mean);
  const k = baseline.prior.length;
  const out = new Float32Array(rows * k);
  for (let r = 0; r < rows; r++) out.set(baseline.prior, r * k);
  return out;
}
