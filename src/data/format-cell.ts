/** One stored value as the table shows it. */
import { booleanWord, isValid, type Column } from '../shared/column';

/**
 * '' for missing; numbers as JavaScript writes them (shortest exact form); dates as ISO
 * (date only at midnight UTC); booleans as the file wrote them (yes/no), else true/false; labels as stored.
 * Example: formatCell(dateColumn, 0) === '2024-03-05'.
 */
export function formatCell(column: Column, row: number): string {
  if (!isValid(column.valid, row)) return '';
  const v = column.values[row]!;
  switch (column.kind) {
    case 'numeric':
      return String(v);
    case 'boolean':
      return booleanWord(column, v);
    case 'datetime':
      return formatDate(v);
    default:
      return column.dictionary?.[v] ?? '';
  }
}

/** A date (epoch ms) as ISO: the date only at midnight UTC. Example: formatDate(0) === '1970-01-01'. */
export function formatDate(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
}
