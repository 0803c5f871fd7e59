/** The Evaluate report: metrics from every row, chart data cut to what the page can draw. */
import { describe, expect, test } from 'vitest';
import { classificationReport, meanAndSpread, modelMetrics, plainNumber, regressionReport } from '../../../src/evaluate/holdout';
import { rmse } from '../../../src/evaluate/metrics/regression';
import { rocCurve } from '../../../src/evaluate/metrics/probabilistic';
import { confusionRowWords, equalBins, identityLine, PLOT_MAX_POINTS, probabilityCounts, sampledPositions, thinCurve } from '../../../src/evaluate/plot-data';
import { evaluationRow } from '../../helpers/rows';

const N = 20_000;
/** A reproducible wobble in [0, 1). */
const wobble = (i: number) => (Math.sin(i * 12.9898) * 43758.5453) % 1 + (Math.sin(i * 12.9898) < 0 ? 1 : 0);

describe('the Evaluate report of a large part', () => {
  test('regression: metrics over every row; the scatters a fixed, evenly spread sample; the residual histogram over every row', () => {
    const yTrue = Float32Array.from({ length: N }, (_, i) => i / 100);
    const predictions = Float32Array.from(yTrue, (y, i) => y + wobble(i) - 0.5);
    const report = regressionReport(evaluationRow({ id: 'e', runId: 'r', yTrue, predictions, baseline: new Float32Array(N), classes: null }));
    expect(report.rows).toBe(N);
    expect(report.metrics.find((m) => m.key === 'rmse')!.value).toBe(rmse(Array.from(yTrue), Array.from(predictions)));
    expect(report.actual).toHaveLength(PLOT_MAX_POINTS);
    expect(report.residuals[10]).toBe(report.actual[10]! - report.predicted[10]!);
    // Evenly spread: the sample reaches both ends of the part.
    expect(report.actual[0]!).toBeLessThan(5);
    expect(report.actual.at(-1)!).toBeGreaterThan(N / 100 - 5);
    expect(report.residualBins.counts.reduce((a, b) => a + b, 0)).toBe(N);
    expect(modelMetrics(evaluationRow({ id: 'e', runId: 'r', yTrue, predictions, baseline: new Float32Array(N), classes: null })).rmse).toBe(report.metrics.find((m) => m.key === 'rmse')!.value);
  });

  test('binary: probabilities counted in 20 bins per class, curves thinned with their ends kept, metrics as before', () => {
    const yTrue = Float32Array.from({ length: N }, (_, i) => +(wobble(i) > 0.6));
    const positive = Array.from(yTrue, (y, i) => Math.min(1, Math.max(0, 0.3 * y + 0.7 * wobble(i + 7))));
    const predictions = Float32Array.from(positive.flatMap((p) => [1 - p, p]));
    const row = evaluationRow({ id: 'e', runId: 'r', yTrue, predictions, baseline: new Float32Array(2 * N).fill(0.5), classes: ['no', 'yes'] });
    const report = classificationReport(row);
    const positives = Array.from(yTrue).filter((y) => y === 1).length;
    expect(report.probabilities[1]!.own.reduce((a, b) => a + b, 0)).toBe(positives);
    expect(report.probabilities[1]!.others.reduce((a, b) => a + b, 0)).toBe(N - positives);
    expect(report.probabilities[0]!.own).toHaveLength(20);
    const full = rocCurve(Array.from(yTrue), Array.from(predictions.filter((_, i) => i % 2 === 1)));
    expect(full.fpr.length).toBeGreaterThan(5000);
    expect(report.roc!.fpr.length).toBeLessThanOrEqual(2002);
    expect([report.roc!.fpr[0], report.roc!.tpr[0], report.roc!.fpr.at(-1), report.roc!.tpr.at(-1)]).toEqual([0, 0, 1, 1]);
    expect(report.pr!.recall.at(-1)).toBe(0);
    expect(report.pr!.precision.at(-1)).toBe(1);
    expect(modelMetrics(row)['roc-auc']).toBe(report.metrics.find((m) => m.key === 'roc-auc')!.value);
  });
});

describe('plot data', () => {
  test('the predicted = actual line spans both axes’ finite values; none without any', () => {
    expect(identityLine([3, 10, Number.NaN], [-2, 7])).toEqual({ x: [-2, 10], y: [-2, 10] });
    expect(identityLine([Number.NaN], [])).toBeNull();
  });

  test('a confusion-matrix row in words: a class the part has no rows of says so, not "0 of 0 right"', () => {
    expect(confusionRowWords('setosa', 9, 10)).toBe('setosa: 9 of 10 right');
    expect(confusionRowWords('Z', 0, 0)).toBe('Z: no rows in this part');
  });

  test('a thinned curve strays less than its step from every point left out, and keeps both ends', () => {
    // A staircase: up 0.5, then right 0.5, in 1,000 small steps each.
    const x = [...Array.from({ length: 1001 }, () => 0), ...Array.from({ length: 1000 }, (_, i) => (i + 1) / 2000)];
    const y = [...Array.from({ length: 1001 }, (_, i) => i / 2000), ...Array.from({ length: 1000 }, () => 0.5)];
    const thin = thinCurve(x, y, 0.01);
    expect(thin.x.length).toBeLessThanOrEqual(2 / 0.01 + 2);
    expect([thin.x[0], thin.y[0], thin.x.at(-1), thin.y.at(-1)]).toEqual([0, 0, 0.5, 0.5]);
    x.forEach((xi, i) => {
      const near = thin.x.some((tx, k) => Math.abs(tx - xi) < 0.01 && Math.abs(thin.y[k]! - y[i]!) < 0.01);
      expect(near, `point ${i}`).toBe(true);
    });
  });

  test('bins: a probability of 1 in the last bin, 0.15 in the fourth; a part’s maximum in its last bin', () => {
    expect(probabilityCounts([0, 0.15, 0.999, 1, Number.NaN])).toEqual([1, 0, 0, 1, ...Array(15).fill(0), 2]);
    expect(equalBins([0, 1, 2, 3, 4], 4)).toEqual({ start: 0, size: 1, counts: [1, 1, 1, 2] });
    expect(equalBins([7, 7]).counts).toEqual([2]);
    expect(sampledPositions(3)).toEqual([0, 1, 2]);
    expect(sampledPositions(10, 2)).toEqual([2, 7]);
  });
});

