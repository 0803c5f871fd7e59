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

// C0 controls, DEL and C1 controls: a tab or line break inside a quoted header, or junk bytes.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * `base`, or else `base_2`, `base_3`, …: the first not in `taken`, which it joins. `next`
 * remembers where each base's search stopped, so 5,000 copies of one name stay linear.
 */
function claim(base: string, taken: Set<string>, next: Map<string, number>): string {
  let name = base;
  let k = next.get(base) ?? 2;
  for (; taken.has(name); k++) name = `${base}_${k}`;
  next.set(base, k);
  taken.add(name);
  return name;
}

/**
 * Example: ['id', '', 'x', 'x'] → names ['id', 'column_2', 'x', 'x_2'] with the notes
 * 'Column 2 had no name; it is now "column_2".' and
 * 'Columns 3 and 4 were both named "x"; column 4 is now "x_2".'
 */
export function cleanHeaders(raw: readonly string[]): CleanHeaders {
  const notes: string[] = [];
  // trim() also removes the U+FEFF byte-order mark a UTF-8 file may start with.
  const cleaned = raw.map((name) => name.replace(CONTROL, ' ').trim());
  // Every name the file gives is taken before any is made up, so a made-up name never
  // collides with a real one further along.
  const taken = new Set(cleaned.filter((name) => name !== ''));
  const firstSeen = new Map<string, number>();
  const next = new Map<string, number>();
  const named = cleaned.map((name, i) => {
    if (name !== '') return name;
    const made = claim(`column_${i + 1}`, taken, next);
    notes.push(`Column ${i + 1} had no name; it is now "${made}".`);
    // A made-up name is unique already: mark it seen so it is not reported as a duplicate.
    firstSeen.set(made, i);
    return made;
  });
  const names = named.map((name, i) => {
    const first = firstSeen.get(name);
    if (first === undefined) {
      firstSeen.set(name, i);
      return name;
    }
    if (first === i) return name;
    // The first holder keeps `name`, so it is taken and the duplicate gets a suffix.
    const renamed = claim(name, taken, next);
    notes.push(`Columns ${first + 1} and ${i + 1} were both named "${name}"; column ${i + 1} is now "${renamed}".`);
    return renamed;
  });
  return { names, notes };
}
