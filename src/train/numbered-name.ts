/**
 * The next name of a numbered series ("Run 3", "sweep 2"): one more than the highest number in
 * use, not one more than the count, so after a delete it never repeats a name that is still there.
 * Names match whatever their case and surrounding spaces, as a learner may type them.
 * Example: nextNumbered('Run', ['Run 2', 'best so far']) → 'Run 3'; nextNumbered('sweep', []) → 'sweep 1'.
 */
export function nextNumbered(prefix: string, names: Iterable<string>): string {
  const pattern = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (\\d+)$`, 'i');
  let highest = 0;
  for (const name of names) {
    const match = pattern.exec(name.trim());
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `${prefix} ${highest + 1}`;
}
