/** What TF.js's WebGPU backend reads from a program (its WebGPUProgram interface) and how it runs one. */
import type { TensorInfo } from '@tensorflow/tfjs-core';

export interface WebGPUProgram {
  variableNames: string[];
  outputShape: number[];
  shaderKey: string;
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number];
  size: true;
  uniforms?: string;
  getUserCode(): string;
}

export interface WebGPUBackend {
  runWebGPUProgram(program: WebGPUProgram, inputs: TensorInfo[], dtype: 'float32', uniforms?: { type: 'float32' | 'int32'; data: number[] }[]): TensorInfo;
}
