/**
 * Combining two tables: appending the rows of one to another with the same columns, or joining
 * one onto another on a key column (inner or left). Pure functions over typed arrays; the
 * results are new tables and neither input is changed.
 */
import { allocValues, bitmapBytes, isValid, setValid, usesDictionary, type Column, type Table } from '../shared/column';
import type { ParseFailures } from './column-builder';
import { formatCell } from './format-cell';
import { retypeColumn, type RetypeOptions } from './retype';
import { parseDate } from './dates';
import { parseNumber } from './numbers';

export type MergeProblem = { ok: false; problem: string };

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');
const loose = (name: string) => name.trim().toLowerCase();

/**
 * Where each of the parent's columns is in the other file, by name (the order may differ), or
 * why the files cannot be appended: the columns the other file lacks or adds, with a hint when
 * a name differs only by case or spaces.
 * Example: planAppend(['id', 'age'], ['Age ', 'id'], 'b.csv') → a problem naming "Age " and "age".
 */
export function planAppend(parentNames: readonly string[], otherNames: readonly string[], otherName: string): { ok: true; mapping: number[] } | MergeProblem {
  const mapping = parentNames.map((name) => otherNames.indexOf(name));
  const lacking = parentNames.filter((_, i) => mapping[i]! < 0);
  const extra = otherNames.filter((name) => !parentNames.includes(name));
  if (lacking.length === 0 && extra.length === 0) return { ok: true, mapping };
  const sentences = [`"${otherName}" does not have the same columns, so its rows cannot be appended.`];
  if (lacking.length) sentences.push(`It lacks ${quoted(lacking)}.`);
  if (extra.length) sentences.push(`It has ${quoted(extra)}, which this dataset does not.`);
  const hints = extra.flatMap((name) => lacking.filter((l) => loose(l) === loose(name)).map((l) => `"${name}" there looks like "${l}" here`));
  if (hints.length) sentences.push(`Names must match exactly: ${hints.join('; ')}.`);
  sentences.push('Rename the columns in the file so both have the same names, or join the files on a key column instead.');
  return { ok: false, problem: sentences.join(' ') };
}

/** Copy rows [0, n) of `from` into `to` starting at row `at`, codes mapped through `codes` when given. */
function copyRows(to: Column, from: Column, n: number, at: number, codes?: Uint32Array): void {
  for (let r = 0; r < n; r++) {
    if (!isValid(from.valid, r)) continue;
    const v = from.values[r]!;
    to.values[at + r] = codes ? codes[v]! : v;
    setValid(to.valid, at + r);
  }
}

/**
 * The parent's rows, then the other's, in the parent's column order, names and kinds. An other
 * column of another kind is read as the parent's kind first, as retypeColumn reads it (labels
 * "1" and "0" are true and false); values that do not fit become missing, and `converted` says
 * where the first was (`firstRow` is a row of `other`). Labels are merged into the parent's dictionary.
 */
export function appendTables(
  parent: Table,
  other: Table,
  mapping: readonly number[],
  options: RetypeOptions = {},
): { table: Table; converted: { column: string; failures: ParseFailures }[] } {
  const rowCount = parent.rowCount + other.rowCount;
  const converted: { column: string; failures: ParseFailures }[] = [];
  const columns = parent.columns.map((p, i): Column => {
    let o = other.columns[mapping[i]!]!;
    if (o.kind !== p.kind) {
      const retyped = retypeColumn(o, other.rowCount, p.kind, options);
      o = retyped.column;
      if (retyped.failures) converted.push({ column: p.name, failures: retyped.failures });
    }
    const out: Column = { name: p.name, kind: p.kind, values: allocValues(p.kind, rowCount), valid: new Uint8Array(bitmapBytes(rowCount)) };
    // True/false shown as the dataset writes them, whatever the appended file's spelling.
    if (p.words) out.words = p.words;
    copyRows(out, p, parent.rowCount, 0);
    if (usesDictionary(p.kind)) {
      const dictionary = [...p.dictionary!];
      const index = new Map(dictionary.map((label, code) => [label, code]));
      const codes = Uint32Array.from(o.dictionary!, (label) => {
        let code = index.get(label);
        if (code === undefined) index.set(label, (code = dictionary.push(label) - 1));
        return code;
      });
      out.dictionary = dictionary;
      copyRows(out, o, other.rowCount, parent.rowCount, codes);
    } else copyRows(out, o, other.rowCount, parent.rowCount);
    return out;
  });
  return { table: { rowCount, columns }, converted };
}

