import { describe, expect, test } from 'vitest';
import { crossValidate, type FitAndPredict } from '../../../src/evaluate/cross-validate';
import { datasetFrame, newRowsFrame } from '../../../src/prepare/frame';
import { applyPipeline, fitPipeline, prepareParts } from '../../../src/prepare/pipeline';
import { defaultRecipe } from '../../../src/prepare/recipe';
import type { StepSpec } from '../../../src/prepare/step';
import { fitContextOf, prepareFrames, prepareReport } from '../../../src/workers/in-worker/prepare-report';
import { cells, col, frameOf, table } from './tables';

const toNumbers: StepSpec = { id: 'c', kind: 'cast', enabled: true, params: { column: 'price', to: 'numeric' } };
/** Numbers a European file wrote, read as labels: rows 0–2 train, row 3 test. */
const prices = () => table(col('price', 'categorical', ['3,5', '1.234,5', '2', '0,25']));
const parts = Uint8Array.from([0, 0, 0, 2]);

describe('cast to numbers reads them as the dataset was read', () => {
  test('with a decimal comma, "3,5" is 3.5 and "1.234,5" is 1234.5, in training and test alike', () => {
    const prepared = prepareParts([toNumbers], datasetFrame(prices()), parts, { context: { decimalComma: true } });
    if (!prepared.ok) throw new Error(prepared.problem);
    expect(Array.from(prepared.frames.train.table.columns[0]!.values)).toEqual([3.5, 1234.5, 2]);
    expect(Array.from(prepared.frames.test.table.columns[0]!.values)).toEqual([0.25]);
    // The choice is part of the fitted pipeline, which stays plain JSON.
    expect(prepared.fitted.steps[0]!.learned).toEqual({ decimalComma: true });
    expect(JSON.parse(JSON.stringify(prepared.fitted))).toEqual(prepared.fitted);
  });

  test('without a decimal comma the step reads as before: those values are not numbers', () => {
    const prepared = prepareParts([toNumbers], datasetFrame(prices()), parts);
    if (!prepared.ok) throw new Error(prepared.problem);
    expect(cells(prepared.frames.train, 'price')).toEqual(['', '', '2']);
    expect(prepared.fitted.steps[0]!.learned).toEqual({});
    const told = prepareParts([toNumbers], datasetFrame(prices()), parts, { context: { decimalComma: false } });
    expect(told.ok && told.fitted).toEqual(prepared.fitted);
  });

  test('a fitted pipeline applied later to new rows reads them with the choice it was fitted with', () => {
    const fit = fitPipeline([toNumbers], frameOf(col('price', 'categorical', ['3,5', '2'])), { context: { decimalComma: true } });
    if (!fit.ok) throw new Error(fit.problem);
    const applied = applyPipeline(JSON.parse(JSON.stringify(fit.fitted)), newRowsFrame(table(col('price', 'categorical', ['7,5', '1.000']))));
    expect(Array.from(applied.table.columns[0]!.values)).toEqual([7.5, 1000]);
  });
});

describe('every path that fits a recipe tells the cast how the dataset was read', () => {
  const N = 20;
  /** Every value written with a decimal comma: read any other way, none is a number. */
  const european = () => table(col('price', 'categorical', Array.from({ length: N }, (_, i) => `${i},5`)));
  const recipe = { ...defaultRecipe(1, false), steps: [toNumbers] };
  const source = { id: 'd', rowCount: N, source: { decimalComma: true } } as Parameters<typeof fitContextOf>[0];
  const quiet = () => undefined;

  test('the Prepare page’s report: fitted with the source’s decimal comma, refused without it', () => {
    const request = { datasetId: 'd', recipe, target: null, task: null, previewStepId: null, scatter: null };
    expect(prepareReport(european(), request, quiet, fitContextOf(source)).steps[0]).toMatchObject({ state: 'fitted' });
    expect(prepareReport(european(), request, quiet).steps[0]).toMatchObject({ state: 'problem', problem: expect.stringMatching(/cannot be read as numbers/) });
  });

  test('training’s frames and each cross-validation fold', async () => {
    const prepared = prepareFrames(european(), { recipe, target: null, task: null }, quiet, fitContextOf(source));
    if (!prepared.ok) throw new Error(prepared.problem);
    expect(prepared.frames.fitted.steps[0]!.learned).toEqual({ decimalComma: true });
    expect(prepared.frames.train.table.columns[0]!.values.every((x) => x % 1 === 0.5)).toBe(true);

    const held: FitAndPredict = async (_train, heldOut) => ({ rows: heldOut.rowIds, yTrue: new Float32Array(heldOut.table.rowCount), predictions: new Float32Array(heldOut.table.rowCount), classes: null });
    const folds = Uint8Array.from({ length: N }, (_, i) => i % 2);
    const inputs = { frame: datasetFrame(european()), parts: new Uint8Array(N), folds, k: 2, recipe, target: 'price', task: 'regression' as const };
    const result = await crossValidate({ ...inputs, context: fitContextOf(source) }, held);
    expect(result.pipelines.map((p) => p.steps[0]!.learned)).toEqual([{ decimalComma: true }, { decimalComma: true }]);
    await expect(crossValidate(inputs, held)).rejects.toThrow(/Fold 1: .*cannot be read as numbers/);
  });
});
