import { test } from 'vitest';
import { defaultRecipe, type Recipe } from '../../src/prepare/recipe';
import { prepareDataset, prepareFrames, prepareReport, splitRows } from '../../src/workers/in-worker/prepare-report';
import { augment } from '../../src/prepare/augment';
import { datasetFrame } from '../../src/prepare/frame';
import { col, table, cells } from './prepare/tables';

const quiet = () => undefined;
const out: string[] = [];
const log = (name: string, x: unknown) => out.push(`### ${name}\n${JSON.stringify(x, (k, v) => (v instanceof Uint8Array || v instanceof Int32Array || v instanceof Float64Array ? Array.from(v) : v))}`);
const tryIt = (name: string, f: () => unknown) => { try { log(name, f()); } catch (e) { log(name + ' THREW', String(e instanceof Error ? `${e.constructor.name}: ${e.message}` : e)); } };
const spec = (patch: Record<string, unknown>) => ({ ...defaultRecipe(3, true).augment, ...patch }) as any;
const summary = (r: ReturnType<typeof augment>, target = 'y') => {
  const f = r.frame; const n = f.table.rowCount; const real = n - r.added;
  const gen: Record<string, string[]> = {};
  for (const c of f.table.columns) gen[c.name] = cells(f, c.name).slice(real);
  const nan = f.table.columns.some((c) => c.kind === 'numeric' && Array.from(c.values).some((v) => !Number.isFinite(v)));
  return { added: r.added, before: r.before, after: r.after, nonFinite: nan, gen: Object.fromEntries(Object.entries(gen).map(([k, v]) => [k, v.slice(0, 12).join(',')])) };
};
const run = (name: string, s: any, t: any, task: 'classification' | 'regression', target = 'y') => tryIt(name, () => summary(augment(s, datasetFrame(t), target, task)));