export type JoinHow = 'inner' | 'left';

export interface JoinStats {
  /** left rows with at least one match */
  matchedLeftRows: number;
  /** left rows without a match: kept with missing right values (left), or dropped (inner); those without a key included */
  unmatchedLeftRows: number;
  /** left rows whose key is missing, which match nothing: how many, and the first LISTED_KEYLESS of them (0-based) */
  missingKeyLeftRows: { count: number; rows: number[] };
  /** distinct right keys that occur more than once (each multiplies its left rows) */
  duplicateRightKeys: number;
  rowCount: number;
  /** right columns renamed because the left already has the name */
  renamed: { from: string; to: string }[];
  /**
   * unmatched left rows whose key is written like a right key but not the same ('1' and '001',
   * 'Ann' and 'ann'): how many, and the first such pair; null when there are none
   */
  lookAlike: { rows: number; here: string; there: string } | null;
}

/** A present key's text: as the table shows it, but a yes/no value as true or false whatever its file's words. */
function keyText(column: Column, row: number): string {
  return column.kind === 'boolean' ? (column.values[row] ? 'true' : 'false') : formatCell(column, row);
}

/** Left rows without a key that are named by row; the rest are counted. */
export const LISTED_KEYLESS = 5;

/**
 * A key as written alike: a number as its value ('001', '1.0', '1,000' → '#1', '#1', '#1000'),
 * a date as its instant, other text trimmed and in lower case.
 */
function alikeKey(text: string): string {
  const x = parseNumber(text, false);
  if (!Number.isNaN(x)) return `#${x}`;
  const t = parseDate(text, 'ymd');
  if (!Number.isNaN(t)) return `@${t}`;
  return `'${text.trim().toLowerCase()}`;
}

/** How many unmatched left rows, counted by key, would match a right key written alike, and the first such pair. */
function lookAlikeKeys(unmatched: ReadonlyMap<string, number>, rightKeys: Iterable<string>): JoinStats['lookAlike'] {
  if (unmatched.size === 0) return null;
  const alike = new Map<string, string>();
  for (const key of rightKeys) {
    const k = alikeKey(key);
    if (!alike.has(k)) alike.set(k, key);
  }
  let found: JoinStats['lookAlike'] = null;
  for (const [key, rows] of unmatched) {
    const there = alike.get(alikeKey(key));
    if (there === undefined) continue;
    if (found) found.rows += rows;
    else found = { rows, here: key, there };
  }
  return found;
}

/** A copy of `column` with rows picked by `rows` (-1 = missing). */
function gather(column: Column, rows: Int32Array, name: string): Column {
  const n = rows.length;
  const out: Column = { name, kind: column.kind, values: allocValues(column.kind, n), valid: new Uint8Array(bitmapBytes(n)) };
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    if (r < 0 || !isValid(column.valid, r)) continue;
    out.values[i] = column.values[r]!;
    setValid(out.valid, i);
  }
  if (column.dictionary) out.dictionary = column.dictionary;
  if (column.words) out.words = column.words;
  return out;
}

/**
 * SQL semantics: each left row is paired with every right row whose key is equal, in right
 * order; `left` keeps unmatched left rows with the right columns missing, `inner` drops them.
 * Keys compare by their text, so the number 1 matches the label "1"; a missing key never matches.
 * A yes/no key compares by value: Yes in one file matches true in the other.
 * Keys that differ only in how they are written ("001" and 1) do not match either; they are
 * counted in `lookAlike`, so the learner can be told.
 * Columns: the left's, then the right's but its key; a right name the left has gets " (2)", or
 * the first " (k)" that neither table has.
 */
