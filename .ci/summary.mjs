// Adds up the Vitest JSON reports that `npm test` wrote (unit and end-to-end) and prints the
// closing line "N passed, N failed". A non-zero exit with no failed test (type-check or lint
// broke, or a test run crashed) counts as one failure, so the line never reads green by mistake.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, statusText] = process.argv.slice(2);
const status = Number(statusText);
let passed = 0;
let failed = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const report = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
}
if (status !== 0 && failed === 0) {
  console.log('npm test failed outside the test runners (type-check, lint, build or setup): see above.');
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed`);
