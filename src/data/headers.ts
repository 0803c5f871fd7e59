/**
 * Column names as a CSV header gives them, made usable: no empty names, no duplicates, no
 * control characters. Names such as '__proto__' or '<b>x</b>' are kept exactly: the app never
 * uses objects as maps of column names and never renders names as HTML.
 */

export interface CleanHeaders {
  names: string[];
  /** one sentence per change, for the user */
  notes: string[];
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;

/**
 * Example: ['id', '', 'x', 'x'] → names ['id', 'column_2', 'x', 'x_2'] with two notes.
 */
export function cleanHeaders(raw: readonly string[]): CleanHeaders {
  const notes: string[] = [];
  const trimmed = raw.map((name, i) => {
    let n = i === 0 ? name.replace(/^\uFEFF/, '') : name;
    n = n.replace(CONTROL, ' ').trim();
    if (n === '') {
      n = `column_${i + 1}`;
      notes.push(`Column ${i + 1} had no name; it is now "${n}".`);
    }
    return n;
  });
  const taken = new Set(trimmed);
  const firstSeen = new Map<string, number>();
  const names = trimmed.map((name, i) => {
    const first = firstSeen.get(name);
    if (first === undefined) {
      firstSeen.set(name, i);
      return name;
    }
    let k = 2;
    while (taken.has(`${name}_${k}`)) k++;
    const renamed = `${name}_${k}`;
    taken.add(renamed);
    notes.push(`Columns ${first + 1} and ${i + 1} were both named "${name}"; column ${i + 1} is now "${renamed}".`);
    return renamed;
  });
  return { names, notes };
}
