/**
 * The fused kernels on the CPU and WASM backends: one JS loop each (maths.ts) over the
 * backend's own Float32Arrays, so a kernel costs one dispatch instead of a dozen. On WASM the
 * tensors live in the module's heap; views are taken after every output is allocated, since an
 * allocation may grow (and so detach) the heap.
 */
import type { KernelConfig, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs-core';
import { ACTIVATION_GRAD, ADAM_UPDATE, LOSS_STEP, MAT_MUL, type ActivationKernelAttrs, type AdamKernelAttrs, type LossKernelAttrs, type MatMulKernelAttrs } from './kernel-names';
import { activationGradLoop, adamLoop, lossLoop, productLoop } from './maths';

/** What the kernels need of a backend: new float32 outputs and a Float32Array for any tensor. */
interface ArrayAccess {
  output(shape: number[]): TensorInfo;
  array(t: TensorInfo): Float32Array;
}

interface CpuBackend {
  data: { get(dataId: object): { values: unknown } };
  makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): TensorInfo;
}
interface WasmBackend {
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
  typedArrayFromHeap(t: TensorInfo): unknown;
}

const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

const cpuAccess = (backend: unknown): ArrayAccess => {
  const b = backend as CpuBackend;
  return {
    output: (shape) => b.makeTensorInfo(shape, 'float32', new Float32Array(size(shape))),
    array: (t) => b.data.get(t.dataId).values as Float32Array,
  };
};

const wasmAccess = (backend: unknown): ArrayAccess => {
  const b = backend as WasmBackend;
  return { output: (shape) => b.makeOutput(shape, 'float32'), array: (t) => b.typedArrayFromHeap(t) as Float32Array };
};

const attrsOf = <T>(attrs: NamedAttrMap | undefined) => attrs as unknown as T;

function kernels(backendName: 'cpu' | 'wasm', access: (backend: unknown) => ArrayAccess): KernelConfig[] {
  return [
    {
      kernelName: ADAM_UPDATE,
      backendName,
      kernelFunc: ({ inputs, backend, attrs }) => {
        const a = access(backend);
        const { w, g, m, v } = inputs as Record<'w' | 'g' | 'm' | 'v', TensorInfo>;
        const outs = [a.output(w.shape), a.output(w.shape), a.output(w.shape)];
        const [wOut, mOut, vOut] = outs.map(a.array) as [Float32Array, Float32Array, Float32Array];
        adamLoop(a.array(w), a.array(g), a.array(m), a.array(v), wOut, mOut, vOut, attrsOf<AdamKernelAttrs>(attrs));
        return outs;
      },
    },
    {
      kernelName: LOSS_STEP,
      backendName,
      kernelFunc: ({ inputs, backend, attrs }) => {
        const a = access(backend);
        const { z, y, acc, w } = inputs as Record<'z' | 'y' | 'acc', TensorInfo> & { w?: TensorInfo };
        const outs = [a.output(z.shape), a.output(z.shape)];
        const [dz, accOut] = outs.map(a.array) as [Float32Array, Float32Array];
        const { kind, scale } = attrsOf<LossKernelAttrs>(attrs);
        lossLoop(kind, a.array(z), a.array(y), w ? a.array(w) : null, a.array(acc), dz, accOut, scale);
        return outs;
      },
    },
    {
      kernelName: ACTIVATION_GRAD,
      backendName,
      kernelFunc: ({ inputs, backend, attrs }) => {
        const a = access(backend);
        const { dy, h } = inputs as Record<'dy' | 'h', TensorInfo>;
        const out = a.output(h.shape);
        activationGradLoop(attrsOf<ActivationKernelAttrs>(attrs).activation, a.array(dy), a.array(h), a.array(out));
        return out;
      },
    },
  ];
}

/**
 * The blocked product (maths.ts) on CPU, four times TF.js's own there. Not on WASM, whose
 * XNNPACK product is faster still than any JS loop.
 */
const cpuProduct: KernelConfig = {
  kernelName: MAT_MUL,
  backendName: 'cpu',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const access = cpuAccess(backend);
    const { a, b, bias } = inputs as Record<'a' | 'b', TensorInfo> & { bias?: TensorInfo };
    const { transposeA, transposeB, activation } = attrsOf<MatMulKernelAttrs>(attrs);
    const [aRows, aCols] = a.shape as [number, number];
    const [bRows, bCols] = b.shape as [number, number];
    const [m, k] = transposeA ? [aCols, aRows] : [aRows, aCols];
    const n = transposeB ? bRows : bCols;
    const out = access.output([m, n]);
    const [ai, ak] = transposeA ? [1, aCols] : [aCols, 1];
    const [bk, bj] = transposeB ? [1, bCols] : [bCols, 1];
    productLoop(access.array(a), ai, ak, access.array(b), bk, bj, access.array(out), m, k, n, bias ? access.array(bias) : null, activation);
    return out;
  },
};

export const cpuKernels = (): KernelConfig[] => [...kernels('cpu', cpuAccess), cpuProduct];
export const wasmKernels = (): KernelConfig[] => kernels('wasm', wasmAccess);
