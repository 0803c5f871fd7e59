/**
 * Loading a TF.js backend on demand: each backend is its own chunk, fetched only when chosen,
 * so the page and the worker start without any of them.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BackendName } from './model-spec';

async function register(name: BackendName): Promise<void> {
  switch (name) {
    case 'cpu':
      await import('@tensorflow/tfjs-backend-cpu');
      return;
    case 'webgl':
      await import('@tensorflow/tfjs-backend-webgl');
      return;
    case 'webgpu':
      await import('@tensorflow/tfjs-backend-webgpu');
      return;
    case 'wasm': {
      const [wasm, plain, simd, threaded] = await Promise.all([
        import('@tensorflow/tfjs-backend-wasm'),
        import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url'),
        import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url'),
        import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url'),
      ]);
      // Emscripten's pthread workers cannot find their script inside a bundled module worker
      // (they fail with "e is not defined"), so the threaded build is never tried, even on a
      // cross-origin isolated page: single-threaded SIMD it is.
      tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
      // The binaries are bundled assets, served beside the app: nothing is fetched from a CDN.
      wasm.setWasmPaths({ 'tfjs-backend-wasm.wasm': plain.default, 'tfjs-backend-wasm-simd.wasm': simd.default, 'tfjs-backend-wasm-threaded-simd.wasm': threaded.default });
    }
  }
}

/** Make `name` the active backend; throws when it cannot start here. */
export async function useBackend(name: BackendName): Promise<void> {
  if (tf.getBackend() === name) return;
  await register(name);
  if (!(await tf.setBackend(name))) throw new Error(`The ${name} backend could not start in this browser.`);
  await tf.ready();
}

export function tfVersion(): string {
  return tf.version_core;
}
