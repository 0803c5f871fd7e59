/** Benchmarks print their figures and write them to test/bench/results/<name>.json. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function writeResults(name: string, figures: Record<string, unknown>): string {
  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(figures, null, 2) + '\n');
  console.log(`\n${name} benchmark\n${JSON.stringify(figures, null, 2)}\nwritten to ${path}`);
  return path;
}
