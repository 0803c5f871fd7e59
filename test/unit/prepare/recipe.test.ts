import { describe, expect, test } from 'vitest';
import { checkChange, defaultRecipe, normalizeRecipe, type Recipe } from '../../../src/prepare/recipe';

const current = (): Recipe => defaultRecipe(3, true);
/** The recipe with one section replaced as a form would: cleared number inputs give null, NaN from valueAsNumber. */
const withSection = (patch: Partial<Record<'augment' | 'split', unknown>>) => ({ ...current(), ...patch }) as unknown as Recipe;

describe('a change to the recipe is checked before it is tried', () => {
  test('SMOTE with its neighbours cleared is refused, naming the field', () => {
    const draft = withSection({ augment: { ...current().augment, method: 'smote', k: null } });
    expect(checkChange(draft, current())).toEqual({ ok: false, problems: ['Neighbours: enter a whole number from 1 to 50.'] });
  });

  test('a valid augmentation comes back as it will be stored', () => {
    const draft = withSection({ augment: { ...current().augment, method: 'smote', k: 7, alpha: null } });
    const checked = checkChange(draft, current());
    expect(checked).toEqual({ ok: true, recipe: { ...current(), augment: { ...current().augment, method: 'smote', k: 7 } } });
  });

  test('a cleared split seed or percentage is refused, naming the field', () => {
    expect(checkChange(withSection({ split: { ...current().split, seed: Number.NaN } }), current())).toEqual({ ok: false, problems: ['Seed: enter a whole number, 0 or more.'] });
    expect(checkChange(withSection({ split: { ...current().split, seed: -2 } }), current())).toEqual({ ok: false, problems: ['Seed: enter a whole number, 0 or more.'] });
    // 2^53 + 1 typed is read as 2^53: the seed stored would not be the one typed.
    expect(checkChange(withSection({ split: { ...current().split, seed: Number('9007199254740993') } }), current())).toEqual({ ok: false, problems: ['Seed: enter a whole number from 0 to 9,007,199,254,740,991.'] });
    expect(checkChange(withSection({ split: { ...current().split, fractions: [0.7, Number.NaN, 0.3] } }), current())).toEqual({
      ok: false,
      problems: ['Validation %: enter a number from 0 to 100.'],
    });
  });

  test('a section the change does not touch is not checked, so an old stored value never blocks other edits', () => {
    const stored = { ...current(), split: { ...current().split, seed: -1 } };
    const draft = { ...stored, steps: [{ id: 's', kind: 'scale', enabled: true, params: {} }] };
    expect(checkChange(draft, stored)).toEqual({ ok: true, recipe: draft });
  });

  test('a stratified split is cut by row keys in a new recipe; one stored before keeps its shuffle until its settings change', () => {
    expect(current().split.dealing).toBe('keyed');
    const { dealing: _, ...storedBefore } = current().split;
    const stored = normalizeRecipe({ ...current(), split: storedBefore }, 3, true);
    expect(stored.split).toEqual({ ...current().split, dealing: 'shuffled' });
    // Another step keeps the stored dealing; a new seed (which re-deals the rows anyway) moves it to keyed.
    const stepAdded = checkChange({ ...stored, steps: [{ id: 's', kind: 'scale', enabled: true, params: {} }] }, stored);
    expect(stepAdded.ok && stepAdded.recipe.split.dealing).toBe('shuffled');
    const reseeded = checkChange({ ...stored, split: { ...stored.split, seed: 4 } }, stored);
    expect(reseeded).toEqual({ ok: true, recipe: { ...stored, split: { ...stored.split, seed: 4, dealing: 'keyed' } } });
  });
});
