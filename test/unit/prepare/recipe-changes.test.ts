import { describe, expect, test } from 'vitest';
import { defaultRecipe, normalizeRecipe, type Recipe } from '../../../src/prepare/recipe';
import { recipeChanges } from '../../../src/prepare/recipe-changes';
import { EARLIEST_KEPT, recipeVersions, runsByVersion } from '../../../src/prepare/recipe-history';
import type { StepSpec } from '../../../src/prepare/step';

const step = (id: string, kind: string, params: unknown, enabled = true): StepSpec => ({ id, kind, enabled, params });
const drop = (id: string, column: string) => step(id, 'drop-columns', { columns: [column] });
const base = defaultRecipe(1, true);
const withSteps = (...steps: StepSpec[]): Recipe => ({ ...base, steps });

describe('what a version changed from the one before', () => {
  test('steps added and removed are named with their place and what they do', () => {
    expect(recipeChanges(withSteps(drop('a', 'x')), withSteps(drop('a', 'x'), drop('b', 'y')))).toEqual(['Added step 2 (Drop columns): Drop "y".']);
    expect(recipeChanges(withSteps(drop('a', 'x'), drop('b', 'y')), withSteps(drop('b', 'y')))).toEqual(['Removed step 1 (Drop columns): Drop "x".']);
  });

  test('a step moved one place is that step, not also the one it passed', () => {
    const [a, b, c] = [drop('a', 'x'), drop('b', 'y'), drop('c', 'z')];
    // Two neighbours swapped: either moved past the other; the one that went up is named, as Move up on it did it.
    expect(recipeChanges(withSteps(a, b, c), withSteps(a, c, b))).toEqual(['Moved step 2 (Drop columns) from step 3.']);
    expect(recipeChanges(withSteps(a, b, c), withSteps(b, a, c))).toEqual(['Moved step 1 (Drop columns) from step 2.']);
    expect(recipeChanges(withSteps(a, b, c), withSteps(c, a, b))).toEqual(['Moved step 1 (Drop columns) from step 3.']);
  });

  test('a step switched off, and a step edited, say how it is now', () => {
    expect(recipeChanges(withSteps(drop('a', 'x')), withSteps(step('a', 'drop-columns', { columns: ['x'] }, false)))).toEqual(['Switched off step 1 (Drop columns).']);
    expect(recipeChanges(withSteps(drop('a', 'x')), withSteps(drop('a', 'w')))).toEqual(['Changed step 1 (Drop columns): now Drop "w".']);
  });

  test('label edits added and removed are listed by what they set', () => {
    const edit = { row: 3, column: 'y', value: 'b' };
    const relabel = { where: { column: 'y', op: '==', value: 'a' }, column: 'y', value: 'c' };
    const edits = (...list: unknown[]) => step('e', 'edit-cells', { edits: list, bulk: [] });
    expect(recipeChanges(withSteps(edits(edit)), withSteps(edits(edit, relabel)))).toEqual(['Edit added: y = "c" where y == a.']);
    expect(recipeChanges(withSteps(edits(edit, relabel)), withSteps(edits(relabel)))).toEqual(['Edit removed: Row 4: y = "b".']);
    // An edit step added or removed says its edits too.
    expect(recipeChanges(base, withSteps(edits(edit)))).toEqual(['Added step 1 (Edit values and labels): 1 cell edited.', 'Edit added: Row 4: y = "b".']);
    expect(recipeChanges(withSteps(edits(edit)), base)).toEqual(['Removed step 1 (Edit values and labels): 1 cell edited.', 'Edit removed: Row 4: y = "b".']);
    // Reordered, the same edits change the data (the later edit of a cell wins): that is said too.
    const other = { ...edit, value: 'c' };
    expect(recipeChanges(withSteps(edits(edit, other)), withSteps(edits(other, edit)))).toEqual([
      'Changed step 1 (Edit values and labels): the same edits in another order (where two set one cell, the later wins).',
    ]);
    // Details the words do not show (a date order): the step is said to have changed.
    expect(recipeChanges(withSteps(edits(edit)), withSteps(edits({ ...edit, dateOrder: 'dmy' })))).toEqual([expect.stringMatching(/^Changed step 1 \(Edit values and labels\): now /)]);
  });

  test('split and augmentation settings are said with what they were', () => {
    const grouped: Recipe = { ...base, split: { ...base.split, strategy: 'grouped', groupColumn: 'patient', fractions: [0.8, 0.1, 0.1], seed: 7 } };
    expect(recipeChanges(base, grouped)).toEqual([
      'Split: grouped by “patient” (was stratified by the target).',
      'Split shares (train/validation/test %): 80/10/10 (was 70/15/15).',
      'Split seed: 7 (was 1).',
    ]);
    const smote: Recipe = { ...base, augment: { ...base.augment, method: 'smote' } };
    expect(recipeChanges(base, smote)).toEqual(['Augmentation: SMOTE (was None).']);
    expect(recipeChanges(smote, { ...smote, augment: { ...smote.augment, k: 3, seed: 9 } })).toEqual(['Augmentation neighbours: 3 (was 5).', 'Augmentation seed: 9 (was 1).']);
    const noise: Recipe = { ...base, augment: { ...base.augment, method: 'noise', count: 1 } };
    expect(recipeChanges(noise, { ...noise, augment: { ...noise.augment, count: 2 } })).toEqual(['Augmentation copies per row: 2 (was 1).']);
  });

  test('a split dealt another way is said: its parts hold other rows', () => {
    expect(recipeChanges(base, { ...base, split: { ...base.split, dealing: 'shuffled' } })).toEqual(['Split rows dealt by a shuffle, as before keyed dealing (was by each row’s own key).']);
  });

  test('a version saved with nothing changed says so, rather than listing nothing', () => {
    expect(recipeChanges(base, structuredClone(base))).toEqual(['Saved with no change to the steps, split or augmentation.']);
  });
});

