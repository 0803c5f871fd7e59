/**
 * Bin labels in the order of their ranges. Sorted as text, "[9, 10)" comes after "[10, 20)",
 * so an ordinal encoding of a binned column would number its bins out of order.
 */

/** Where a bin label's range starts ("< a" before all, "any value" alone), or null for any other text. */
function rangeStart(label: string): number | null {
  if (label === 'any value') return Number.NEGATIVE_INFINITY;
  const open = /^(<|≥) (\S+)$/.exec(label);
  if (open) {
    const edge = Number(open[2]);
    if (Number.isNaN(edge)) return null;
    return open[1] === '<' ? Number.NEGATIVE_INFINITY : edge;
  }
  const closed = /^\[(\S+), (\S+)[)\]]$/.exec(label);
  if (!closed) return null;
  const [from, to] = [Number(closed[1]), Number(closed[2])];
  return Number.isNaN(from) || Number.isNaN(to) || from > to ? null : from;
}

/** The labels ordered by their ranges when every one is a bin label, else null. Example: ["≥ 20", "[10, 20)", "< 10"] → ["< 10", "[10, 20)", "≥ 20"]. */
export function rangeOrder(labels: readonly string[]): string[] | null {
  const starts = new Map<string, number>();
  for (const label of labels) {
    const start = rangeStart(label);
    if (start === null) return null;
    starts.set(label, start);
  }
  return [...labels].sort((a, b) => starts.get(a)! - starts.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
}
