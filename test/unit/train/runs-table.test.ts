import { describe, expect, test } from 'vitest';
import { HEARTBEAT_STALE_MS } from '../../../src/shared/heartbeat';
import { normalizeTrainSpec } from '../../../src/train/model-spec';
import { displayStatus, epochsText, filterLines, runLine, settingsDiff, sortLines, trainingRun } from '../../../src/train/runs-table';
import { runRow } from '../../helpers/rows';

const epoch = (n: number, valLoss: number, valMetric: number) => ({ epoch: n, loss: 1, valLoss, metric: 0.5, valMetric, seconds: 1, samplesPerSec: 10 });

describe('runs table', () => {
  test('a run shows its figures at the kept epoch, its model in words, and the baseline beside', () => {
    const run = runRow({
      id: 'r',
      projectId: 'p',
      spec: { model: 'mlp', layers: [{ units: 8 }, { units: 4 }], learningRate: 0.01 },
      history: [epoch(1, 0.9, 0.6), epoch(2, 0.4, 0.8), epoch(3, 0.5, 0.7)],
      bestEpoch: 2,
      baseline: { validation: { loss: 1.1, metric: 0.34 } },
    });
    expect(runLine(run, 0)).toMatchObject({ model: 'MLP 8→4', epochs: 3, valLoss: 0.4, valMetric: 0.8, baselineMetric: 0.34, metricName: 'accuracy', learningRate: 0.01 });
    expect(runLine({ ...run, recipeVersion: 7 }, 0).recipeVersion).toBe(7);
    expect(runLine(runRow({ id: 'b', projectId: 'p', spec: { model: 'baseline' }, task: 'regression', baseline: { validation: { loss: 4, metric: 2 } } }), 0)).toMatchObject({ model: 'Baseline (mean)', valLoss: 4, valMetric: 2, metricName: 'RMSE' });
  });

  test('a run whose last epoch Stop cut short says so beside its epochs, in words; a whole last epoch does not', () => {
    const stopped = runLine(runRow({ id: 's', projectId: 'p', status: 'stopped', history: [epoch(1, 0.9, 0.6), { ...epoch(2, 0.8, 0.7), rows: 3200 }], bestEpoch: 2 }), 0);
    expect(stopped).toMatchObject({ epochs: 2, lastCutShort: true });
    expect(epochsText(stopped)).toBe('2 (last cut short)');
    // A run Stop ended between two epochs has no partial one.
    const whole = runLine(runRow({ id: 'w', projectId: 'p', status: 'stopped', history: [epoch(1, 0.9, 0.6), epoch(2, 0.8, 0.7)], bestEpoch: 2 }), 0);
    expect(epochsText(whole)).toBe('2');
    expect(epochsText(runLine(runRow({ id: 'n', projectId: 'p' }), 0))).toBe('0');
  });

  test('a running run with a silent heartbeat shows as interrupted', () => {
    const run = runRow({ id: 'r', projectId: 'p', status: 'running', heartbeatAt: 1000 });
    expect(displayStatus(run, 1000 + HEARTBEAT_STALE_MS - 1)).toBe('running');
    expect(displayStatus(run, 1000 + HEARTBEAT_STALE_MS + 1)).toBe('interrupted');
  });

  test('the run still training is the running one with a fresh heartbeat, never a finished or silent one', () => {
    const runs = [
      runRow({ id: 'done', projectId: 'p', status: 'completed', heartbeatAt: 5000 }),
      runRow({ id: 'silent', projectId: 'p', status: 'running', heartbeatAt: 1000 }),
      runRow({ id: 'live', projectId: 'p', status: 'running', heartbeatAt: 4000 }),
    ];
    expect(trainingRun(runs, 4000 + HEARTBEAT_STALE_MS)?.id).toBe('live');
    expect(trainingRun(runs, 4000 + HEARTBEAT_STALE_MS + 1)).toBeUndefined();
  });

  test('sorting puts missing figures last either way; filtering matches every word anywhere', () => {
    const lines = [
      runLine(runRow({ id: 'a', projectId: 'p', name: 'alpha', history: [epoch(1, 0.5, 0.7)], bestEpoch: 1, tags: ['wide'] }), 0),
      runLine(runRow({ id: 'b', projectId: 'p', name: 'beta', history: [epoch(1, 0.3, 0.9)], bestEpoch: 1, notes: 'best so far' }), 0),
      runLine(runRow({ id: 'c', projectId: 'p', name: 'gamma', status: 'failed' }), 0),
    ];
    expect(sortLines(lines, 'valMetric', false).map((l) => l.id)).toEqual(['b', 'a', 'c']);
    expect(sortLines(lines, 'valMetric', true).map((l) => l.id)).toEqual(['a', 'b', 'c']);
    expect(sortLines(lines, 'name', true).map((l) => l.id)).toEqual(['a', 'b', 'c']);
    expect(filterLines(lines, 'wide').map((l) => l.id)).toEqual(['a']);
    expect(filterLines(lines, 'best far').map((l) => l.id)).toEqual(['b']);
    expect(filterLines(lines, 'failed').map((l) => l.id)).toEqual(['c']);
  });

  test('a thousand runs sort by a figure, in order', () => {
    const many = Array.from({ length: 1000 }, (_, i) => runLine(runRow({ id: `r${i}`, projectId: 'p', history: [epoch(1, (i * 7919) % 1000, 0.5)], bestEpoch: 1 }), 0));
    const sorted = sortLines(many, 'valLoss', true);
    expect(sorted[0]!.valLoss).toBe(0);
    expect(sorted.every((l, i) => i === 0 || l.valLoss! >= sorted[i - 1]!.valLoss!)).toBe(true);
  });

  test('the settings diff lists only what differs', () => {
    const a = normalizeTrainSpec({ model: 'mlp', learningRate: 0.01, seed: 1 });
    const b = normalizeTrainSpec({ model: 'mlp', learningRate: 0.001, seed: 1, layers: [{ units: 8, dropout: 0.2 }] });
    expect(settingsDiff([{ spec: a }, { spec: b }])).toEqual([
      ['layers', ['64 → 64', '8 drop 0.2']],
      ['learning rate', ['0.01', '0.001']],
    ]);
  });

  test('the recipe version and the features count as settings, the features compared whole and shown short', () => {
    const a = normalizeTrainSpec({ model: 'linear', seed: 1 });
    const many = Array.from({ length: 9 }, (_, i) => `f${i}`);
    expect(settingsDiff([{ spec: a, recipeVersion: 3, features: many }, { spec: a, recipeVersion: 3, features: [...many.slice(0, 8), 'g'] }])).toEqual([
      ['features', ['9: f0, f1, f2, f3, f4 and 4 more', '9: f0, f1, f2, f3, f4 and 4 more']],
    ]);
    expect(settingsDiff([{ spec: a, recipeVersion: 3, features: ['x', 'y'] }, { spec: a, recipeVersion: 4, features: ['x', 'y'] }])).toEqual([['recipe version', ['3', '4']]]);
    expect(settingsDiff([{ spec: a }, { spec: a }])).toEqual([]);
  });

  test('one run shown alone lists every setting', () => {
    const a = normalizeTrainSpec({ model: 'linear', learningRate: 0.05, seed: 7 });
    const all = settingsDiff([{ spec: a, recipeVersion: 2, features: ['x', 'y'] }], true);
    expect(all.map(([k]) => k)).toEqual(['model', 'layers', 'optimizer', 'learning rate', 'batch size', 'epochs', 'patience', 'L2', 'class weights', 'seed', 'backend', 'recipe version', 'features']);
    expect(Object.fromEntries(all)).toMatchObject({ model: ['linear'], layers: ['—'], 'learning rate': ['0.05'], seed: ['7'], 'recipe version': ['2'], features: ['x, y'] });
    expect(settingsDiff([{ spec: a }])).toEqual([]);
  });
});
