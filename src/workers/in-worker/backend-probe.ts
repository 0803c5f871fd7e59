/** What the worker's browser offers for TF.js: a WebGPU adapter (and whether it is software), WASM, WebGL. */
import type { AdapterInfo, BackendEnvironment } from '../../train/backend-choice';

interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: { vendor?: string; architecture?: string; description?: string; isFallbackAdapter?: boolean };
}

async function webgpuAdapter(): Promise<AdapterInfo | null> {
  const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } }).gpu;
  if (!gpu) return null;
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return null;
    const info = adapter.info ?? {};
    return {
      // Older Chromium puts the flag on the adapter, newer on adapter.info.
      isFallbackAdapter: Boolean(adapter.isFallbackAdapter ?? info.isFallbackAdapter),
      vendor: info.vendor ?? '',
      architecture: info.architecture ?? '',
      description: info.description ?? '',
    };
  } catch {
    return null;
  }
}

function hasWebgl(): boolean {
  try {
    return typeof OffscreenCanvas !== 'undefined' && new OffscreenCanvas(1, 1).getContext('webgl2') !== null;
  } catch {
    return false;
  }
}

export async function probeBackends(): Promise<BackendEnvironment> {
  const wasm = typeof WebAssembly === 'object';
  return { webgpu: await webgpuAdapter(), wasm, wasmThreads: wasm && globalThis.crossOriginIsolated === true, webgl: hasWebgl() };
}
