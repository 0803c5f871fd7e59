/**
 * Every metric against numbers computed with scikit-learn: test/golden/metrics.json, made by
 * test/golden/make_metrics.py (each expected value carries the scikit-learn call that produced it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { accuracy, averaged, balancedAccuracy, confusionMatrix, matthews, normalizeRows, perClass } from '../../../src/evaluate/metrics/classification';
import { averagePrecision, logLoss, prCurve, rocAuc, rocAucOvr, rocCurve } from '../../../src/evaluate/metrics/probabilistic';
import { mae, mape, mapeWarning, medianAbsoluteError, mse, r2, rmse } from '../../../src/evaluate/metrics/regression';

interface Expected {
  call: string;
  value: unknown;
}
interface Case {
  name: string;
  kind: 'classification' | 'probabilistic' | 'regression';
  inputs: { yTrue: number[]; yPred?: number[]; proba?: number[][]; classes?: number };
  expected: Record<string, Expected>;
}
const golden = JSON.parse(readFileSync(join(import.meta.dirname, '../../golden/metrics.json'), 'utf8')) as { sklearn: string; cases: Case[] };

/** Numbers equal to 12 significant digits, recursively through arrays and objects. */
function close(actual: unknown, expected: unknown, call: string): void {
  if (typeof expected === 'number') {
    expect(actual, call).toBeTypeOf('number');
    if (!Number.isFinite(expected)) expect(actual, call).toBe(expected);
    else expect(Math.abs((actual as number) - expected), `${call}: ${String(actual)} vs ${expected}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
  } else if (Array.isArray(expected)) {
    expect((actual as unknown[]).length, call).toBe(expected.length);
    expected.forEach((e, i) => close((actual as unknown[])[i], e, `${call}[${i}]`));
  } else if (expected && typeof expected === 'object') {
    for (const [key, e] of Object.entries(expected)) close((actual as Record<string, unknown>)[key], e, `${call}.${key}`);
  } else expect(actual, call).toBe(expected);
}

describe(`metrics against scikit-learn ${golden.sklearn}`, () => {
  for (const c of golden.cases) {
    test(c.name, () => {
      const e = c.expected;
      const check = (key: string, actual: unknown) => close(actual, e[key]!.value, e[key]!.call);
      const { yTrue } = c.inputs;
      if (c.kind === 'classification') {
        const cm = confusionMatrix(yTrue, c.inputs.yPred!, c.inputs.classes!);
        check('confusion', cm);
        check('confusionNormalized', normalizeRows(cm));
        check('accuracy', accuracy(cm));
        check('balancedAccuracy', balancedAccuracy(cm));
        for (const avg of ['macro', 'weighted', 'micro'] as const) {
          const a = averaged(cm, avg);
          check(`precision_${avg}`, a.precision);
          check(`recall_${avg}`, a.recall);
          check(`f1_${avg}`, a.f1);
        }
        check('perClass', perClass(cm));
        check('mcc', matthews(cm));
      } else if (c.kind === 'probabilistic') {
        const proba = c.inputs.proba!;
        check('logLoss', logLoss(yTrue, proba, 1e-15)); // the golden's call names eps=1e-15
        if (proba[0]!.length === 2) {
          const scores = proba.map((p) => p[1]!);
          check('rocAuc', rocAuc(yTrue, scores));
          const roc = rocCurve(yTrue, scores);
          // scikit-learn 1.2 writes max(score) + 1 as the first threshold; 1.3 and later write inf, as we do.
          const expectedRoc = e.roc!.value as { fpr: number[]; tpr: number[]; thresholds: number[] };
          close({ fpr: roc.fpr, tpr: roc.tpr, thresholds: roc.thresholds.slice(1) }, { ...expectedRoc, thresholds: expectedRoc.thresholds.slice(1) }, e.roc!.call);
          expect(roc.thresholds[0]).toBe(Infinity);
          check('pr', prCurve(yTrue, scores));
          check('averagePrecision', averagePrecision(yTrue, scores));
        } else {
          check('rocAucMacro', rocAucOvr(yTrue, proba, 'macro'));
          check('rocAucWeighted', rocAucOvr(yTrue, proba, 'weighted'));
        }
      } else {
        const yPred = c.inputs.yPred!;
        check('mse', mse(yTrue, yPred));
        check('rmse', rmse(yTrue, yPred));
        check('mae', mae(yTrue, yPred));
        check('r2', r2(yTrue, yPred));
        check('medianAe', medianAbsoluteError(yTrue, yPred));
        check('mape', mape(yTrue, yPred));
      }
    });
  }
});

describe('edge cases scikit-learn refuses or warns about', () => {
  test('ROC AUC with a single class in y_true is undefined (scikit-learn raises); we say NaN', () => {
    expect(rocAuc([1, 1, 1], [0.2, 0.5, 0.9])).toBeNaN();
  });

  test('MAPE warns when a target is near zero', () => {
    expect(mapeWarning([0, 1, 2])).toBe(true);
    expect(mapeWarning([0.001, 50, 100])).toBe(true);
    expect(mapeWarning([1, 50, 100])).toBe(false);
  });

  test('R² of fewer than two rows is undefined (scikit-learn returns NaN), not a score', () => {
    expect(r2([5], [4])).toBeNaN();
    expect(r2([5], [5])).toBeNaN();
    expect(r2([5, 5], [5, 5])).toBe(1);
  });

  test('the MAPE warning reads a part far larger than the call stack allows as arguments', () => {
    const y = Array.from({ length: 300_000 }, (_, i) => 100 + (i % 7));
    expect(mapeWarning(y)).toBe(false);
    y[123_456] = 0;
    expect(mapeWarning(y)).toBe(true);
  });
});

describe('exact where a formula would miss by an ulp', () => {
  test('F1 is 2·tp / (true + predicted): macro F1 of [[0, 1], [2, 6]] is exactly 0.4 (2PR / (P + R) gives 0.39999999999999997)', () => {
    const cm = [
      [0, 1],
      [2, 6],
    ];
    expect(perClass(cm).f1).toEqual([0, 12 / 15]);
    expect(averaged(cm, 'macro').f1).toBe(0.4);
  });

  test('log loss clips at float64 epsilon, as scikit-learn 1.3 and later', () => {
    // y = [0, 1], both rows certain of class 0: (−log(1 − ε) − log ε) / 2
    expect(logLoss([0, 1], [
      [1, 0],
      [1, 0],
    ])).toBeCloseTo(18.0218, 4);
  });

});

describe('averages as scikit-learn’s defaults', () => {
  test('macro averages leave out a class that is neither in the part nor predicted, as scikit-learn’s default labels', () => {
    // f1_score([0, 0, 1, 1], [0, 0, 1, 1], average='macro') is 1.0, though the model knows 3 classes.
    const absent = confusionMatrix([0, 0, 1, 1], [0, 0, 1, 1], 3);
    expect(averaged(absent, 'macro')).toEqual({ precision: 1, recall: 1, f1: 1 });
    // Predicted once, class 2 counts: f1_score([0, 0, 1, 1], [0, 0, 1, 2], average='macro') = (1 + 2/3 + 0) / 3
    const predicted = confusionMatrix([0, 0, 1, 1], [0, 0, 1, 2], 3);
    expect(averaged(predicted, 'macro').f1).toBeCloseTo((1 + 2 / 3) / 3, 15);
    expect(averaged(predicted, 'weighted').f1).toBeCloseTo((2 * 1 + 2 * (2 / 3)) / 4, 15);
  });
});
