/** What the Prepare page says once a report is in. */
import { formatSeconds } from '../shared/format';
import type { PrepareReport } from '../workers/prepare-protocol';

/**
 * How long the fit took, and how many steps it took as the last fit left them (fit-checkpoints.ts),
 * so a learner sees why an edit near the end is quick. Example: 'Fitted in 115 ms; 5 of the 6 steps were kept from the last fit.'
 */
export function fittedText(report: Pick<PrepareReport, 'seconds' | 'reusedSteps' | 'steps'>): string {
  const fitted = report.steps.filter((s) => s.state === 'fitted').length;
  const took = `Fitted in ${formatSeconds(report.seconds)}`;
  if (report.reusedSteps === 0) return `${took}.`;
  const kept = fitted === 1 ? 'the one step was' : `${report.reusedSteps} of the ${fitted} steps ${report.reusedSteps === 1 ? 'was' : 'were'}`;
  return `${took}; ${kept} kept from the last fit.`;
}
