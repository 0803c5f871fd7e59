/** Prepare's undo and redo kept per project while the page is open, taken up only on the version and dataset they were kept at. */
import { expect, test } from 'vitest';
import { defaultRecipe } from '../../../src/prepare/recipe';
import { keepUndo, keptUndo } from '../../../src/prepare/undo-memory';

test('taken up on the version and dataset kept at, as copies; afresh on any other, and for another project', () => {
  const [a, b] = [defaultRecipe(1, true), defaultRecipe(2, true)];
  const undo = [a];
  keepUndo('p', { version: 3, datasetId: 'd', undo, redo: [b] });
  undo.push(b);
  expect(keptUndo('p', 3, 'd')).toEqual({ version: 3, datasetId: 'd', undo: [a], redo: [b] });
  expect(keptUndo('p', 4, 'd')).toEqual({ version: 4, datasetId: 'd', undo: [], redo: [] });
  // Its recipes were tried on dataset d only.
  expect(keptUndo('p', 3, 'e')).toEqual({ version: 3, datasetId: 'e', undo: [], redo: [] });
  expect(keptUndo('q', 3, 'd')).toEqual({ version: 3, datasetId: 'd', undo: [], redo: [] });
  keepUndo('p', { version: 4, datasetId: 'd', undo: [], redo: [] });
  expect(keptUndo('p', 3, 'd').undo).toEqual([]);
});
