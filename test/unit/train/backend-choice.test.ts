import { describe, expect, test } from 'vitest';
import { availableBackends, chooseBackend, isSoftwareAdapter, type AdapterInfo, type BackendEnvironment } from '../../../src/train/backend-choice';

const swiftshader: AdapterInfo = { isFallbackAdapter: true, vendor: 'google', architecture: 'swiftshader', description: '' };
/** Some Chromium builds report a software adapter without the fallback flag: the name gives it away. */
const unflaggedSoftware: AdapterInfo = { isFallbackAdapter: false, vendor: 'mesa', architecture: '', description: 'llvmpipe (LLVM 15.0.6, 256 bits)' };
const nvidia: AdapterInfo = { isFallbackAdapter: false, vendor: 'nvidia', architecture: 'hopper', description: 'NVIDIA H100' };
const env = (webgpu: AdapterInfo | null, more: Partial<BackendEnvironment> = {}): BackendEnvironment => ({ webgpu, wasm: true, wasmThreads: false, webgl: true, ...more });

describe('backend choice', () => {
  test('a hardware adapter: WebGPU first', () => {
    const choice = chooseBackend(env(nvidia));
    expect(choice.backend).toBe('webgpu');
    expect(choice.order).toEqual(['webgpu', 'wasm', 'webgl', 'cpu']);
    expect(choice.reason).toContain('hardware GPU (nvidia)');
  });

  test('a software adapter (SwiftShader, flagged or not): WASM first, WebGPU last but one', () => {
    for (const adapter of [swiftshader, unflaggedSoftware]) {
      expect(isSoftwareAdapter(adapter)).toBe(true);
      const choice = chooseBackend(env(adapter));
      expect(choice.backend).toBe('wasm');
      expect(choice.order).toEqual(['wasm', 'webgl', 'webgpu', 'cpu']);
      expect(choice.reason).toMatch(/software adapter, which is far slower than WASM/);
    }
  });

  test('no WebGPU: WASM, then WebGL, then CPU, as they exist', () => {
    expect(chooseBackend(env(null)).backend).toBe('wasm');
    expect(chooseBackend(env(null)).reason).toBe('This browser offers no WebGPU adapter; WASM (with SIMD, single-threaded) is the fastest backend available.');
    expect(chooseBackend(env(null, { wasm: false })).backend).toBe('webgl');
    expect(chooseBackend(env(null, { wasm: false, webgl: false }))).toMatchObject({ backend: 'cpu', order: ['cpu'] });
    expect(availableBackends(env(null, { webgl: false }))).toEqual(['wasm', 'cpu']);
  });

  test('measured speeds settle it, among available backends only', () => {
    const choice = chooseBackend(env(swiftshader), { wasm: 35_000, cpu: 13_000, webgl: 5_000, webgpu: 1_000 });
    expect(choice).toMatchObject({ backend: 'wasm', order: ['wasm', 'webgl', 'webgpu', 'cpu'] });
    expect(choice.reason).toBe('WASM trained fastest when measured here (35,000 samples/s).');
    expect(chooseBackend(env(nvidia), { wasm: 35_000, webgpu: 90_000 }).backend).toBe('webgpu');
    // A measurement of a backend that is not available is ignored.
    expect(chooseBackend(env(null, { wasm: false }), { wasm: 99_000, webgl: 5_000 }).backend).toBe('webgl');
  });
});
