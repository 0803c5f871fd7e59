import { describe, expect, test } from 'vitest';
import { curvesLabel, curveTraces } from '../../../src/train/loss-curves';
import type { EpochRecord } from '../../../src/train/train-loop';

const epoch = (n: number, loss: number, valLoss: number | null): EpochRecord => ({ epoch: n, loss, valLoss, metric: 0.5, valMetric: valLoss === null ? null : 0.6, seconds: 1, samplesPerSec: 10 });
const runA = { name: 'A', history: [epoch(1, 0.9, 1), epoch(2, 0.5, 0.7)] };
const runB = { name: 'B', history: [epoch(1, 0.8, 0.9), epoch(2, 0.4, 0.6), epoch(3, 0.3, 0.65)] };
const runC = { name: 'C', history: [epoch(1, 0.7, null)] };
type Trace = { name: string; line: { dash: string }; mode: string };

describe('loss curves of compared runs', () => {
  test('each run has a line style of its own, shared by its training and validation curves, which differ by markers', () => {
    const traces = curveTraces([runA, runB], 'loss') as Trace[];
    expect(traces.map((t) => t.name)).toEqual(['A: training', 'A: validation', 'B: training', 'B: validation']);
    const [aTrain, aVal, bTrain, bVal] = traces;
    expect(aTrain!.line.dash).toBe(aVal!.line.dash);
    expect(bTrain!.line.dash).toBe(bVal!.line.dash);
    expect(aTrain!.line.dash).not.toBe(bTrain!.line.dash);
    expect([aTrain!.mode, aVal!.mode]).toEqual(['lines', 'lines+markers']);
  });

  test('the text alternative gives every run its final training and validation loss, not only the first run', () => {
    expect(curvesLabel([runA, runB, runC], 'loss', 'loss')).toBe(
      'Loss per epoch of 3 runs, at each one’s last epoch: A, training 0.5, validation 0.7 (epoch 2); B, training 0.3, validation 0.65 (epoch 3); C, training 0.7 (epoch 1).',
    );
  });

  test('one run is named by its figures alone; a run with no epoch yet says so', () => {
    expect(curvesLabel([runA], 'loss', 'loss')).toBe('Loss per epoch: training 0.5, validation 0.7 at the last epoch (2).');
    expect(curvesLabel([runA], 'metric', 'accuracy')).toBe('Accuracy per epoch: training 0.5, validation 0.6 at the last epoch (2).');
    expect(curvesLabel([{ name: 'new', history: [] }], 'loss', 'loss')).toBe('Loss per epoch: no epoch yet.');
  });

  test('an epoch Stop cut short says so, in the text alternative and when hovered', () => {
    const stopped = { name: 'S', history: [epoch(1, 0.9, 1), { ...epoch(2, 0.6, 0.8), rows: 3200 }] };
    expect(curvesLabel([stopped], 'loss', 'loss')).toBe('Loss per epoch: training 0.6, validation 0.8 at the last epoch (2, cut short after 3,200 rows).');
    expect(curvesLabel([runA, stopped], 'loss', 'loss')).toMatch(/S, training 0\.6, validation 0\.8 \(epoch 2, cut short after 3,200 rows\)\.$/);
    const [train] = curveTraces([stopped], 'loss') as unknown as { text: string[] }[];
    expect(train!.text).toEqual(['', 'cut short after 3,200 rows']);
  });
});
