/** Regression metrics with scikit-learn's semantics. */

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** mean_squared_error */
export function mse(yTrue: readonly number[], yPred: readonly number[]): number {
  return mean(yTrue.map((y, i) => (y - yPred[i]!) ** 2));
}

/** mean_squared_error(squared=False) */
export function rmse(yTrue: readonly number[], yPred: readonly number[]): number {
  return Math.sqrt(mse(yTrue, yPred));
}

/** mean_absolute_error */
export function mae(yTrue: readonly number[], yPred: readonly number[]): number {
  return mean(yTrue.map((y, i) => Math.abs(y - yPred[i]!)));
}

/**
 * r2_score (force_finite=True): a constant target scores 1 if predicted exactly, else 0. Fewer
 * than two rows: NaN, as scikit-learn ("not well-defined"), shown as n/a, not a score of 0 or 1.
 */
export function r2(yTrue: readonly number[], yPred: readonly number[]): number {
  if (yTrue.length < 2) return Number.NaN;
  const m = mean(yTrue);
  const ssRes = yTrue.reduce((s, y, i) => s + (y - yPred[i]!) ** 2, 0);
  const ssTot = yTrue.reduce((s, y) => s + (y - m) ** 2, 0);
  if (ssTot === 0) return ssRes === 0 ? 1 : 0;
  return 1 - ssRes / ssTot;
}

/** median_absolute_error */
export function medianAbsoluteError(yTrue: readonly number[], yPred: readonly number[]): number {
  const errors = yTrue.map((y, i) => Math.abs(y - yPred[i]!)).sort((a, b) => a - b);
  const mid = errors.length >> 1;
  return errors.length % 2 ? errors[mid]! : (errors[mid - 1]! + errors[mid]!) / 2;
}

/** numpy.finfo(numpy.float64).eps, scikit-learn's floor for |y| in MAPE */
const EPS = 2.220446049250313e-16;

/** mean_absolute_percentage_error (a fraction, not a percentage, as scikit-learn). */
export function mape(yTrue: readonly number[], yPred: readonly number[]): number {
  return mean(yTrue.map((y, i) => Math.abs(y - yPred[i]!) / Math.max(Math.abs(y), EPS)));
}

/** Whether MAPE is misleading here: some target is within `tolerance` × the largest |target| of zero, where MAPE explodes. */
export function mapeWarning(yTrue: readonly number[], tolerance = 0.01): boolean {
  // A loop, not Math.max(...): spreading ~125,000 arguments overflows the call stack.
  let scale = 0;
  for (const y of yTrue) scale = Math.max(scale, Math.abs(y));
  return yTrue.some((y) => Math.abs(y) < tolerance * scale);
}
