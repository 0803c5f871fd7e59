/** Why a step cannot apply, in words for its form. The pipeline stays as it was. */
export class StepProblem extends Error {
  override readonly name = 'StepProblem';
}
