/**
 * Whether the plan's target is a column of the dataset in use. A plan is written before, or
 * apart from, the data: a target typed as "MPG", or a dataset switched for another, leaves the
 * plan naming a column that is not there, and every stage after Data has to say so the same way.
 */

/**
 * Why the plan's target is not a column of the dataset, naming a column that differs only in
 * case or spacing when there is one; null when it is a column, or when no target is chosen.
 */
export function targetNotInDataset(target: string, columns: readonly { name: string }[], datasetName: string): string | null {
  if (!target || columns.some((c) => c.name === target)) return null;
  const loose = (name: string) => name.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
  const near = columns.find((c) => loose(c.name) === loose(target));
  const hint = near ? ` Did you mean "${near.name}"?` : '';
  return `The plan’s target "${target}" is not a column of the dataset "${datasetName}".${hint} Choose the target in Plan, or use a dataset that has it in Data.`;
}
