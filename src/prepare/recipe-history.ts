/**
 * The recipe's saved versions as the History panel lists them, newest first, each with what it
 * changed from the one before. Every change is saved as a version (storage/recipes.ts), so this
 * is also how a change outlives the page: undo lasts only while it is open.
 */
import type { RecipeRow, RunRow } from '../storage/rows';
import { recipeChanges } from './recipe-changes';
import type { Recipe } from './recipe';

export interface RecipeVersionEntry {
  version: number;
  /** epoch ms */
  savedAt: number;
  recipe: Recipe;
  /** one line per change from the version before */
  changes: string[];
}

export const EARLIEST_KEPT = 'The earliest version kept: older ones are no longer stored.';

/**
 * The stored versions, newest first. `read` turns stored JSON into a recipe (normalizeRecipe,
 * with the project's defaults). Version 1 is compared with the recipe before any change: of
 * `starts` (the defaults of each task, when the plan's task may have changed since), the one it
 * differs from least, dealt as it was dealt (one saved before keyed dealing began from a
 * shuffled default).
 */
export function recipeVersions(row: Pick<RecipeRow, 'version' | 'updatedAt' | 'recipe' | 'history'> | undefined, read: (raw: unknown) => Recipe, starts: readonly Recipe[] = [read(undefined)]): RecipeVersionEntry[] {
  if (!row) return [];
  const stored = [...row.history, { version: row.version, savedAt: row.updatedAt, recipe: row.recipe }];
  const recipes = stored.map((s) => read(s.recipe));
  const startOf = (first: Recipe): Recipe => {
    const dealt = starts.map((start) => ({ ...start, split: { ...start.split, dealing: first.split.dealing } }));
    return dealt.reduce((best, start) => (recipeChanges(start, first).length < recipeChanges(best, first).length ? start : best));
  };
  // The earliest version each recipe already was, by its JSON: an undo or a restore goes back to one.
  const firstSeen: Record<string, number> = {};
  return stored
    .map((s, i) => {
      const before = i > 0 && stored[i - 1]!.version === s.version - 1 ? recipes[i - 1]! : s.version === 1 ? startOf(recipes[i]!) : null;
      const changes = before ? recipeChanges(before, recipes[i]!) : [EARLIEST_KEPT];
      const json = JSON.stringify(recipes[i]);
      const earlier = firstSeen[json];
      firstSeen[json] ??= s.version;
      if (earlier !== undefined && earlier !== s.version - 1) changes.unshift(`The same as version ${earlier}.`);
      return { version: s.version, savedAt: s.savedAt, recipe: recipes[i]!, changes };
    })
    .reverse();
}

/** Statuses of runs that left a model to evaluate. */
const WITH_MODEL: ReadonlySet<string> = new Set(['completed', 'early-stopped', 'stopped']);

/** The names of the runs trained with each recipe version, oldest run first: the History panel says which version gave which model. */
export function runsByVersion(runs: readonly Pick<RunRow, 'name' | 'recipeVersion' | 'status' | 'createdAt'>[]): Record<number, string[]> {
  const out: Record<number, string[]> = {};
  for (const run of [...runs].sort((a, b) => a.createdAt - b.createdAt)) if (WITH_MODEL.has(run.status) && run.recipeVersion > 0) (out[run.recipeVersion] ??= []).push(run.name);
  return out;
}