describe('a part whose scored rows are all of one class', () => {
  const oneClass = (yTrue: number[], classes: string[]) => {
    const k = classes.length;
    const predictions = Float32Array.from(yTrue.flatMap((_, i) => Array.from({ length: k }, (_, c) => (c === i % k ? 0.7 : 0.3 / (k - 1)))));
    return classificationReport(evaluationRow({ id: 'e', runId: 'r', part: 'test', yTrue: Float32Array.from(yTrue), predictions, baseline: new Float32Array(yTrue.length * k).fill(1 / k), classes }));
  };

  test('binary: no curves (their rates would all be NaN, an empty chart), a sentence saying why, with each class’s count', () => {
    const report = oneClass([0, 0, 0], ['no', 'yes']);
    expect(report.roc).toBeNull();
    expect(report.pr).toBeNull();
    expect(report.curvesNote).toBe('ROC and precision-recall curves need rows of both classes among the scored rows: the test part has 3 rows of “no” and 0 of “yes”.');
    const auc = report.metrics.find((m) => m.key === 'roc-auc')!;
    expect(plainNumber(auc.value)).toBe('n/a');
    expect(auc.note).toBe('ROC AUC needs rows of both classes among the scored rows: 3 of “no”, 0 of “yes”.');
    // Every other figure is a number, and needs no note.
    expect(report.metrics.filter((m) => m.note !== undefined).map((m) => m.key)).toEqual(['roc-auc']);
  });

  test('the same the other way round: every row positive', () => {
    const report = oneClass([1, 1], ['no', 'yes']);
    expect(report.roc).toBeNull();
    expect(report.curvesNote).toBe('ROC and precision-recall curves need rows of both classes among the scored rows: the test part has 0 rows of “no” and 2 of “yes”.');
  });

  test('the decision threshold says why precision, recall and F1 are n/a, in the curves’ words', () => {
    expect(oneClass([0, 0, 0], ['no', 'yes']).thresholdNote).toBe('Precision, recall and F1 at a threshold need rows of both classes among the scored rows: the test part has 3 rows of “no” and 0 of “yes”.');
    expect(oneClass([1], ['no', 'yes']).thresholdNote).toBe('Precision, recall and F1 at a threshold need rows of both classes among the scored rows: the test part has 0 rows of “no” and 1 of “yes”.');
    expect(oneClass([0, 1], ['no', 'yes']).thresholdNote).toBeNull();
    expect(oneClass([0, 2, 2, 0], ['a', 'b', 'c']).thresholdNote).toBeNull();
  });

  test('several classes: AUC one-vs-rest needs every class, and says which has no rows', () => {
    const report = oneClass([0, 2, 2, 0], ['a', 'b', 'c']);
    const auc = report.metrics.find((m) => m.key === 'roc-auc')!;
    expect(plainNumber(auc.value)).toBe('n/a');
    expect(auc.note).toBe('ROC AUC needs rows of every class among the scored rows: 2 of “a”, 0 of “b”, 2 of “c”.');
    expect(report.curvesNote).toBeNull();
  });

  test('both classes present: curves, no note', () => {
    const report = oneClass([0, 1, 0], ['no', 'yes']);
    expect(report.roc).not.toBeNull();
    expect(report.curvesNote).toBeNull();
    expect(report.metrics.find((m) => m.key === 'roc-auc')!.note).toBeUndefined();
  });
});

describe('meanAndSpread', () => {
  test('the spread to two significant digits, the mean to the same decimal place', () => {
    expect(meanAndSpread(0.973046, 0.00942512)).toEqual({ mean: '0.9730', std: '0.0094' });
    expect(meanAndSpread(26.863, 12.3)).toEqual({ mean: '27', std: '12' });
    expect(meanAndSpread(3.21456, 0.41)).toEqual({ mean: '3.21', std: '0.41' });
    expect(meanAndSpread(1234.5, 153)).toEqual({ mean: '1230', std: '150' });
  });

  test('without a spread, both as plain numbers', () => {
    expect(meanAndSpread(0.973046123, 0)).toEqual({ mean: '0.973046', std: '0' });
    expect(meanAndSpread(Number.NaN, 0.1)).toEqual({ mean: 'n/a', std: '0.1' });
    expect(meanAndSpread(0.5, Number.NaN)).toEqual({ mean: '0.5', std: 'n/a' });
  });
});
