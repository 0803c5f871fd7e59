/**
 * The fused kernels against TF.js's own unfused ops, on small seeded random inputs, on whichever
 * backend is active: the unit tests run it on CPU (and WASM), bench:train on every backend it
 * times. Each figure is the largest difference relative to the reference's largest magnitude.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { backwardPass, forwardPass, denseStack } from '../dense-trainer';
import { fusedAdam } from '../fused-adam';
import { lossOf } from '../loss';
import { GRADIENT_ACTIVATIONS, type GradientActivation } from './maths';
import { activationGrad, lossStep, product } from './ops';

async function relativeError(ours: tf.Tensor, reference: tf.Tensor): Promise<number> {
  const [a, b] = await Promise.all([ours.data(), reference.data()]);
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let diff = 0;
  let scale = 1e-6;
  for (let i = 0; i < a.length; i++) {
    diff = Math.max(diff, Math.abs(a[i]! - b[i]!));
    scale = Math.max(scale, Math.abs(b[i]!));
  }
  return Number.isFinite(diff) ? diff / scale : Number.POSITIVE_INFINITY;
}

const uniform = (shape: number[], seed: number, min = -1, max = 1) => tf.randomUniform(shape, min, max, 'float32', seed);
const ACTIVATIONS: Record<GradientActivation, (x: tf.Tensor) => tf.Tensor> = { relu: tf.relu, elu: tf.elu, tanh: tf.tanh, sigmoid: tf.sigmoid };

export async function checkFusedKernels(): Promise<Record<string, number>> {
  const errors: Record<string, number> = {};
  const pending: [string, tf.Tensor, tf.Tensor][] = [];
  const compare = (name: string, ours: tf.Tensor, reference: tf.Tensor) => pending.push([name, tf.keep(ours.clone()), tf.keep(reference.clone())]);

  tf.tidy(() => {
    // Adam: three steps from the same weights and gradients, against tf.train.adam.
    for (const shape of [[7, 5], [5]]) {
      const start = uniform(shape, 1);
      const grads = [2, 3, 4].map((seed) => uniform(shape, seed));
      const reference = tf.variable(start.clone(), true, `check_adam_ref_${shape.length}`);
      const ours = tf.variable(start.clone(), true, `check_adam_ours_${shape.length}`);
      const adam = tf.train.adam(0.01);
      const fused = fusedAdam(0.01);
      for (const g of grads) {
        adam.applyGradients([{ name: reference.name, tensor: g }]);
        fused.step([ours], [g]);
      }
      compare(`adam [${shape}]`, ours.clone(), reference.clone());
      adam.dispose();
      fused.dispose();
      reference.dispose();
      ours.dispose();
    }

    // The loss step: gradient and summed loss against tf.valueAndGrad of the loss itself.
    const rows = 9;
    const z = uniform([rows, 1], 5, -4, 4);
    const labels = tf.cast(tf.greater(uniform([rows, 1], 6), 0), 'float32');
    const values = uniform([rows, 1], 7, -2, 2);
    const weights = uniform([rows], 8, 0.2, 3);
    const cases = [
      { name: 'loss sigmoid cross-entropy', kind: 'sigmoid-cross-entropy', y: labels, classCount: 2, w: null },
      { name: 'loss sigmoid cross-entropy, class weights', kind: 'sigmoid-cross-entropy', y: labels, classCount: 2, w: weights },
      { name: 'loss squared error', kind: 'squared-error', y: values, classCount: null, w: null },
    ] as const;
    for (const c of cases) {
      const { value, grad } = tf.valueAndGrad((logits: tf.Tensor) => lossOf(logits, c.y, c.classCount, c.w ?? undefined))(z);
      const [dz, acc] = lossStep(c.kind, z, c.y, tf.zeros([rows, 1]), c.w ? tf.reshape(c.w, [rows, 1]) : null, 1 / rows);
      compare(`${c.name}: gradient`, dz, grad);
      compare(`${c.name}: value`, tf.div(tf.sum(acc), rows), value);
    }

    // Activation gradients from the output, against tf.grad through the activation.
    for (const activation of GRADIENT_ACTIVATIONS) {
      const x = uniform([6, 5], 9, -3, 3);
      const dy = uniform([6, 5], 10);
      const f = ACTIVATIONS[activation];
      compare(`activation gradient ${activation}`, activationGrad(activation, dy, f(x)), tf.grad((t: tf.Tensor) => tf.sum(tf.mul(f(t), dy)))(x));
    }

    // Products, transposed or not, with a bias and activation, against tf.matMul and friends.
    const a = uniform([6, 5], 11);
    const b = uniform([5, 7], 12);
    const bias = uniform([7], 13);
    const plain = tf.matMul(a, b);
    compare('product', product(a, b), plain);
    compare('product, A transposed', product(tf.transpose(a), b, { transposeA: true }), plain);
    compare('product, B transposed', product(a, tf.transpose(b), { transposeB: true }), plain);
    compare('product + bias, relu', product(a, b, { bias, activation: 'relu' }), tf.relu(tf.add(plain, bias)));
    compare('product + bias, elu', product(a, b, { bias, activation: 'elu' }), tf.elu(tf.add(plain, bias)));
    const big = [uniform([37, 19], 14), uniform([19, 23], 15)] as const;
    compare('product 37×19·19×23', product(big[0], big[1]), tf.matMul(big[0], big[1]));

    // A whole backward pass through a small MLP, against TF.js's taped gradients.
    const model = tfl.sequential({
      layers: [
        tfl.layers.dense({ units: 4, activation: 'tanh', inputShape: [5], kernelInitializer: tfl.initializers.glorotUniform({ seed: 16 }) }),
        tfl.layers.dense({ units: 3, activation: 'relu', kernelInitializer: tfl.initializers.glorotUniform({ seed: 17 }), biasInitializer: tfl.initializers.constant({ value: 0.1 }) }),
        tfl.layers.dense({ units: 1, kernelInitializer: tfl.initializers.glorotUniform({ seed: 18 }) }),
      ],
    });
    const layers = denseStack(model)!;
    const x = uniform([rows, 5], 19, -2, 2);
    const variables = layers.flatMap((l) => [l.kernel, l.bias]);
    const { grads } = tf.variableGrads(() => lossOf(model.apply(x, { training: true }) as tf.Tensor, labels, 2), variables);
    const outputs = forwardPass(layers, x);
    const [dz] = lossStep('sigmoid-cross-entropy', outputs.at(-1)!, labels, tf.zeros([rows, 1]), null, 1 / rows);
    const ours = backwardPass(layers, x, outputs, dz, tf.ones([1, rows]));
    variables.forEach((v, i) => compare(`backward pass: layer ${Math.floor(i / 2) + 1} ${i % 2 ? 'bias' : 'kernel'}`, ours[i]!, grads[v.name]!));
    model.dispose();
  });

  for (const [name, ours, reference] of pending) {
    errors[name] = await relativeError(ours, reference);
    ours.dispose();
    reference.dispose();
  }
  return errors;
}
