/** Prepare's undo and redo kept per project while the page is open, taken up only on the version they were kept at. */
import { expect, test } from 'vitest';
import { defaultRecipe } from '../../../src/prepare/recipe';
import { keepUndo, keptUndo } from '../../../src/prepare/undo-memory';

test('taken up on the version kept at, as copies; afresh on any other version, and for another project', () => {
  const [a, b] = [defaultRecipe(1, true), defaultRecipe(2, true)];
  const undo = [a];
  keepUndo('p', { version: 3, undo, redo: [b] });
  undo.push(b);
  expect(keptUndo('p', 3)).toEqual({ version: 3, undo: [a], redo: [b] });
  expect(keptUndo('p', 4)).toEqual({ version: 4, undo: [], redo: [] });
  expect(keptUndo('q', 3)).toEqual({ version: 3, undo: [], redo: [] });
  keepUndo('p', { version: 4, undo: [], redo: [] });
  expect(keptUndo('p', 3)).toEqual({ version: 3, undo: [], redo: [] });
});
