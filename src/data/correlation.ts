/**
 * Pearson correlations between the numeric (and boolean, as 0/1) columns, for the heatmap.
 * Pairwise complete: each pair uses the rows where both values are present.
 */
import type { Table } from '../shared/column';
import { pearson } from './warnings';

export interface CorrelationMatrix {
  columns: string[];
  /** r[i][j]; NaN where a column is constant over the shared rows */
  r: number[][];
}

/** Example: two columns x and 2x → { columns: ['x', 'y'], r: [[1, 1], [1, 1]] }. At most `maxColumns` columns, in table order. */
export function correlationMatrix(table: Table, maxColumns = 30): CorrelationMatrix {
  const chosen = table.columns.filter((c) => c.kind === 'numeric' || c.kind === 'boolean').slice(0, maxColumns);
  const r = chosen.map(() => new Array<number>(chosen.length).fill(Number.NaN));
  for (let i = 0; i < chosen.length; i++) {
    for (let j = i; j < chosen.length; j++) {
      const value = i === j ? 1 : pearson(chosen[i]!, chosen[j]!, table.rowCount);
      r[i]![j] = value;
      r[j]![i] = value;
    }
  }
  return { columns: chosen.map((c) => c.name), r };
}
