/**
 * Builds the app in bench mode (the same code, plus window.__looplab for timing steps the UI
 * does not time) into dist/bench, and serves it on 127.0.0.1.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import { productionBuild } from '../helpers/production-build';
import { largeCsv } from '../fixtures/csv/generate';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    benchUrl: string;
    benchDir: string;
    benchRows: number;
  }
}

const OUT = 'dist/bench';
/**
 * Served cross-origin isolated, as issue 5 asks WASM to be measured: SharedArrayBuffer is there,
 * so nothing but the app's own choice keeps WASM single-threaded (see train/backends.ts).
 */
const ISOLATION = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
let server: PreviewServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  await productionBuild({ logLevel: 'warn', configFile: 'vite.config.ts', mode: 'bench', build: { outDir: OUT, emptyOutDir: true } });
  // Written before the server starts: vite preview lists its files once, at start.
  const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
  writeFileSync(join(OUT, 'bench-import.csv'), largeCsv(rows));
  project.provide('benchRows', rows);
  server = await preview({ logLevel: 'warn', configFile: 'vite.config.ts', build: { outDir: OUT }, preview: { host: '127.0.0.1', port: 4417, strictPort: false, open: false, headers: ISOLATION } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a local URL');
  project.provide('benchUrl', url);
  project.provide('benchDir', OUT);
}

export async function teardown(): Promise<void> {
  await server?.close();
}
