import { describe, expect, test } from 'vitest';
import { bin } from '../../../src/prepare/steps/bin';
import { defaultRecipe } from '../../../src/prepare/recipe';
import { prepareReport } from '../../../src/workers/in-worker/prepare-report';
import { col, frameOf, table } from './tables';

const sevenZeros = () => frameOf(col('x', 'numeric', ['0', '0', '0', '0', '0', '0', '0', '1', '2', '3']));

describe('a bin step that makes fewer bins than asked', () => {
  test('its note says how many bins were made and why', () => {
    const p = { column: 'x', bins: 5, strategy: 'quantile' as const };
    const learned = bin.fit(p, sevenZeros());
    expect(learned.edges.length - 1).toBe(2);
    expect(bin.note?.(p, learned)).toBe('Made 2 ranges, not 5: repeated values share an edge, and ranges with no width are merged.');
    // The description says up front that there may be fewer.
    expect(bin.describe(p)).toBe('Bin "x" into 5 equal-count ranges (fewer where repeated values share an edge)');
  });

  test('no note when every bin asked for was made', () => {
    const p = { column: 'x', bins: 3, strategy: 'width' as const };
    expect(bin.note?.(p, bin.fit(p, sevenZeros()))).toBeNull();
    expect(bin.describe(p)).toBe('Bin "x" into 3 equal-width ranges');
  });
});

describe('the bin step’s preview', () => {
  test('carries its note, so the learner reads how many ranges were made', () => {
    const x = Array.from({ length: 40 }, (_, i) => (i < 30 ? '0' : String(i)));
    const data = table(col('x', 'numeric', x), col('y', 'categorical', x.map((_, i) => (i % 2 ? 'a' : 'b'))));
    const steps = [{ id: 'b', kind: 'bin', enabled: true, params: { column: 'x', bins: 5, strategy: 'quantile' } }];
    const report = prepareReport(data, { datasetId: 'd', recipe: { ...defaultRecipe(3, true), steps }, target: 'y', task: 'classification', previewStepId: 'b', scatter: null }, () => undefined);
    expect(report.preview?.note).toMatch(/^Made [1-4] ranges, not 5: repeated values share an edge/);
    // The pipeline list says it too, previewed or not.
    expect(report.steps[0]?.note).toBe(report.preview?.note);
    const unpreviewed = prepareReport(data, { datasetId: 'd', recipe: { ...defaultRecipe(3, true), steps }, target: 'y', task: 'classification', previewStepId: null, scatter: null }, () => undefined);
    expect(unpreviewed.steps[0]?.note).toMatch(/^Made [1-4] ranges, not 5/);
  });
});
