/**
 * The fused training kernels as ops: one Adam update per variable, one loss step per batch
 * (gradient and running loss together), one activation gradient per layer. They are TF.js
 * kernels registered for each backend (the extension point TF.js offers), so they run inside
 * tidy(), keep tensors on the backend and are freed like any other.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { NamedAttrMap } from '@tensorflow/tfjs-core';
import { cpuKernels, wasmKernels } from './cpu-wasm-kernels';
import { ACTIVATION_GRAD, ADAM_UPDATE, LOSS_STEP, MAT_MUL, type MatMulKernelAttrs } from './kernel-names';
import type { AdamAttrs, GradientActivation, LossKind } from './maths';
import { webglKernels } from './webgl-kernels';
import { webgpuKernels } from './webgpu-kernels';
import { webgpuMatMulKernel } from './webgpu-matmul';

let registered = false;

/** Register the fused kernels for every backend (once); the backends themselves need not be loaded. */
function register(): void {
  if (registered) return;
  registered = true;
  for (const config of [...cpuKernels(), ...wasmKernels(), ...webglKernels(), ...webgpuKernels(), webgpuMatMulKernel()]) {
    if (!tf.getKernel(config.kernelName, config.backendName)) tf.registerKernel(config);
  }
}

/** Whether the active backend has the fused kernels (the four Looplab uses do). */
export function fusedKernelsAvailable(): boolean {
  register();
  const backend = tf.getBackend();
  return [ADAM_UPDATE, LOSS_STEP, ACTIVATION_GRAD].every((name) => tf.getKernel(name, backend) !== undefined);
}

const attrs = (a: object) => a as unknown as NamedAttrMap;

/** One Adam step for one variable: [w′, m′, v′]. */
export function adamUpdate(w: tf.Tensor, g: tf.Tensor, m: tf.Tensor, v: tf.Tensor, a: AdamAttrs): [tf.Tensor, tf.Tensor, tf.Tensor] {
  register();
  return tf.engine().runKernel(ADAM_UPDATE, { w, g, m, v }, attrs(a)) as unknown as [tf.Tensor, tf.Tensor, tf.Tensor];
}

/**
 * One batch's loss from logits z and targets y (same shape, one column), rows weighted by w
 * (same shape) when given: [dz, acc + w·l], dz being the gradient of scale · Σ w·l.
 */
export function lossStep(kind: LossKind, z: tf.Tensor, y: tf.Tensor, acc: tf.Tensor, w: tf.Tensor | null, scale: number): [tf.Tensor, tf.Tensor] {
  register();
  const inputs: tf.NamedTensorMap = w ? { z, y, acc, w } : { z, y, acc };
  return tf.engine().runKernel(LOSS_STEP, inputs, attrs({ kind, scale })) as unknown as [tf.Tensor, tf.Tensor];
}

/** The gradient dy carries back through an activation whose output was h. */
export function activationGrad(activation: GradientActivation, dy: tf.Tensor, h: tf.Tensor): tf.Tensor {
  register();
  return tf.engine().runKernel(ACTIVATION_GRAD, { dy, h }, attrs({ activation }));
}

export interface ProductOptions {
  transposeA?: boolean;
  transposeB?: boolean;
  bias?: tf.Tensor;
  activation?: MatMulKernelAttrs['activation'];
}

/**
 * Whether the active backend takes the plain product kernel: CPU always (fused/maths.ts, four
 * times TF.js's there), WebGPU only on SwiftShader, Chromium's software adapter — on a real GPU
 * TF.js's tiled products are the fast ones.
 */
function plainProduct(backend: string): boolean {
  if (backend === 'webgpu') return (tf.backend() as { adapterInfo?: { architecture?: string } }).adapterInfo?.architecture === 'swiftshader';
  return tf.getKernel(MAT_MUL, backend) !== undefined;
}

/**
 * op(a)·op(b) (+ bias, then the activation) for 2-D a and b, by the fastest route each backend
 * has: the plain kernel where it wins (above); on WASM, explicit transposes, since its products
 * with a transposed operand run about ten times slower than plain ones; elsewhere TF.js's own
 * (fused) product.
 */
export function product(a: tf.Tensor, b: tf.Tensor, options: ProductOptions = {}): tf.Tensor {
  register();
  const { transposeA = false, transposeB = false, bias, activation = 'linear' } = options;
  const backend = tf.getBackend();
  if (plainProduct(backend)) return tf.engine().runKernel(MAT_MUL, bias ? { a, b, bias } : { a, b }, attrs({ transposeA, transposeB, activation }));
  if (backend === 'wasm' && (transposeA || transposeB)) {
    return product(transposeA ? tf.transpose(a) : a, transposeB ? tf.transpose(b) : b, { bias, activation });
  }
  if (!bias && activation === 'linear') return tf.matMul(a, b, transposeA, transposeB);
  return tf.fused.matMul({ a: a as tf.Tensor2D, b: b as tf.Tensor2D, transposeA, transposeB, bias, activation });
}
