/** How a dataset was made, in one sentence for its summary (lineage). */
import type { DatasetRecipe } from '../storage/rows';
import { KIND_LABELS } from './kinds';

/** Example: describeRecipe({ kind: 'join', otherFile: 'b.csv', key: 'id', how: 'left' }, 'sales') → 'sales, left-joined with b.csv on "id"'. */
export function describeRecipe(recipe: DatasetRecipe, parentName: string | null): string {
  const parent = parentName ?? 'a dataset since deleted';
  switch (recipe.kind) {
    case 'import':
      return 'Imported from a file.';
    case 'sample':
      return 'Opened from a bundled sample.';
    case 'append':
      return `${parent}, with the rows of ${recipe.otherFile} appended.`;
    case 'join':
      return `${parent}, ${recipe.how === 'inner' ? 'inner' : 'left'}-joined with ${recipe.otherFile} on "${recipe.key}".`;
    case 'retype':
      return `${parent}, with "${recipe.column}" read as ${KIND_LABELS[recipe.to].toLowerCase()} instead of ${KIND_LABELS[recipe.from].toLowerCase()}.`;
  }
}
