/**
 * Builds the app once, serves the build on 127.0.0.1 (a plain static server: vite preview),
 * and hands its URL to the end-to-end tests.
 */
import { preview, type PreviewServer } from 'vite';
import { productionBuild } from '../helpers/production-build';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: PreviewServer | undefined;
/** A folder of its own: the benchmarks build into dist/bench, and neither build may wipe the other's while it runs. */
const OUT = 'dist/e2e';

export async function setup(project: TestProject): Promise<void> {
  await productionBuild({ logLevel: 'warn', configFile: 'vite.config.ts', mode: 'production', build: { outDir: OUT, emptyOutDir: true } });
  server = await preview({ logLevel: 'warn', configFile: 'vite.config.ts', build: { outDir: OUT }, preview: { host: '127.0.0.1', port: 4317, strictPort: false, open: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a local URL');
  project.provide('baseUrl', url);
}

export async function teardown(): Promise<void> {
  await server?.close();
}
