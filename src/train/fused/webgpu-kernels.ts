/**
 * The fused kernels on WebGPU: one WGSL compute program per output (TF.js binds one output
 * buffer a program), elementwise over flat buffers of equal size. Changing numbers are
 * uniforms, so each pipeline compiles once. Inputs are read through f32(): a float32 tensor
 * cast from booleans may still sit in an int32 buffer.
 */
import type { KernelConfig, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs-core';
import { ACTIVATION_GRAD, ADAM_UPDATE, LOSS_STEP, type ActivationKernelAttrs, type AdamKernelAttrs, type LossKernelAttrs } from './kernel-names';
import type { GradientActivation, LossKind } from './maths';
import type { WebGPUBackend, WebGPUProgram } from './webgpu-program';

const WORKGROUP = 64;

function program(key: string, variableNames: string[], outputShape: number[], body: string, uniforms: string[] = []): WebGPUProgram {
  const size = outputShape.reduce((a, b) => a * b, 1);
  return {
    variableNames,
    outputShape,
    shaderKey: `looplab_${key}`,
    dispatchLayout: { x: outputShape.map((_, i) => i) },
    dispatch: [Math.ceil(size / WORKGROUP), 1, 1],
    workgroupSize: [WORKGROUP, 1, 1],
    size: true,
    ...(uniforms.length > 0 ? { uniforms: uniforms.map((u) => `${u} : f32,`).join(' ') } : {}),
    getUserCode: () => `
      fn main(index : i32) {
        if (index < uniforms.size) {
${variableNames.map((v) => `          let ${v.toLowerCase()} = f32(${v}[index]);`).join('\n')}
          ${body}
        }
      }`,
  };
}

const floats = (values: number[]) => values.map((x) => ({ type: 'float32' as const, data: [x] }));

const ADAM_UNIFORMS = ['learningRate', 'beta1', 'keep1', 'beta2', 'keep2', 'epsilon', 'correction1', 'correction2'];
const MOMENTS = `let m1 = uniforms.beta1 * m + uniforms.keep1 * g;
          let v1 = uniforms.beta2 * v + uniforms.keep2 * g * g;`;
const ADAM_OUTPUTS: [string, string][] = [
  ['w', 'result[index] = w - uniforms.learningRate * (m1 / uniforms.correction1) / (sqrt(v1 / uniforms.correction2) + uniforms.epsilon);'],
  ['m', 'result[index] = m1;'],
  ['v', 'result[index] = v1;'],
];

function lossBody(kind: LossKind, output: 'dz' | 'acc'): string {
  if (kind === 'sigmoid-cross-entropy') {
    return `let e = exp(-abs(z));
          let sig = select(e / (1.0 + e), 1.0 / (1.0 + e), z >= 0.0);
          ${output === 'dz' ? 'result[index] = uniforms.scale * weight * (sig - y);' : 'result[index] = acc + weight * (max(z, 0.0) - z * y + log(1.0 + e));'}`;
  }
  return `let d = z - y;
          ${output === 'dz' ? 'result[index] = 2.0 * uniforms.scale * weight * d;' : 'result[index] = acc + weight * d * d;'}`;
}

const ACTIVATION_BODIES: Record<GradientActivation, string> = {
  relu: 'result[index] = select(0.0, dy, h > 0.0);',
  elu: 'result[index] = select(dy * (h + 1.0), dy, h >= 0.0);',
  tanh: 'result[index] = dy * (1.0 - h * h);',
  sigmoid: 'result[index] = dy * h * (1.0 - h);',
};

const attrsOf = <T>(attrs: NamedAttrMap | undefined) => attrs as unknown as T;

export function webgpuKernels(): KernelConfig[] {
  return [
    {
      kernelName: ADAM_UPDATE,
      backendName: 'webgpu',
      kernelFunc: ({ inputs, backend, attrs }) => {
        const b = backend as WebGPUBackend;
        const { w, g, m, v } = inputs as Record<'w' | 'g' | 'm' | 'v', TensorInfo>;
        const a = attrsOf<AdamKernelAttrs>(attrs);
        const uniforms = floats([a.learningRate, a.beta1, 1 - a.beta1, a.beta2, 1 - a.beta2, a.epsilon, a.correction1, a.correction2]);
        return ADAM_OUTPUTS.map(([name, out]) => b.runWebGPUProgram(program(`adam_${name}`, ['W', 'G', 'M', 'V'], w.shape, `${MOMENTS}\n          ${out}`, ADAM_UNIFORMS), [w, g, m, v], 'float32', uniforms));
      },
    },
    {
      kernelName: LOSS_STEP,
      backendName: 'webgpu',
      kernelFunc: ({ inputs, backend, attrs }) => {
        const b = backend as WebGPUBackend;
        const { z, y, acc, w } = inputs as Record<'z' | 'y' | 'acc', TensorInfo> & { w?: TensorInfo };
        const { kind, scale } = attrsOf<LossKernelAttrs>(attrs);
        const names = w ? ['Z', 'Y', 'Acc', 'Weight'] : ['Z', 'Y', 'Acc'];
        const weight = w ? '' : 'let weight = 1.0;\n          ';
        const run = (output: 'dz' | 'acc') =>
          b.runWebGPUProgram(program(`loss_${kind}_${output}_${w ? 'weighted' : 'plain'}`, names, z.shape, weight + lossBody(kind, output), ['scale']), w ? [z, y, acc, w] : [z, y, acc], 'float32', floats([scale]));
        return [run('dz'), run('acc')];
      },
    },
    {
      kernelName: ACTIVATION_GRAD,
      backendName: 'webgpu',
      kernelFunc: ({ inputs, backend, attrs }) => {
        const { dy, h } = inputs as Record<'dy' | 'h', TensorInfo>;
        const { activation } = attrsOf<ActivationKernelAttrs>(attrs);
        return (backend as WebGPUBackend).runWebGPUProgram(program(`activation_grad_${activation}`, ['Dy', 'H'], h.shape, ACTIVATION_BODIES[activation]), [dy, h], 'float32');
      },
    },
  ];
}
