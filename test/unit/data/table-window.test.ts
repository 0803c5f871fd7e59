import { describe, expect, test } from 'vitest';
import { firstInView, MAX_SCROLL_PX, ROW_HEIGHT, rowTop, scrollHeight } from '../../../src/data/table-window';

const VIEW = 420;

describe('where a virtual table’s rows sit', () => {
  test('up to the cap, a row is ROW_HEIGHT pixels and sits at row × ROW_HEIGHT', () => {
    expect(scrollHeight(1_000)).toBe(1_000 * ROW_HEIGHT);
    expect(firstInView(1_000, 2_800, VIEW)).toBe(100);
    expect(rowTop(80, 1_000, 2_800, VIEW)).toBe(80 * ROW_HEIGHT);
  });

  test('past the browsers’ height limit the area is capped, and its whole length still reaches every row', () => {
    const rows = 3_000_000; // 84 million pixels at 28 each
    const height = scrollHeight(rows);
    expect(height).toBe(MAX_SCROLL_PX);
    expect(firstInView(rows, 0, VIEW)).toBe(0);
    // At the bottom, the last rows fill the view.
    const bottom = height - VIEW;
    expect(firstInView(rows, bottom, VIEW)).toBe(rows - VIEW / ROW_HEIGHT);
    // The last row ends where the view ends.
    expect(rowTop(rows - 1, rows, bottom, VIEW) + ROW_HEIGHT).toBe(bottom + VIEW);
    // Halfway down, halfway through the rows; and scrolling down never goes back.
    expect(Math.abs(firstInView(rows, bottom / 2, VIEW) - rows / 2)).toBeLessThan(20);
    let previous = -1;
    for (let top = 0; top <= bottom; top += bottom / 97) {
      const first = firstInView(rows, top, VIEW);
      expect(first).toBeGreaterThanOrEqual(previous);
      previous = first;
    }
    // The rows drawn stand where the view is: the first row in view at the scroll position, the rows before it just above.
    const top = 7_654_321;
    const first = firstInView(rows, top, VIEW);
    const offset = rowTop(first, rows, top, VIEW) - top;
    expect(offset).toBeLessThanOrEqual(0);
    expect(offset).toBeGreaterThan(-ROW_HEIGHT);
    expect(rowTop(first - 20, rows, top, VIEW)).toBe(rowTop(first, rows, top, VIEW) - 20 * ROW_HEIGHT);
  });
});
