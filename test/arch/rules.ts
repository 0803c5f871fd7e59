/**
 * The import rules of DESIGN.md, as code. Each source file gets a place (what kind of file it
 * is), each import a target place, and a rule says which targets each place may reach.
 *
 * Type-only imports (`import type …`) are exempt: they vanish at build time and couple nothing
 * at run time (a view may name a row type from storage/rows.ts).
 */

export const STAGE_ORDER = ['plan', 'data', 'prepare', 'train', 'evaluate', 'ship', 'monitor'] as const;
type Stage = (typeof STAGE_ORDER)[number];

export type Place =
  | { kind: 'entry' } // src/main.ts
  | { kind: 'shared' }
  | { kind: 'storage' }
  | { kind: 'worker' } // workers/*.worker.ts, and workers/in-worker/ (code that runs only inside a worker)
  | { kind: 'worker-client' } // workers/ protocol and client
  | { kind: 'app-pure' } // app/*.ts
  | { kind: 'view-dom' } // app/dom/*.ts: browser helpers for views (focus), the only .ts outside views that touches the DOM on purpose
  | { kind: 'app-state' } // app/*.svelte.ts
  | { kind: 'app-view' } // app/*.svelte
  | { kind: 'pure'; stage: Stage; tf: boolean } // a stage's *.ts (train/ may use TF.js)
  | { kind: 'state'; stage: Stage } // a stage's *.svelte.ts
  | { kind: 'view'; stage: Stage } // a stage's views/*.svelte
  | { kind: 'unknown' };

export type Target = Place | { kind: 'package'; name: string };

/** The place of a file, from its path relative to src/ (forward slashes). */
export function placeOf(path: string): Place {
  const parts = path.split('/');
  const top = parts[0]!;
  const file = parts[parts.length - 1]!;
  if (path === 'main.ts') return { kind: 'entry' };
  if (top === 'shared') return { kind: 'shared' };
  if (top === 'storage') return { kind: 'storage' };
  if (top === 'workers') return file.endsWith('.worker.ts') || parts[1] === 'in-worker' ? { kind: 'worker' } : { kind: 'worker-client' };
  if (top === 'app') {
    if (parts[1] === 'dom' && parts.length === 3 && file.endsWith('.ts') && !file.endsWith('.svelte.ts')) return { kind: 'view-dom' };
    if (file.endsWith('.svelte')) return { kind: 'app-view' };
    if (file.endsWith('.svelte.ts')) return { kind: 'app-state' };
    return { kind: 'app-pure' };
  }
  if ((STAGE_ORDER as readonly string[]).includes(top)) {
    const stage = top as Stage;
    if (file.endsWith('.svelte')) return parts[1] === 'views' ? { kind: 'view', stage } : { kind: 'unknown' };
    if (file.endsWith('.svelte.ts')) return { kind: 'state', stage };
    if (parts[1] === 'views') return { kind: 'unknown' };
    return { kind: 'pure', stage, tf: stage === 'train' };
  }
  return { kind: 'unknown' };
}

/** The package an import names: 'svelte/store' → 'svelte', '@tensorflow/tfjs-core' → '@tensorflow/tfjs-core'. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

const isTf = (name: string) => name.startsWith('@tensorflow/');
const earlierOrSame = (a: Stage, b: Stage) => STAGE_ORDER.indexOf(a) <= STAGE_ORDER.indexOf(b);

/** Pure packages anyone may use (no framework, no database, no TF.js, no DOM). */
const PURE_PACKAGES = new Set(['valibot', 'seedrandom', 'papaparse', 'fflate', 'comlink', 'hash-wasm']);

