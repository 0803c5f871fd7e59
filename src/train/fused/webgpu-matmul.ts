/**
 * A plain matrix product for WebGPU: one invocation per output element, looping over the inner
 * dimension, with the bias and activation of a Dense layer applied on the way out. On a
 * software adapter (SwiftShader) TF.js's tiled, barrier-synchronised and split-K programs cost
 * 10–45 ms for a 256×64 product; this one costs 0.5–11 ms. Used on that adapter only (see
 * product() in ops.ts): on a real GPU the tiled programs win.
 */
import type { KernelConfig, TensorInfo } from '@tensorflow/tfjs-core';
import { MAT_MUL, type MatMulKernelAttrs } from './kernel-names';
import type { WebGPUBackend, WebGPUProgram } from './webgpu-program';

const WORKGROUP = 64;

const ACTIVATIONS: Record<MatMulKernelAttrs['activation'], string> = {
  linear: 'sum',
  relu: 'max(sum, 0.0)',
  elu: 'select(exp(sum) - 1.0, sum, sum >= 0.0)',
};

function program(m: number, n: number, a: MatMulKernelAttrs, hasBias: boolean): WebGPUProgram {
  const aAt = a.transposeA ? 'k * uniforms.m + row' : 'row * uniforms.k + k';
  const bAt = a.transposeB ? 'col * uniforms.k + k' : 'k * uniforms.n + col';
  return {
    variableNames: hasBias ? ['A', 'B', 'Bias'] : ['A', 'B'],
    outputShape: [m, n],
    shaderKey: `looplab_matmul_${a.transposeA}_${a.transposeB}_${hasBias}_${a.activation}`,
    dispatchLayout: { x: [0, 1] },
    dispatch: [Math.ceil((m * n) / WORKGROUP), 1, 1],
    workgroupSize: [WORKGROUP, 1, 1],
    size: true,
    uniforms: 'm : i32, n : i32, k : i32,',
    getUserCode: () => `
      fn main(index : i32) {
        if (index < uniforms.size) {
          let row = index / uniforms.n;
          let col = index - row * uniforms.n;
          var sum = 0.0;
          for (var k = 0; k < uniforms.k; k++) {
            sum = sum + f32(A[${aAt}]) * f32(B[${bAt}]);
          }
          ${hasBias ? 'sum = sum + f32(Bias[col]);' : ''}
          result[index] = ${ACTIVATIONS[a.activation]};
        }
      }`,
  };
}

export function webgpuMatMulKernel(): KernelConfig {
  return {
    kernelName: MAT_MUL,
    backendName: 'webgpu',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { a, b, bias } = inputs as Record<'a' | 'b', TensorInfo> & { bias?: TensorInfo };
      const at = attrs as unknown as MatMulKernelAttrs;
      const [aRows, aCols] = a.shape as [number, number];
      const [bRows, bCols] = b.shape as [number, number];
      const [m, k] = at.transposeA ? [aCols, aRows] : [aRows, aCols];
      const n = at.transposeB ? bRows : bCols;
      const uniforms = [m, n, k].map((x) => ({ type: 'int32' as const, data: [x] }));
      return (backend as WebGPUBackend).runWebGPUProgram(program(m, n, at, !!bias), bias ? [a, b, bias] : [a, b], 'float32', uniforms);
    },
  };
}

