/**
 * The automatic backend choice, as a pure function of what the browser reports. On a machine
 * without a GPU, Chromium's WebGPU runs on a software adapter (SwiftShader) and is tens of times
 * slower than WASM, so "navigator.gpu exists" is not enough: the adapter must be hardware.
 */
import type { BackendName } from './model-spec';

export interface AdapterInfo {
  /** GPUAdapter.isFallbackAdapter (or info.isFallbackAdapter) */
  isFallbackAdapter: boolean;
  vendor: string;
  architecture: string;
  description: string;
}

export interface BackendEnvironment {
  /** null when there is no navigator.gpu or no adapter */
  webgpu: AdapterInfo | null;
  wasm: boolean;
  /** WASM threads need cross-origin isolation (SharedArrayBuffer) */
  wasmThreads: boolean;
  webgl: boolean;
}

export interface BackendChoice {
  backend: BackendName;
  /** why, in a sentence for the user */
  reason: string;
  /** every available backend, best first: what to fall back to when one fails */
  order: BackendName[];
}

const SOFTWARE = /swiftshader|llvmpipe|lavapipe|software|microsoft basic render/i;

/** Whether a WebGPU adapter is emulated on the CPU. */
export function isSoftwareAdapter(a: AdapterInfo): boolean {
  return a.isFallbackAdapter || SOFTWARE.test(`${a.vendor} ${a.architecture} ${a.description}`);
}

export function availableBackends(env: BackendEnvironment): BackendName[] {
  const hardwareGpu = env.webgpu !== null && !isSoftwareAdapter(env.webgpu);
  const order: BackendName[] = [];
  if (hardwareGpu) order.push('webgpu');
  if (env.wasm) order.push('wasm');
  if (env.webgl) order.push('webgl');
  // A software WebGPU adapter still works: last but one, before the plain JS CPU backend.
  if (env.webgpu !== null && !hardwareGpu) order.push('webgpu');
  order.push('cpu');
  return order;
}

/**
 * The fastest backend actually available: WebGPU on a hardware adapter, else WASM, else WebGL,
 * else CPU. Measured speeds (samples per second), when given, settle it instead.
 */
export function chooseBackend(env: BackendEnvironment, measured?: Partial<Record<BackendName, number>>): BackendChoice {
  const order = availableBackends(env);
  const timed = order.filter((b) => (measured?.[b] ?? 0) > 0);
  if (timed.length > 0) {
    const best = timed.reduce((a, b) => (measured![b]! > measured![a]! ? b : a));
    const rate = Math.round(measured![best]!).toLocaleString('en');
    return { backend: best, reason: `${NAMES[best]} trained fastest when measured here (${rate} samples/s).`, order: [best, ...order.filter((b) => b !== best)] };
  }
  const first = order[0]!;
  let reason: string;
  if (first === 'webgpu') reason = `WebGPU on a hardware GPU (${env.webgpu!.vendor || env.webgpu!.description || 'adapter'}) is the fastest backend.`;
  else if (first === 'wasm') {
    const gpu = env.webgpu ? 'WebGPU here runs on a software adapter, which is far slower than WASM' : 'This browser offers no WebGPU adapter';
    reason = `${gpu}; WASM (with SIMD, single-threaded) is the fastest backend available.`;
  } else if (first === 'webgl') reason = 'WASM is not available here; WebGL is the next fastest.';
  else reason = 'No accelerated backend is available; the plain JavaScript CPU backend is slow but always works.';
  return { backend: first, reason, order };
}

export const NAMES: Record<BackendName, string> = { webgpu: 'WebGPU', wasm: 'WASM', webgl: 'WebGL', cpu: 'CPU' };
