/**
 * Adam as tf.train.adam computes it (β1 0.9, β2 0.999, ε the backend's epsilon, bias-corrected
 * moments), one fused kernel per variable instead of TF.js's fourteen elementwise ones.
 */
import * as tf from '@tensorflow/tfjs-core';
import { adamUpdate } from './fused/ops';

export interface StepOptimizer {
  /** Apply one gradient per variable (inside the caller's tidy). */
  step(variables: readonly tf.Variable[], grads: readonly tf.Tensor[]): void;
  dispose(): void;
}

export function fusedAdam(learningRate: number, beta1 = 0.9, beta2 = 0.999): StepOptimizer {
  const epsilon = tf.backend().epsilon();
  const moments = new Map<tf.Variable, { m: tf.Tensor; v: tf.Tensor }>();
  // β^t kept in float32 and updated by one float32 product per step, as TF.js's accBeta tensors are.
  const b1 = Math.fround(beta1);
  const b2 = Math.fround(beta2);
  let acc1 = b1;
  let acc2 = b2;
  return {
    step(variables, grads) {
      const attrs = { learningRate, beta1, beta2, epsilon, correction1: Math.fround(1 - acc1), correction2: Math.fround(1 - acc2) };
      variables.forEach((variable, i) => {
        let state = moments.get(variable);
        if (!state) {
          state = { m: tf.keep(tf.zerosLike(variable)), v: tf.keep(tf.zerosLike(variable)) };
          moments.set(variable, state);
        }
        const [w, m, v] = adamUpdate(variable, grads[i]!, state.m, state.v, attrs);
        variable.assign(w);
        state.m.dispose();
        state.v.dispose();
        state.m = tf.keep(m);
        state.v = tf.keep(v);
      });
      acc1 = Math.fround(acc1 * b1);
      acc2 = Math.fround(acc2 * b2);
    },
    dispose() {
      for (const { m, v } of moments.values()) [m, v].forEach((t) => t.dispose());
      moments.clear();
    },
  };
}

/** Any TF.js optimizer behind the same interface (SGD with momentum, RMSprop). */
export function tfStepOptimizer(optimizer: tf.Optimizer): StepOptimizer {
  return {
    step(variables, grads) {
      optimizer.applyGradients(variables.map((v, i) => ({ name: v.name, tensor: grads[i]! })));
    },
    dispose: () => optimizer.dispose(),
  };
}
