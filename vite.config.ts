/// <reference types="vitest/config" />
import { join } from 'node:path';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// CI sets LOOPLAB_REPORT_DIR so .ci/run can count passed and failed tests across both projects.
const reportDir = process.env.LOOPLAB_REPORT_DIR;
const reportName = process.env.npm_lifecycle_event ?? 'vitest';

export default defineConfig({
  // Relative asset URLs: the build works from any folder of any static server, or offline.
  base: './',
  plugins: [svelte({ configFile: false })],
  // Plotly (4.6 MB) is a lazily loaded chunk of its own, fetched only when a chart is shown.
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 5000 },
  worker: { format: 'es' },
  test: {
    reporters: reportDir ? ['default', 'json'] : ['default'],
    ...(reportDir ? { outputFile: { json: join(reportDir, `${reportName}.json`) } } : {}),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts', 'test/storage/**/*.test.ts', 'test/arch/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          // One browser at a time: the machines that run this have two cores.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'bench',
          environment: 'node',
          include: ['test/bench/**/*.bench.ts'],
          globalSetup: ['test/bench/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 1_800_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
