// Makes sure a Chromium exists before the end-to-end tests: found at CHROMIUM_PATH or a usual
// place, else installed with Debian's apt-get when we are root, else one line saying how.
import { execFileSync } from 'node:child_process';
import { findChromium } from './chromium.mjs';

const HOW = 'Install Chromium first, e.g. `sudo apt-get install chromium` on Debian/Ubuntu, or set CHROMIUM_PATH to a Chromium or Chrome binary.';

if (process.env.CHROMIUM_PATH && !findChromium()) {
  console.error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, but no executable is there. ${HOW}`);
  process.exit(1);
}

if (!findChromium()) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  let hasApt;
  try {
    execFileSync('apt-get', ['--version'], { stdio: 'ignore' });
    hasApt = true;
  } catch {
    hasApt = false;
  }
  if (isRoot && hasApt) {
    console.log('No Chromium found: installing Debian’s chromium with apt-get (needed by the end-to-end tests)…');
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
      execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    } catch {
      console.error(`Installing chromium with apt-get failed. ${HOW}`);
      process.exit(1);
    }
  }
  if (!findChromium()) {
    console.error(`The end-to-end tests need Chromium, and none was found. ${HOW}`);
    process.exit(1);
  }
}