/** Why `from` may not import `to`, or null when it may. */
export function violation(from: Place, to: Target): string | null {
  if (from.kind === 'unknown') return 'this file is in no place that DESIGN.md names';
  if (to.kind === 'unknown') return 'the imported file is in no place that DESIGN.md names';
  if (from.kind === 'entry') return null;

  if (to.kind === 'package') {
    const name = to.name;
    if (name === 'dexie') return from.kind === 'storage' ? null : 'only storage/ may import dexie';
    if (isTf(name)) return from.kind === 'pure' && from.tf ? null : 'only train/ pure files may import TF.js';
    if (name === 'svelte') {
      // app/dom/ may: its helpers wait for svelte's tick before they look at the page.
      const ui = ['app-view', 'app-state', 'view', 'state', 'view-dom'].includes(from.kind);
      return ui ? null : 'pure code, storage and workers may not import svelte';
    }
    if (name === 'plotly.js-dist-min') return from.kind === 'app-view' || from.kind === 'view' ? null : 'only views may import Plotly';
    if (PURE_PACKAGES.has(name)) return null;
    return `package ${name} is not on the allowed list in test/arch/rules.ts`;
  }

  const isPureTarget = to.kind === 'shared' || to.kind === 'pure' || to.kind === 'app-pure';
  switch (from.kind) {
    case 'shared':
      return to.kind === 'shared' ? null : 'shared/ may import only shared/';
    case 'storage':
      return to.kind === 'storage' || to.kind === 'shared' ? null : 'storage/ may import only storage/, shared/ and dexie';
    case 'pure':
      if (to.kind === 'shared') return null;
      if (to.kind === 'pure' && earlierOrSame(to.stage, from.stage)) return null;
      return 'a stage’s pure files may import only shared/, their own stage and earlier stages’ pure files';
    case 'app-pure':
      return to.kind === 'shared' || to.kind === 'pure' || to.kind === 'app-pure' ? null : 'app/*.ts may import only pure files';
    case 'state':
    case 'app-state':
      if (isPureTarget || to.kind === 'storage' || to.kind === 'worker-client') return null;
      return 'state may import only pure files, storage/ and the workers client';
    case 'view':
      if (to.kind === 'view' && to.stage === from.stage) return null;
      if (to.kind === 'state' && to.stage === from.stage) return null;
      if (to.kind === 'pure' && to.stage === from.stage) return null;
      if (to.kind === 'shared' || to.kind === 'app-view' || to.kind === 'view-dom') return null;
      return 'a view may import only its stage’s state, views and pure files, shared/, app/ widgets and app/dom/';
    case 'app-view':
      if (to.kind === 'app-view' || to.kind === 'app-state' || to.kind === 'view' || to.kind === 'view-dom' || isPureTarget) return null;
      return 'the shell’s views may import only app/, stage views and pure files';
    case 'view-dom':
      return to.kind === 'shared' || to.kind === 'view-dom' ? null : 'app/dom/ may import only shared/ and app/dom/';
    case 'worker':
      return isPureTarget || to.kind === 'storage' || to.kind === 'worker-client' || to.kind === 'worker' ? null : 'a worker may import only pure files, storage/, the protocol and in-worker code';
    case 'worker-client':
      return isPureTarget || to.kind === 'worker-client' || to.kind === 'worker' ? null : 'the workers client may import only pure files and workers/';
  }
}

export interface ImportRef {
  specifier: string;
  typeOnly: boolean;
}

/** The imports of a TypeScript or Svelte source: static, re-exports and dynamic import(). */
export function importsOf(source: string): ImportRef[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const refs: ImportRef[] = [];
  const staticRe = /\b(import|export)\s+(type\s+)?(?:[\w*${}\s,]+?\s+from\s+)?['"]([^'"]+)['"]/g;
  for (const m of code.matchAll(staticRe)) refs.push({ specifier: m[3]!, typeOnly: !!m[2] });
  for (const m of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) refs.push({ specifier: m[1]!, typeOnly: false });
  return refs;
}

/** DOM globals that pure files must not touch. */
export function domUses(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '').replace(/(['"`])(?:\\.|(?!\1).)*\1/g, '""');
  return [...code.matchAll(/\b(document|window|localStorage|sessionStorage|navigator)\s*[.[]/g)].map((m) => m[1]!);
}