export function joinTables(left: Table, right: Table, leftKey: string, rightKey: string, how: JoinHow, maxRows = 5_000_000): { ok: true; table: Table; stats: JoinStats } | MergeProblem {
  const lk = left.columns.find((c) => c.name === leftKey);
  const rk = right.columns.find((c) => c.name === rightKey);
  if (!lk) return { ok: false, problem: `This dataset has no column named "${leftKey}" to join on.` };
  if (!rk) return { ok: false, problem: `The other file has no column named "${rightKey}" to join on.` };

  const matches = new Map<string, number[]>();
  for (let r = 0; r < right.rowCount; r++) {
    if (!isValid(rk.valid, r)) continue;
    const key = keyText(rk, r);
    const list = matches.get(key);
    if (list) list.push(r);
    else matches.set(key, [r]);
  }
  let duplicateRightKeys = 0;
  for (const list of matches.values()) if (list.length > 1) duplicateRightKeys++;

  // Count first, so an exploding join is refused before anything is allocated.
  const leftMatches: (number[] | undefined)[] = new Array(left.rowCount);
  let rowCount = 0;
  let matchedLeftRows = 0;
  const missingKeyLeftRows = { count: 0, rows: [] as number[] };
  // Unmatched keys with their rows, looked at once each for keys written alike.
  const unmatched = new Map<string, number>();
  for (let r = 0; r < left.rowCount; r++) {
    let list: number[] | undefined;
    if (!isValid(lk.valid, r)) {
      if (missingKeyLeftRows.count++ < LISTED_KEYLESS) missingKeyLeftRows.rows.push(r);
    } else {
      const key = keyText(lk, r);
      list = matches.get(key);
      if (!list) unmatched.set(key, (unmatched.get(key) ?? 0) + 1);
    }
    leftMatches[r] = list;
    if (list) matchedLeftRows++;
    rowCount += list ? list.length : how === 'left' ? 1 : 0;
  }
  if (rowCount > maxRows) {
    return {
      ok: false,
      problem: `This join would make ${rowCount.toLocaleString('en')} rows, more than the ${maxRows.toLocaleString('en')} Looplab allows: "${rightKey}" repeats in the other file (${duplicateRightKeys.toLocaleString('en')} ${duplicateRightKeys === 1 ? 'value occurs' : 'values occur'} more than once), and every repeat copies the matching rows. Join on a column that is unique in the other file.`,
    };
  }

  const leftRows = new Int32Array(rowCount);
  const rightRows = new Int32Array(rowCount);
  let at = 0;
  for (let r = 0; r < left.rowCount; r++) {
    const list = leftMatches[r];
    if (list) {
      for (const m of list) {
        leftRows[at] = r;
        rightRows[at++] = m;
      }
    } else if (how === 'left') {
      leftRows[at] = r;
      rightRows[at++] = -1;
    }
  }

  const leftNames = new Set(left.columns.map((c) => c.name));
  const kept = right.columns.filter((c) => c !== rk);
  // A new name is one neither table has, so a renamed column never clashes with a right one.
  const taken = new Set([...leftNames, ...kept.map((c) => c.name)]);
  const renamed: { from: string; to: string }[] = [];
  const rightColumns = kept.map((c) => {
    let name = c.name;
    if (leftNames.has(name)) {
      for (let k = 2; taken.has(name); k++) name = `${c.name} (${k})`;
      taken.add(name);
      renamed.push({ from: c.name, to: name });
    }
    return gather(c, rightRows, name);
  });
  const columns = [...left.columns.map((c) => gather(c, leftRows, c.name)), ...rightColumns];
  return {
    ok: true,
    table: { rowCount, columns },
    stats: {
      matchedLeftRows,
      unmatchedLeftRows: left.rowCount - matchedLeftRows,
      missingKeyLeftRows,
      duplicateRightKeys,
      rowCount,
      renamed,
      lookAlike: lookAlikeKeys(unmatched, matches.keys()),
    },
  };
}
