/**
 * The fused training kernels against TF.js's unfused ops (kernel-check.ts: forward values and
 * gradients on small seeded random inputs), on the CPU backend and on WASM (which runs in Node too).
 */
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, test } from 'vitest';
import { checkFusedKernels } from '../../../src/train/fused/kernel-check';
import { lossLoop, productLoop } from '../../../src/train/fused/maths';
import { fusedKernelsAvailable } from '../../../src/train/fused/ops';

describe.each(['cpu', 'wasm'])('fused kernels on %s', (backend) => {
  test('match TF.js’s unfused ops to float32 rounding, and leak no tensors', async () => {
    expect(await tf.setBackend(backend)).toBe(true);
    expect(fusedKernelsAvailable()).toBe(true);
    const before = tf.memory().numTensors;
    const errors = await checkFusedKernels();
    expect(tf.memory().numTensors).toBe(before);
    expect(Object.keys(errors).length).toBeGreaterThan(20);
    for (const [check, error] of Object.entries(errors)) expect(error, check).toBeLessThan(1e-6);
  });
});

describe('the loops behind them', () => {
  test('the sigmoid cross-entropy step stays finite and exact for large logits', () => {
    const z = Float32Array.of(-80, -30, 0.5, 30, 80);
    const y = Float32Array.of(1, 0, 1, 1, 0);
    const dz = new Float32Array(5);
    const acc = new Float32Array(5);
    lossLoop('sigmoid-cross-entropy', z, y, null, new Float32Array(5), dz, acc, 1);
    // l = max(z, 0) − z·y + log(1 + e^−|z|); ∂l/∂z = σ(z) − y
    const loss = [80, 0, Math.log1p(Math.exp(-0.5)), 0, 80];
    const grad = [-1, 0, 1 / (1 + Math.exp(-0.5)) - 1, 0, 1];
    loss.forEach((l, i) => expect(acc[i]).toBeCloseTo(l, 5));
    grad.forEach((g, i) => expect(dz[i]).toBeCloseTo(g, 6));
  });

  test('the blocked product handles every shape, edges included, and transposed operands', () => {
    for (const [m, k, n] of [[1, 1, 1], [4, 4, 4], [5, 3, 7], [9, 10, 1], [256, 64, 64]] as const) {
      const a = Float32Array.from({ length: m * k }, (_, i) => Math.sin(i));
      const b = Float32Array.from({ length: k * n }, (_, i) => Math.cos(i));
      const bias = Float32Array.from({ length: n }, (_, i) => i / n - 0.5);
      const expected = new Float32Array(m * n);
      for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
        let s = 0;
        for (let p = 0; p < k; p++) s += a[i * k + p]! * b[p * n + j]!;
        expected[i * n + j] = Math.max(Math.fround(s) + bias[j]!, 0);
      }
      const plain = new Float32Array(m * n);
      productLoop(a, k, 1, b, n, 1, plain, m, k, n, bias, 'relu');
      expect(plain).toEqual(expected);
      // The same product from aᵀ (k×m) and bᵀ (n×k), read through strides.
      const aT = new Float32Array(m * k);
      const bT = new Float32Array(k * n);
      for (let i = 0; i < m; i++) for (let p = 0; p < k; p++) aT[p * m + i] = a[i * k + p]!;
      for (let p = 0; p < k; p++) for (let j = 0; j < n; j++) bT[j * k + p] = b[p * n + j]!;
      const transposed = new Float32Array(m * n);
      productLoop(aT, 1, m, bT, 1, k, transposed, m, k, n, bias, 'relu');
      expect(transposed).toEqual(expected);
    }
  });
});
