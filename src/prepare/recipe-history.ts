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
 * with the project's defaults); version 1 is compared with what it reads from nothing, the
 * recipe before any change.
 */
export function recipeVersions(row: Pick<RecipeRow, 'version' | 'updatedAt' | 'recipe' | 'history'> | undefined, read: (raw: unknown) => Recipe): RecipeVersionEntry[] {
  if (!row) return [];
  const stored = [...row.history, { version: row.version, savedAt: row.updatedAt, recipe: row.recipe }];
  const recipes = stored.map((s) => read(s.recipe));
  // The recipe before any change, dealt as version 1 was: one saved before keyed dealing began from a shuffled default, and changed nothing there.
  const startOf = (first: Recipe): Recipe => {
    const start = read(undefined);
    return { ...start, split: { ...start.split, dealing: first.split.dealing } };
  };
  // The latest earlier version each recipe was already, by its JSON: an undo or a restore goes back to one.
  const lastSeen: Record<string, number> = {};
  return stored
    .map((s, i) => {
      const before = i > 0 && stored[i - 1]!.version === s.version - 1 ? recipes[i - 1]! : s.version === 1 ? startOf(recipes[i]!) : null;
      const changes = before ? recipeChanges(before, recipes[i]!) : [EARLIEST_KEPT];
      const json = JSON.stringify(recipes[i]);
      const earlier = lastSeen[json];
      lastSeen[json] = s.version;
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
