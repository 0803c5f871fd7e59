/**
 * The recipe Prepare asks a report of before it adds a relabel by a condition, to refuse one that
 * matches no row: the steps up to the edit step alone, the relabel marked to be refused when it
 * matches none (mustMatch), over a split that trains on every row. A relabel of held-out rows
 * only is a fix the learner means (it changes what those rows are scored against), so the check
 * is over the whole dataset, not the training part. The mark is never stored: a later split, or a
 * cross-validation fold, without such a row must still fit.
 */
import type { Recipe } from './recipe';
import { editStepOf, withChange, type Relabel } from './steps/edit-cells';

export function relabelProbe(recipe: Recipe, relabel: Relabel): { recipe: Recipe; stepId: string } {
  const probe = JSON.parse(JSON.stringify(recipe)) as Recipe;
  const step = editStepOf(probe);
  step.enabled = true;
  step.params = withChange(step.params, { ...relabel, mustMatch: true });
  return {
    recipe: {
      steps: probe.steps.slice(0, probe.steps.indexOf(step) + 1),
      split: { ...probe.split, strategy: 'random', fractions: [1, 0, 0] },
      augment: { ...probe.augment, method: 'none' },
    },
    stepId: step.id,
  };
}
