/** Whether a change to the recipe made the pipeline worse: the rule PrepareState refuses changes by. */

/** A step's place in a report: only its id and whether it fitted matter here. */
interface StepState {
  id: string;
  state: string;
}

/**
 * The step a changed recipe's report newly cannot apply, or undefined. Its first problem counts
 * unless that step could not apply before either, or was not reached before because an earlier
 * step could not and that one is now fitted, off or gone: the pipeline got further. A step that
 * could apply before, a new one, or one moved ahead of the step that cannot apply, counts.
 */
export function newlyBroken<S extends StepState>(before: readonly StepState[] | undefined, after: readonly S[]): S | undefined {
  const broken = after.find((s) => s.state === 'problem');
  if (!broken) return undefined;
  const was = before?.find((s) => s.id === broken.id)?.state;
  if (was === 'problem') return undefined;
  const blocker = before?.find((s) => s.state === 'problem');
  if (was === 'not-reached' && blocker && after.find((s) => s.id === blocker.id)?.state !== 'not-reached') return undefined;
  return broken;
}
