/**
 * Habits of some exporters that the separator and quote alone do not capture: comment lines
 * before the header, a separator closing every line, and '1.234' under a decimal comma. Each is
 * detected on the inspected sample and explained in one sentence for the learner.
 */
import type { ColumnPlan } from './row-sink';

/** '1.234' is a dot decimal in one locale and a thousand in another. */
export const DOT_THOUSANDS = /^[+-]?\d{1,3}(\.\d{3})+$/;

/** The text of each line at the start of `text` that opens with '#' (a '\r' before the line break left out). */
export function leadingHashLines(text: string, breakChar: string): string[] {
  const lines: string[] = [];
  for (let at = 0; at < text.length; ) {
    const found = text.indexOf(breakChar, at);
    const end = found === -1 ? text.length : found;
    const line = text.slice(at, text[end - 1] === '\r' && breakChar === '\n' ? end - 1 : end);
    if (!line.trimStart().startsWith('#')) break;
    lines.push(line);
    at = end + 1;
  }
  return lines;
}

/**
 * How many of `candidates` (leading lines opening with '#') are comments rather than a header:
 * each has fewer fields under `delimiter` than the `width` (at least 2) of the record after them,
 * so read as the header it would make every row ragged. Example: ['# by tool X'], ',', 3 → 1.
 */
export function commentLineCount(candidates: readonly string[], delimiter: string, width: number): number {
  if (width < 2) return 0;
  let n = 0;
  while (n < candidates.length && candidates[n]!.split(delimiter).length < width) n++;
  return n;
}

const quoted = (line: string) => `"${line.length > 60 ? `${line.slice(0, 59)}…` : line}"`;

/**
 * What skipping the first lines means, e.g. 'Line 1 looks like a comment, not a header:
 * "# exported by tool X". It is skipped; the column names are read from line 2.'
 */
export function skippedLinesNote(lines: readonly string[], hasHeader: boolean): string {
  const n = lines.length;
  const rest = hasHeader ? `the column names are read from line ${n + 1}` : `the data starts on line ${n + 1}`;
  const which = n === 1 ? 'Line 1' : n === 2 ? 'Lines 1 and 2' : `Lines 1 to ${n}`;
  if (!lines.every((l) => l.trimStart().startsWith('#'))) return `${which} ${n === 1 ? 'is' : 'are'} skipped; ${rest}.`;
  const shown = n === 1 ? quoted(lines[0]!) : n === 2 ? `${quoted(lines[0]!)} and ${quoted(lines[1]!)}` : `${quoted(lines[0]!)} … ${quoted(lines[n - 1]!)}`;
  return n === 1
    ? `Line 1 looks like a comment, not a header: ${shown}. It is skipped; ${rest}.`
    : `${which} look like comments, not a header: ${shown}. They are skipped; ${rest}.`;
}

/** Which lines end with a separator that closes the last field instead of opening another. */
export type TrailingSeparator = 'every line' | 'data lines' | 'header';

const endsEmpty = (record: readonly string[]) => record.length > 1 && record[record.length - 1] === '';

/**
 * Whether the sample's records (blank ones left out) end with a separator: on every line; on
 * every data line, one field more than the header; or on the header only, one name more than
 * the data. A last column the header names and the data leaves empty is a column, not this.
 * Example: [['a', 'b', ''], ['1', '2', '']] → 'every line'; [['a', 'b'], ['1', '2', '']] → 'data lines'.
 */
export function trailingSeparator(records: readonly (readonly string[])[], hasHeader: boolean): TrailingSeparator | null {
  if (records.length < 2) return null;
  if (records.every(endsEmpty)) return 'every line';
  if (!hasHeader) return null;
  const [header, ...data] = records as [readonly string[], ...(readonly string[])[]];
  if (!endsEmpty(header) && data.every((r) => endsEmpty(r) && r.length === header.length + 1)) return 'data lines';
  if (endsEmpty(header) && data.every((r) => r.length === header.length - 1)) return 'header';
  return null;
}

export function trailingSeparatorNote(where: TrailingSeparator): string {
  if (where === 'every line') return 'Every line ends with a separator; the empty last field is ignored.';
  if (where === 'data lines') return 'Every data line ends with a separator (the header does not); the empty last field is ignored.';
  return 'The header line ends with a separator (the data lines do not); the empty last name is ignored.';
}

/**
 * Under a decimal comma, '1.234' is read as 1234. The first such value of a numeric column in
 * the sample, named by its line, so a learner whose '.' is a decimal point can say so; null when none.
 * `lines` holds the line of the file each of `rows` starts on.
 */
export function dotThousandsNote(rows: readonly (readonly string[])[], lines: readonly number[], columns: readonly ColumnPlan[]): string | null {
  const numeric = columns.flatMap((c, i) => (c.kind === 'numeric' ? [i] : []));
  for (let r = 0; r < rows.length; r++) {
    for (const c of numeric) {
      const cell = (rows[r]![c] ?? '').trim();
      if (!DOT_THOUSANDS.test(cell)) continue;
      const value = cell.replaceAll('.', '').replace(/^\+/, '');
      return (
        `Line ${lines[r]!.toLocaleString('en')}: "${cell}" in column "${columns[c]!.name}" is read as ${value}, because with a decimal comma "." separates thousands. ` +
        'If "." is a decimal point in this file, untick "Decimal comma".'
      );
    }
  }
  return null;
}
