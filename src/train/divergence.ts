/**
 * What a learner reads when a run's loss blew up: how it blew up, at which epoch, and a learning
 * rate to try. Pure, for train-loop.ts, which stops the run.
 */

/** A tenth of the rate, to two significant digits in plain decimals: 0.003 → '0.0003' (not 0.00030000000000000003), 1e-7 → '0.00000001'. */
const lowerRate = (learningRate: number) => (learningRate / 10).toLocaleString('en', { maximumSignificantDigits: 2 });

/** How the loss blew up: grew a thousandfold, overflowed to Infinity, or became NaN (an infinity minus another). */
function howItBlewUp(loss: number): string {
  if (Number.isNaN(loss)) return 'stopped being a number (it became NaN)';
  if (!Number.isFinite(loss)) return 'grew too large for the computer to hold (it became infinite)';
  return 'exploded';
}

/** e.g. 'The loss exploded at epoch 2. Lower the learning rate (try 0.0003), or scale the features with a scaling step in Prepare.' */
export function divergedMessage(loss: number, epoch: number, learningRate: number): string {
  return `The loss ${howItBlewUp(loss)} at epoch ${epoch}. Lower the learning rate (try ${lowerRate(learningRate)}), or scale the features with a scaling step in Prepare.`;
}
