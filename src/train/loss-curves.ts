/**
 * The training curves' Plotly traces and their text alternative, for one run (live) or the two to
 * four being compared. Runs differ by line style as well as colour, and a run's validation curve
 * carries markers where its training curve has none, so no curve is told apart by colour alone.
 */
import type { Data } from 'plotly.js-dist-min';
import { formatStat } from '../shared/format';
import { cutShortNote, isCutShort } from './cut-short';
import type { EpochRecord } from './train-loop';

export interface CurveRun {
  name: string;
  history: EpochRecord[];
}

export type Measure = 'loss' | 'metric';

/** One style per run; MAX_COMPARED (4) runs never repeat one. */
const DASHES = ['solid', 'dash', 'dot', 'dashdot', 'longdash', 'longdashdot'] as const;

const picks = {
  loss: { train: (h: EpochRecord) => h.loss, validation: (h: EpochRecord) => h.valLoss },
  metric: { train: (h: EpochRecord) => h.metric, validation: (h: EpochRecord) => h.valMetric },
};

/** Per run a training trace, and a validation trace when the run has validation figures. */
export function curveTraces(runs: readonly CurveRun[], measure: Measure): Data[] {
  const pick = picks[measure];
  return runs.flatMap((r, i) => {
    const epochs = r.history.map((h) => h.epoch);
    const label = runs.length === 1 ? '' : `${r.name}: `;
    const line = { dash: DASHES[i % DASHES.length]! };
    // An epoch Stop cut short says so when hovered: its training figure is over fewer rows.
    const text = r.history.map((h) => (isCutShort(h) ? cutShortNote(h) : ''));
    const traces: Data[] = [{ type: 'scatter', mode: 'lines', name: `${label}training`, x: epochs, y: r.history.map(pick.train), line, text, hoverinfo: 'all' }];
    if (r.history.some((h) => pick.validation(h) !== null)) {
      // Markers at up to 30 epochs: enough to mark the curve, few enough not to hide it.
      traces.push({ type: 'scatter', mode: 'lines+markers', name: `${label}validation`, x: epochs, y: r.history.map(pick.validation), line, marker: { symbol: 'circle-open', size: 6, maxdisplayed: 30 } });
    }
    return traces;
  });
}

/** " (12)" or " (12, cut short after 3,200 rows)": which epoch the figures are of. */
function epochNote(epoch: EpochRecord, word = ''): string {
  return ` (${word}${epoch.epoch}${isCutShort(epoch) ? `, ${cutShortNote(epoch)}` : ''})`;
}

/**
 * The chart in words: each run's training and validation figure at its last epoch, e.g. "Loss per
 * epoch: training 0.5, validation 0.7 at the last epoch (2)." `title` names the measure ("loss", "RMSE").
 */
export function curvesLabel(runs: readonly CurveRun[], measure: Measure, title: string): string {
  const pick = picks[measure];
  const heading = `${title.charAt(0).toUpperCase()}${title.slice(1)} per epoch`;
  const figures = (last: EpochRecord) => {
    const validation = pick.validation(last);
    return `training ${formatStat(pick.train(last))}${validation === null ? '' : `, validation ${formatStat(validation)}`}`;
  };
  if (runs.length === 0) return `${heading}: no run.`;
  if (runs.length === 1) {
    const last = runs[0]!.history.at(-1);
    return last ? `${heading}: ${figures(last)} at the last epoch${epochNote(last)}.` : `${heading}: no epoch yet.`;
  }
  const each = runs.map((r) => {
    const last = r.history.at(-1);
    return last ? `${r.name}, ${figures(last)}${epochNote(last, 'epoch ')}` : `${r.name}, no epoch yet`;
  });
  return `${heading} of ${runs.length} runs, at each one’s last epoch: ${each.join('; ')}.`;
}
