/**
 * The fused kernels on WebGL: one fragment program per output (WebGL programs write one
 * texture each), all packed — they read and write the 2×2-texel layout TF.js's matrix products
 * use, so no pack or unpack pass runs between them and the products. Changing numbers (the
 * learning rate's bias corrections) are uniforms, so each shader compiles once per shape.
 */
import type { KernelConfig, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs-core';
import { ACTIVATION_GRAD, ADAM_UPDATE, LOSS_STEP, type ActivationKernelAttrs, type AdamKernelAttrs, type LossKernelAttrs } from './kernel-names';
import type { GradientActivation, LossKind } from './maths';

interface PackedProgram {
  variableNames: string[];
  outputShape: number[];
  userCode: string;
  packedInputs: true;
  packedOutput: true;
  customUniforms?: { name: string; type: 'float' }[];
}

interface WebGLBackend {
  compileAndRun(program: PackedProgram, inputs: TensorInfo[], dtype?: 'float32', uniforms?: number[][]): TensorInfo;
}

/**
 * Packed textures hold 2×2 blocks, so a matrix with an odd number of rows or columns has padding
 * lanes. TF.js's products read them (the inner dimension is rounded up to even) and expect
 * zeros, so every program here writes zeros there, as TF.js's own packed programs do.
 */
function paddingLanes(shape: number[]): string {
  if (shape.length === 1) return `int c = getOutputCoords();\n  bool nextColOut = c + 1 >= ${shape[0]};\n  bool nextRowOut = true;`;
  return `ivec2 c = getOutputCoords();\n  bool nextRowOut = c.x + 1 >= ${shape[0]};\n  bool nextColOut = c.y + 1 >= ${shape[1]};`;
}

function program(variableNames: string[], outputShape: number[], body: string, uniforms: string[] = []): PackedProgram {
  if (outputShape.length < 1 || outputShape.length > 2) throw new Error('The fused WebGL kernels take tensors of rank 1 or 2.');
  return {
    variableNames,
    outputShape,
    packedInputs: true,
    packedOutput: true,
    customUniforms: uniforms.map((name) => ({ name, type: 'float' })),
    userCode: `
void setMasked(vec4 result) {
  ${paddingLanes(outputShape)}
  result.y = nextColOut ? 0.0 : result.y;
  result.z = nextRowOut ? 0.0 : result.z;
  result.w = nextColOut || nextRowOut ? 0.0 : result.w;
  setOutput(result);
}
void main() {
${variableNames.map((v) => `  vec4 ${v.toLowerCase()} = get${v}AtOutCoords();`).join('\n')}
${body.replaceAll('setOutput(', 'setMasked(')}
}`,
  };
}

const ADAM_UNIFORMS = ['uLearningRate', 'uBeta1', 'uKeep1', 'uBeta2', 'uKeep2', 'uEpsilon', 'uCorrection1', 'uCorrection2'];
const MOMENTS = `
  vec4 m1 = uBeta1 * m + uKeep1 * g;
  vec4 v1 = uBeta2 * v + uKeep2 * g * g;`;
const ADAM_OUTPUTS = ['setOutput(w - uLearningRate * (m1 / uCorrection1) / (sqrt(v1 / uCorrection2) + uEpsilon));', 'setOutput(m1);', 'setOutput(v1);'];

function lossBody(kind: LossKind, output: 'dz' | 'acc'): string {
  if (kind === 'sigmoid-cross-entropy') {
    return `
  vec4 e = exp(-abs(z));
  vec4 sig = mix(e / (1.0 + e), 1.0 / (1.0 + e), vec4(greaterThanEqual(z, vec4(0.0))));
  ${output === 'dz' ? 'setOutput(uScale * weight * (sig - y));' : 'setOutput(acc + weight * (max(z, vec4(0.0)) - z * y + log(1.0 + e)));'}`;
  }
  return `
  vec4 d = z - y;
  ${output === 'dz' ? 'setOutput(2.0 * uScale * weight * d);' : 'setOutput(acc + weight * d * d);'}`;
}

const ACTIVATION_BODIES: Record<GradientActivation, string> = {
  relu: 'setOutput(dy * vec4(greaterThan(h, vec4(0.0))));',
  elu: 'setOutput(mix(dy * (h + 1.0), dy, vec4(greaterThanEqual(h, vec4(0.0)))));',
  tanh: 'setOutput(dy * (1.0 - h * h));',
  sigmoid: 'setOutput(dy * h * (1.0 - h));',
};

const attrsOf = <T>(attrs: NamedAttrMap | undefined) => attrs as unknown as T;

export function webglKernels(): KernelConfig[] {
  return [
    {
      kernelName: ADAM_UPDATE,
      backendName: 'webgl',
      kernelFunc: ({ inputs, backend, attrs }) => {
        const b = backend as WebGLBackend;
        const { w, g, m, v } = inputs as Record<'w' | 'g' | 'm' | 'v', TensorInfo>;
        const a = attrsOf<AdamKernelAttrs>(attrs);
        const values = [a.learningRate, a.beta1, 1 - a.beta1, a.beta2, 1 - a.beta2, a.epsilon, a.correction1, a.correction2].map((x) => [x]);
        return ADAM_OUTPUTS.map((out) => b.compileAndRun(program(['W', 'G', 'M', 'V'], w.shape, MOMENTS + '\n  ' + out, ADAM_UNIFORMS), [w, g, m, v], 'float32', values));
      },
    },
    {
      kernelName: LOSS_STEP,
      backendName: 'webgl',
      kernelFunc: ({ inputs, backend, attrs }) => {
        const b = backend as WebGLBackend;
        const { z, y, acc, w } = inputs as Record<'z' | 'y' | 'acc', TensorInfo> & { w?: TensorInfo };
        const { kind, scale } = attrsOf<LossKernelAttrs>(attrs);
        const names = w ? ['Z', 'Y', 'Acc', 'Weight'] : ['Z', 'Y', 'Acc'];
        const weight = w ? '' : '  vec4 weight = vec4(1.0);\n';
        const run = (output: 'dz' | 'acc') => b.compileAndRun(program(names, z.shape, weight + lossBody(kind, output), ['uScale']), w ? [z, y, acc, w] : [z, y, acc], 'float32', [[scale]]);
        return [run('dz'), run('acc')];
      },
    },
    {
      kernelName: ACTIVATION_GRAD,
      backendName: 'webgl',
      kernelFunc: ({ inputs, backend, attrs }) => {
        const { dy, h } = inputs as Record<'dy' | 'h', TensorInfo>;
        const { activation } = attrsOf<ActivationKernelAttrs>(attrs);
        return (backend as WebGLBackend).compileAndRun(program(['Dy', 'H'], h.shape, ACTIVATION_BODIES[activation]), [dy, h]);
      },
    },
  ];
}
