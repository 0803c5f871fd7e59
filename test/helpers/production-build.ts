/**
 * `vite build` as `npm run build` does it, from inside Vitest. Vitest sets NODE_ENV to "test",
 * and under it the Svelte plugin compiles in dev mode (runtime checks, warnings, a bigger and
 * slower bundle); end-to-end tests and benchmarks must run what learners get.
 * LOOPLAB_DEV_BUILD=1 builds in dev mode instead, where the end-to-end harness fails a test on
 * any Svelte runtime warning: `LOOPLAB_DEV_BUILD=1 npm run test:e2e`.
 */
import { build, type InlineConfig } from 'vite';

export async function productionBuild(config: InlineConfig): Promise<void> {
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = process.env.LOOPLAB_DEV_BUILD === '1' ? 'development' : 'production';
  try {
    await build(config);
  } finally {
    process.env.NODE_ENV = before;
  }
}