test('augment', () => {
  const t1 = () => table(
    col('x', 'numeric', ['1', '2', '3', '4', '5', '6', '7']),
    col('z', 'numeric', ['5', '5', '5', '5', '5', '5', '5']),
    col('y', 'categorical', ['a', 'a', 'a', 'a', 'a', 'b', 'c']),
  );
  run('oversample class of 1', spec({ method: 'oversample' }), t1(), 'classification');
  run('smote class of 1', spec({ method: 'smote' }), t1(), 'classification');
  const t2 = () => table(
    col('x', 'numeric', ['1', '2', '3', '4', '5', '6', '7']),
    col('z', 'numeric', ['5', '5', '5', '5', '5', '5', '5']),
    col('y', 'categorical', ['a', 'a', 'a', 'a', 'a', 'b', 'b']),
  );
  run('smote class of 2 k=50', spec({ method: 'smote', k: 50 }), t2(), 'classification');
  run('smote regression', spec({ method: 'smote' }), t2(), 'regression', 'x');
  run('smote no numeric', spec({ method: 'smote' }), table(col('c', 'categorical', ['p', 'q', 'p']), col('y', 'categorical', ['a', 'a', 'b'])), 'classification');
  run('mixup classification', spec({ method: 'mixup' }), t2(), 'classification');
  run('noise scale 0', spec({ method: 'noise', scale: 0, count: 1 }), t2(), 'classification');
  run('noise 1 row', spec({ method: 'noise', scale: 0.1, count: 1 }), table(col('x', 'numeric', ['1']), col('y', 'categorical', ['a'])), 'classification');
  run('synthetic constant feature', spec({ method: 'synthetic' }), t2(), 'classification');
  run('copula constant feature', spec({ method: 'copula' }), t2(), 'classification');
  run('synthetic class of 1', spec({ method: 'synthetic' }), t1(), 'classification');
  run('copula class of 1', spec({ method: 'copula' }), t1(), 'classification');
  run('synthetic class of 1 count 3', spec({ method: 'synthetic', count: 3 }), t1(), 'classification');
  run('copula regression const', spec({ method: 'copula' }), t2(), 'regression', 'x');
  run('synthetic regression const', spec({ method: 'synthetic' }), t2(), 'regression', 'z');
  run('copula all const', spec({ method: 'copula' }), table(col('x', 'numeric', ['2', '2', '2', '2']), col('y', 'categorical', ['a', 'a', 'b', 'b'])), 'classification');
  run('synthetic all const', spec({ method: 'synthetic' }), table(col('x', 'numeric', ['2', '2', '2', '2']), col('y', 'categorical', ['a', 'a', 'b', 'b'])), 'classification');
  run('mixup regression missing target', spec({ method: 'mixup', count: 10 }), table(col('x', 'numeric', ['1', '2', '3', '4']), col('r', 'numeric', ['1', '', '3', '4'])), 'regression', 'r');
  run('copula with missing', spec({ method: 'copula' }), table(col('x', 'numeric', ['1', '', '3', '4', '5', '6']), col('y', 'categorical', ['a', 'a', 'a', 'b', 'b', 'b'])), 'classification');
  run('synthetic missing target rows', spec({ method: 'synthetic' }), table(col('x', 'numeric', ['1', '2', '3', '4', '5', '6']), col('y', 'categorical', ['a', 'a', '', 'b', 'b', ''])), 'classification');
  run('oversample missing target', spec({ method: 'oversample' }), table(col('x', 'numeric', ['1', '2', '3', '4', '5', '6']), col('y', 'categorical', ['a', 'a', 'a', 'b', '', ''])), 'classification');
  run('smote boolean target', spec({ method: 'smote' }), table(col('x', 'numeric', ['1', '2', '3', '4', '5', '6']), col('y', 'boolean', ['true', 'true', 'true', 'true', 'false', 'false'])), 'classification');
  run('smote numeric target classification', spec({ method: 'smote' }), table(col('x', 'numeric', ['1', '2', '3', '4', '5', '6']), col('y', 'numeric', ['1', '1', '1', '1', '0', '0'])), 'classification');
  run('smote whole number feature', spec({ method: 'smote' }), table(col('x', 'numeric', ['1', '2', '3', '4', '5', '6']), col('y', 'categorical', ['a', 'a', 'a', 'a', 'b', 'b'])), 'classification');
  // seeds
  const big = () => table(col('x', 'numeric', Array.from({ length: 30 }, (_, i) => String(i * 1.5))), col('w', 'numeric', Array.from({ length: 30 }, (_, i) => String((i * 7) % 11 + 0.25))), col('y', 'categorical', Array.from({ length: 30 }, (_, i) => (i < 22 ? 'a' : 'b'))));
  const bigR = () => table(col('x', 'numeric', Array.from({ length: 30 }, (_, i) => String(i * 1.5))), col('w', 'numeric', Array.from({ length: 30 }, (_, i) => String((i * 7) % 11 + 0.25))), col('y', 'numeric', Array.from({ length: 30 }, (_, i) => String(i * 0.3 + 0.1))));
  for (const m of ['oversample', 'smote', 'noise', 'synthetic', 'copula', 'mixup']) {
    const task = m === 'mixup' ? 'regression' : 'classification';
    const tb = m === 'mixup' ? bigR : big;
    tryIt('seed ' + m, () => {
      const a = JSON.stringify(summary(augment(spec({ method: m, seed: 1 }), datasetFrame(tb()), 'y', task)).gen);
      const b = JSON.stringify(summary(augment(spec({ method: m, seed: 1 }), datasetFrame(tb()), 'y', task)).gen);
      const c = JSON.stringify(summary(augment(spec({ method: m, seed: 2 }), datasetFrame(tb()), 'y', task)).gen);
      return { same: a === b, differs: a !== c };
    });
    tryIt('report ' + m, () => { const r = prepareDataset(tb(), { recipe: { ...defaultRecipe(3, task === 'classification'), augment: spec({ method: m }) }, target: 'y', task }, quiet); return r; });
  }
  console.log(out.join('\n'));
});
