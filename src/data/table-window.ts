/**
 * Where a virtual table's rows sit in its scroll area. One row is ROW_HEIGHT pixels, until the
 * area would grow past MAX_SCROLL_PX: browsers cap an element's height (about 17.9 million
 * pixels in Firefox, 33.5 million in Chromium), beyond which the last rows of a 1.2-million-row
 * table could not be reached. Past that the scrollbar maps onto the rows proportionally, and the
 * rows drawn are placed where the view is. `rowArea`: the pixels of the view that show rows
 * (its height less its sticky header's).
 */
export const ROW_HEIGHT = 28;
export const MAX_SCROLL_PX = 15_000_000;

/** Height of the scroll area holding `rowCount` rows. */
export function scrollHeight(rowCount: number): number {
  return Math.min(rowCount * ROW_HEIGHT, MAX_SCROLL_PX);
}

/**
 * How far down the whole list of rows, in pixels at ROW_HEIGHT a row, the top of the row area
 * is: the scroll position itself, or past the cap the same fraction of the way down.
 */
export function virtualTop(rowCount: number, scrollTop: number, rowArea: number): number {
  const full = rowCount * ROW_HEIGHT;
  const height = scrollHeight(rowCount);
  if (height === full) return scrollTop;
  const fraction = Math.min(1, Math.max(0, scrollTop / Math.max(1, height - rowArea)));
  return fraction * Math.max(0, full - rowArea);
}

/** The first row in view. */
export function firstInView(rowCount: number, scrollTop: number, rowArea: number): number {
  return Math.min(Math.max(0, rowCount - 1), Math.floor(virtualTop(rowCount, scrollTop, rowArea) / ROW_HEIGHT));
}

/** The pixel top of `row` in the scroll area (below its header), drawn at `scrollTop`. */
export function rowTop(row: number, rowCount: number, scrollTop: number, rowArea: number): number {
  return Math.max(0, scrollTop + row * ROW_HEIGHT - virtualTop(rowCount, scrollTop, rowArea));
}
