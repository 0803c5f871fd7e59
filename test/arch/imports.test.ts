import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, normalize, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { domUses, importsOf, packageName, placeOf, violation, type Place, type Target } from './rules';

const SRC = join(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|svelte)$/.test(entry.name) ? [relative(SRC, path).split('\\').join('/')] : [];
  });
}

function targetOf(fromFile: string, specifier: string): Target | null {
  if (!specifier.startsWith('.')) return { kind: 'package', name: packageName(specifier) };
  const path = normalize(join(dirname(fromFile), specifier.replace(/\?.*$/, ''))).split('\\').join('/');
  if (path.startsWith('..')) return { kind: 'unknown' };
  if (/\.css$/.test(path)) return null; // stylesheets carry no code
  // './plan.svelte' names plan.svelte.ts (state modules are lower-case; components PascalCase).
  const stateModule = /\.svelte$/.test(path) && (existsSync(join(SRC, `${path}.ts`)) || /^[a-z]/.test(basename(path)));
  const withExt = stateModule ? `${path}.ts` : /\.(ts|svelte|js)$/.test(path) ? path : `${path}.ts`;
  return placeOf(withExt);
}

/** Every broken rule in the source tree, as 'file → import: reason'. */
function problemsIn(files: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const [file, source] of Object.entries(files)) {
    const from = placeOf(file);
    for (const ref of importsOf(source)) {
      if (ref.typeOnly) continue;
      const to = targetOf(file, ref.specifier);
      if (!to) continue;
      const why = violation(from, to);
      if (why) problems.push(`${file} → ${ref.specifier}: ${why}`);
    }
    if (from.kind === 'shared' || from.kind === 'pure' || from.kind === 'storage') {
      for (const global of domUses(source)) problems.push(`${file} uses ${global}: pure code and storage never touch the DOM`);
    }
  }
  return problems;
}

describe('the import rules of DESIGN.md', () => {
  test('hold for every file under src/', () => {
    const files = Object.fromEntries(sourceFiles(SRC).map((f) => [f, readFileSync(join(SRC, f), 'utf8')]));
    expect(Object.keys(files).length).toBeGreaterThan(20);
    expect(problemsIn(files)).toEqual([]);
  });

  test('catch each kind of break, naming the file', () => {
    const broken = problemsIn({
      'plan/plan.ts': "import { x } from '../storage/database';\nimport { mount } from 'svelte';",
      'data/views/Table.svelte': "<script lang=\"ts\">import { getDb } from '../../storage/database';</script>",
      'storage/projects.ts': "import { emptyPlan } from '../plan/plan';",
      'plan/criteria.ts': "import { profile } from '../data/profile';",
      'evaluate/metrics.ts': "import * as tf from '@tensorflow/tfjs';",
      'shared/ids.ts': 'export const w = window.innerWidth;',
      'prepare/views/Steps.svelte': "<script>import { RunState } from '../../train/train.svelte';</script>",
      'data/import.svelte.ts': "const v = import('../prepare/views/Preview.svelte');",
      'app/dom/focus.ts': "import { saveRecipe } from '../../storage/recipes';",
      'prepare/pipeline.ts': "import { focusLost } from '../app/dom/focus';",
    });
    expect(broken).toEqual([
      'plan/plan.ts → ../storage/database: a stage’s pure files may import only shared/, their own stage and earlier stages’ pure files',
      'plan/plan.ts → svelte: pure code, storage and workers may not import svelte',
      'data/views/Table.svelte → ../../storage/database: a view may import only its stage’s state, views and pure files, shared/, app/ widgets and app/dom/',
      'storage/projects.ts → ../plan/plan: storage/ may import only storage/, shared/ and dexie',
      'plan/criteria.ts → ../data/profile: a stage’s pure files may import only shared/, their own stage and earlier stages’ pure files',
      'evaluate/metrics.ts → @tensorflow/tfjs: only train/ pure files may import TF.js',
      'shared/ids.ts uses window: pure code and storage never touch the DOM',
      'prepare/views/Steps.svelte → ../../train/train.svelte: a view may import only its stage’s state, views and pure files, shared/, app/ widgets and app/dom/',
      'data/import.svelte.ts → ../prepare/views/Preview.svelte: state may import only pure files, storage/ and the workers client',
      'app/dom/focus.ts → ../../storage/recipes: app/dom/ may import only shared/ and app/dom/',
      'prepare/pipeline.ts → ../app/dom/focus: a stage’s pure files may import only shared/, their own stage and earlier stages’ pure files',
    ]);
  });

  test('let the allowed imports through', () => {
    const allowed: [Place, Target][] = [
      [placeOf('train/fit.ts'), { kind: 'package', name: '@tensorflow/tfjs-core' }],
      [placeOf('evaluate/cross-validate.ts'), placeOf('prepare/pipeline.ts')],
      [placeOf('plan/views/PlanView.svelte'), placeOf('app/SaveStatus.svelte')],
      [placeOf('storage/schema.ts'), { kind: 'package', name: 'dexie' }],
      [placeOf('workers/train.worker.ts'), placeOf('storage/runs.ts')],
      [placeOf('workers/in-worker/derived-datasets.ts'), placeOf('storage/datasets.ts')],
      [placeOf('prepare/views/PipelinePanel.svelte'), placeOf('app/dom/focus.ts')],
      [placeOf('app/dom/focus.ts'), { kind: 'package', name: 'svelte' }],
    ];
    expect(violation(placeOf('workers/import-client.ts'), placeOf('storage/datasets.ts'))).not.toBeNull();
    for (const [from, to] of allowed) expect(violation(from, to)).toBeNull();
    expect(importsOf("import type { A } from './a';\nexport { b } from './b';\n// import x from './c';")).toEqual([
      { specifier: './a', typeOnly: true },
      { specifier: './b', typeOnly: false },
    ]);
  });
});
