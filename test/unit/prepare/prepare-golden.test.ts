/**
 * Prepare's steps against scikit-learn and numpy on one table: test/golden/prepare.json, made by
 * test/golden/make_prepare.py (each case carries the call that produced its numbers). Each step
 * is fitted on all the rows, as on a training part, and applied to them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { fitPipeline } from '../../../src/prepare/pipeline';
import { isValid } from '../../../src/shared/column';
import { col, frameOf } from './tables';

interface Case {
  name: string;
  step: { kind: string; params: Record<string, unknown> };
  call: string;
  expected: Record<string, (number | null)[]>;
}
const golden = JSON.parse(readFileSync(join(import.meta.dirname, '../../golden/prepare.json'), 'utf8')) as { sklearn: string; table: Record<string, string[]>; cases: Case[] };
const frame = () => frameOf(col('x', 'numeric', golden.table.x!), col('y', 'numeric', golden.table.y!), col('colour', 'categorical', golden.table.colour!));

describe(`Prepare's steps against scikit-learn ${golden.sklearn}`, () => {
  for (const c of golden.cases) {
    test(`${c.name}: ${c.call}`, () => {
      const fit = fitPipeline([{ id: 's', enabled: true, ...c.step }], frame());
      if (!fit.ok) throw new Error(fit.problem);
      for (const [name, expected] of Object.entries(c.expected)) {
        const column = fit.train.table.columns.find((k) => k.name === name);
        expect(column, `column ${name}`).toBeDefined();
        const got = expected.map((_, i) => (isValid(column!.valid, i) ? Number(column!.values[i]) : null));
        got.forEach((v, i) => {
          const want = expected[i]!;
          if (want === null || v === null) expect(v, `${name} row ${i + 1}`).toBe(want);
          else expect(Math.abs(v - want), `${name} row ${i + 1}: ${v} against ${want}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
        });
      }
    });
  }
});
