/** A file for a test to pick in the browser: written to a new temporary folder, its path returned. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempFile(name: string, content: string | Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'looplab-file-')), name);
  writeFileSync(file, content);
  return file;
}
