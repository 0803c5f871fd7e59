/**
 * The fused kernels' arithmetic as plain loops over Float32Arrays, shared by the CPU and WASM
 * backends (on WASM the arrays are views of the module's heap). Each loop does in one pass
 * what TF.js's unfused ops do in a dozen kernels; the GPU backends run the same formulas as
 * shaders (webgl-kernels.ts, webgpu-kernels.ts).
 */

/** TF.js's Adam, one step: the attributes the kernels take. */
export interface AdamAttrs {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  /** 1 − β1^t and 1 − β2^t at step t (1-based): the bias corrections */
  correction1: number;
  correction2: number;
}

/**
 * m ← β1·m + (1−β1)·g;  v ← β2·v + (1−β2)·g²;  w ← w − lr · (m / c1) / (√(v / c2) + ε),
 * exactly tf.train.adam's update (ε outside the root, as TF.js has it). The moments are rounded
 * to float32 before the weight uses them, as TF.js stores them between its ops.
 */
export function adamLoop(w: Float32Array, g: Float32Array, m: Float32Array, v: Float32Array, wOut: Float32Array, mOut: Float32Array, vOut: Float32Array, a: AdamAttrs): void {
  const { learningRate: lr, beta1, beta2, epsilon, correction1, correction2 } = a;
  const keep1 = 1 - beta1;
  const keep2 = 1 - beta2;
  for (let i = 0; i < w.length; i++) {
    const gi = g[i]!;
    const mi = Math.fround(beta1 * m[i]! + keep1 * gi);
    const vi = Math.fround(beta2 * v[i]! + keep2 * gi * gi);
    mOut[i] = mi;
    vOut[i] = vi;
    wOut[i] = w[i]! - (lr * (mi / correction1)) / (Math.sqrt(vi / correction2) + epsilon);
  }
}

export const LOSS_KINDS = ['sigmoid-cross-entropy', 'squared-error'] as const;
export type LossKind = (typeof LOSS_KINDS)[number];

/**
 * One batch of an elementwise loss, from logits (or values) z and targets y, weighted per row by
 * w (all ones when absent): dz = scale · w · ∂l/∂z, the gradient of scale · Σ w·l, and
 * accOut = acc + w · l, the rows' losses added to the epoch's running sum.
 * Sigmoid cross-entropy: l = max(z, 0) − z·y + log(1 + e^−|z|) (TF.js's stable form), ∂l/∂z = σ(z) − y.
 * Squared error: l = (z − y)², ∂l/∂z = 2(z − y).
 */
export function lossLoop(kind: LossKind, z: Float32Array, y: Float32Array, w: Float32Array | null, acc: Float32Array, dz: Float32Array, accOut: Float32Array, scale: number): void {
  if (kind === 'sigmoid-cross-entropy') {
    for (let i = 0; i < z.length; i++) {
      const zi = z[i]!;
      const yi = y[i]!;
      const wi = w ? w[i]! : 1;
      const e = Math.exp(-Math.abs(zi));
      const sigmoid = zi >= 0 ? 1 / (1 + e) : e / (1 + e);
      dz[i] = scale * wi * (sigmoid - yi);
      accOut[i] = acc[i]! + wi * (Math.max(zi, 0) - zi * yi + Math.log1p(e));
    }
  } else {
    for (let i = 0; i < z.length; i++) {
      const d = z[i]! - y[i]!;
      const wi = w ? w[i]! : 1;
      dz[i] = 2 * scale * wi * d;
      accOut[i] = acc[i]! + wi * d * d;
    }
  }
}

export const GRADIENT_ACTIVATIONS = ['relu', 'elu', 'tanh', 'sigmoid'] as const;
export type GradientActivation = (typeof GRADIENT_ACTIVATIONS)[number];

/**
 * The gradient through an activation, from its output h (which all four allow):
 * relu h > 0; elu h ≥ 0 ? 1 : h + 1; tanh 1 − h²; sigmoid h·(1 − h) — as TF.js's own gradients.
 */
export function activationGradLoop(activation: GradientActivation, dy: Float32Array, h: Float32Array, out: Float32Array): void {
  switch (activation) {
    case 'relu':
      for (let i = 0; i < h.length; i++) out[i] = h[i]! > 0 ? dy[i]! : 0;
      return;
    case 'elu':
      for (let i = 0; i < h.length; i++) out[i] = h[i]! >= 0 ? dy[i]! : dy[i]! * (h[i]! + 1);
      return;
    case 'tanh':
      for (let i = 0; i < h.length; i++) out[i] = dy[i]! * (1 - h[i]! * h[i]!);
      return;
    case 'sigmoid':
      for (let i = 0; i < h.length; i++) out[i] = dy[i]! * h[i]! * (1 - h[i]!);
      return;
  }
}

export type ProductActivation = 'linear' | 'relu' | 'elu';

/**
 * c[M×N] = A·B (+ bias per column, then the activation), where A(i, k) = a[i·ai + k·ak] and
 * B(k, j) = b[k·bk + j·bj]: the strides make transposed operands free. The body computes 4×4
 * blocks in sixteen local sums (four loads of each operand per sixteen products), about four
 * times faster than TF.js's CPU product on layer-sized matrices; the edges go one by one.
 */
export function productLoop(a: Float32Array, ai: number, ak: number, b: Float32Array, bk: number, bj: number, c: Float32Array, m: number, k: number, n: number, bias: Float32Array | null, activation: ProductActivation): void {
  const m4 = m - (m % 4);
  const n4 = n - (n % 4);
  for (let i = 0; i < m4; i += 4) {
    const r0 = i * ai;
    const r1 = r0 + ai;
    const r2 = r1 + ai;
    const r3 = r2 + ai;
    for (let j = 0; j < n4; j += 4) {
      const q0 = j * bj;
      const q1 = q0 + bj;
      const q2 = q1 + bj;
      const q3 = q2 + bj;
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      for (let p = 0; p < k; p++) {
        const pa = p * ak;
        const pb = p * bk;
        const b0 = b[pb + q0]!, b1 = b[pb + q1]!, b2 = b[pb + q2]!, b3 = b[pb + q3]!;
        const a0 = a[r0 + pa]!, a1 = a[r1 + pa]!, a2 = a[r2 + pa]!, a3 = a[r3 + pa]!;
        c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
        c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
        c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
        c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
      }
      let o = i * n + j;
      c[o] = c00; c[o + 1] = c01; c[o + 2] = c02; c[o + 3] = c03;
      o += n;
      c[o] = c10; c[o + 1] = c11; c[o + 2] = c12; c[o + 3] = c13;
      o += n;
      c[o] = c20; c[o + 1] = c21; c[o + 2] = c22; c[o + 3] = c23;
      o += n;
      c[o] = c30; c[o + 1] = c31; c[o + 2] = c32; c[o + 3] = c33;
    }
  }
  // The edges: the last rows (every column) and the last columns (the other rows).
  for (let i = 0; i < m; i++) {
    for (let j = i < m4 ? n4 : 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) sum += a[i * ai + p * ak]! * b[p * bk + j * bj]!;
      c[i * n + j] = sum;
    }
  }
  if (!bias && activation === 'linear') return;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const at = i * n + j;
      // Rounded to float32 first, as TF.js stores the product before adding the bias.
      const x = Math.fround(c[at]!) + (bias ? bias[j]! : 0);
      c[at] = activation === 'relu' ? Math.max(x, 0) : activation === 'elu' ? (x >= 0 ? x : Math.exp(x) - 1) : x;
    }
  }
}