describe('the versions listed', () => {
  const read = (raw: unknown) => normalizeRecipe(raw, 1, true);

  test('newest first; version 1 against the recipe before any change; the earliest kept of a trimmed history says so', () => {
    const v1 = withSteps(drop('a', 'x'));
    const v2 = withSteps(drop('a', 'x'), drop('b', 'y'));
    const listed = recipeVersions({ version: 2, updatedAt: 20, recipe: v2, history: [{ version: 1, savedAt: 10, recipe: v1 }] }, read);
    expect(listed.map((v) => [v.version, v.savedAt, v.changes])).toEqual([
      [2, 20, ['Added step 2 (Drop columns): Drop "y".']],
      [1, 10, ['Added step 1 (Drop columns): Drop "x".']],
    ]);
    const trimmed = recipeVersions({ version: 9, updatedAt: 20, recipe: v2, history: [{ version: 8, savedAt: 10, recipe: v1 }] }, read);
    expect(trimmed.map((v) => v.changes)).toEqual([['Added step 2 (Drop columns): Drop "y".'], [EARLIEST_KEPT]]);
    expect(recipeVersions(undefined, read)).toEqual([]);
  });

  test('a version that goes back to an earlier one (an undo, a restore) names it', () => {
    const v1 = withSteps(drop('a', 'x'));
    const v2 = withSteps(drop('a', 'x'), drop('b', 'y'));
    const listed = recipeVersions({ version: 4, updatedAt: 40, recipe: v2, history: [{ version: 1, savedAt: 10, recipe: v1 }, { version: 2, savedAt: 20, recipe: v2 }, { version: 3, savedAt: 30, recipe: v1 }] }, read);
    expect(listed.map((v) => v.changes)).toEqual([
      ['The same as version 2.', 'Added step 2 (Drop columns): Drop "y".'],
      ['The same as version 1.', 'Removed step 2 (Drop columns): Drop "y".'],
      ['Added step 2 (Drop columns): Drop "y".'],
      ['Added step 1 (Drop columns): Drop "x".'],
    ]);
  });

  test('the same recipe saved three times names the earliest; version 1 is compared with the default of the task it fits best', () => {
    const v1 = withSteps(drop('a', 'x'));
    const v2 = withSteps(drop('a', 'x'), drop('b', 'y'));
    const history = [1, 2, 3, 4].map((version) => ({ version, savedAt: version, recipe: version % 2 ? v1 : v2 }));
    const listed = recipeVersions({ version: 5, updatedAt: 5, recipe: v1, history }, read);
    expect(listed.map((v) => v.changes[0])).toEqual(['The same as version 1.', 'The same as version 2.', 'The same as version 1.', 'Added step 2 (Drop columns): Drop "y".', 'Added step 1 (Drop columns): Drop "x".']);
    // The plan became regression since (its default split is random): version 1, a stratified split with a step, still only added the step.
    const regressionRead = (raw: unknown) => normalizeRecipe(raw, 1, false);
    const starts = [defaultRecipe(1, true), defaultRecipe(1, false)];
    expect(recipeVersions({ version: 1, updatedAt: 1, recipe: v1, history: [] }, regressionRead)[0]!.changes).toEqual(['Added step 1 (Drop columns): Drop "x".', 'Split: stratified by the target (was random).']);
    expect(recipeVersions({ version: 1, updatedAt: 1, recipe: v1, history: [] }, regressionRead, starts)[0]!.changes).toEqual(['Added step 1 (Drop columns): Drop "x".']);
  });

  test('a stored version that is damaged is listed as normalizeRecipe reads it', () => {
    const listed = recipeVersions({ version: 1, updatedAt: 5, recipe: { steps: 'nonsense', split: { seed: -3 } }, history: [] }, read);
    expect(listed[0]!.recipe.steps).toEqual([]);
    expect(listed[0]!.recipe.split.seed).toBe(1);
    // Its split strategy unreadable, it falls back to random: that, against the default's stratified split, is what it changed.
    expect(listed[0]!.changes).toEqual(['Split: random (was stratified by the target).']);
  });
});

test('runs are listed under the version they were trained with, oldest first; runs without a model, and runs from before any save, are not', () => {
  const run = (name: string, recipeVersion: number, status: string, createdAt: number) => ({ name, recipeVersion, status, createdAt }) as Parameters<typeof runsByVersion>[0][number];
  expect(runsByVersion([run('b', 2, 'completed', 20), run('a', 2, 'stopped', 10), run('c', 3, 'failed', 30), run('d', 3, 'running', 40), run('e', 0, 'completed', 5), run('f', 1, 'early-stopped', 1)])).toEqual({ 1: ['f'], 2: ['a', 'b'] });
});
