/**
 * When a success criterion's problem is shown, and which control it is about. A problem that typing
 * the threshold causes waits until the field is left or Enter is pressed, as ThresholdInput does for
 * text that is not a number: an alert at every keystroke would interrupt the typing.
 */
import { criterionProblem, type Criterion } from './criteria';
import type { TaskType } from './metrics';

export interface ThresholdEditing {
  /** the threshold was typed into since the field was last left */
  typing: boolean;
  /** the problem when the field was last left (null: none) */
  atLastCommit: string | null;
}

/**
 * The message to show, given the criterion's problem `now`. While typing it stays the one found on
 * leaving (no new alert per keystroke); a fix hides it at once. A problem typing did not cause (the
 * task type changed) shows at once.
 */
export function shownProblem(now: string | null, editing: ThresholdEditing): string | null {
  if (now === null) return null;
  return editing.typing ? editing.atLastCommit : now;
}

/** The control a criterion's problem is about: its metric (it does not fit the task) or its threshold; null when sound. */
export function problemField(c: Criterion, task: TaskType | ''): 'metric' | 'threshold' | null {
  if (criterionProblem(c, task) === null) return null;
  return criterionProblem({ ...c, threshold: null }, task) === null ? 'threshold' : 'metric';
}
