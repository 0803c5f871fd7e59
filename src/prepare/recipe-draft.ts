/** A draft of a recipe change: the errors that refuse it before it is tried, and the step it names. */
import type { Recipe } from './recipe';
import type { StepSpec } from './step';

/** A change refused before it is tried; the message says why, shown by the form it came from. */
export class ChangeRefused extends Error {}

/** A change to a step the recipe no longer has (another tab's version, shown since, removed it). */
export class StepGone extends ChangeRefused {
  constructor() {
    super('This step is no longer in the recipe: it was removed in another tab.');
  }
}

export function stepOf(recipe: Recipe, id: string): StepSpec {
  const step = recipe.steps.find((s) => s.id === id);
  if (!step) throw new StepGone();
  return step;
}
