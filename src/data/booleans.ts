/**
 * Reading a CSV cell as true or false. parseBoolean reads the words alone, as type inference
 * does (a 0/1 column stays numeric); a column chosen or retyped as true/false also takes the
 * numbers 0 and 1 through zeroOrOne, so both paths read the same spellings.
 */
import { letterAt, trimEndAt, trimStartAt } from './cell-chars';
import { numberUnit, parseNumber } from './numbers';

/**
 * 1 for true/yes/t/y, 0 for false/no/f/n (any case, trimmed), -1 otherwise.
 * '1' and '0' are -1: a 0/1 column stays numeric (zeroOrOne reads them for a column chosen as true/false).
 */
export function parseBoolean(text: string): 0 | 1 | -1 {
  if (text.length > 12) return -1;
  const s = trimStartAt(text, 0, text.length);
  switch (trimEndAt(text, s, text.length) - s) {
    case 1: {
      const c = text.charCodeAt(s) | 32;
      return c === 116 || c === 121 ? 1 : c === 102 || c === 110 ? 0 : -1; // t y f n
    }
    case 2:
      return letterAt(text, s, 110) && letterAt(text, s + 1, 111) ? 0 : -1; // no
    case 3:
      return letterAt(text, s, 121) && letterAt(text, s + 1, 101) && letterAt(text, s + 2, 115) ? 1 : -1; // yes
    case 4:
      return letterAt(text, s, 116) && letterAt(text, s + 1, 114) && letterAt(text, s + 2, 117) && letterAt(text, s + 3, 101) ? 1 : -1; // true
    case 5:
      return letterAt(text, s, 102) && letterAt(text, s + 1, 97) && letterAt(text, s + 2, 108) && letterAt(text, s + 3, 115) && letterAt(text, s + 4, 101)
        ? 0
        : -1; // false
    default:
      return -1;
  }
}

/**
 * 1 for a plain number equal to one, 0 for one equal to zero, -1 otherwise, the number read as
 * parseNumber reads it in the file's convention: '1', ' 1 ', '1.0', '+1', '1e0' and, with
 * decimalComma, '1,0' are 1; '0', '0.00', '-0' are 0; '2', '0.5', 'yes', and numbers with a unit
 * ('1%', '$1') are -1.
 */
export function zeroOrOne(text: string, decimalComma: boolean): 0 | 1 | -1 {
  const x = parseNumber(text, decimalComma);
  // Only a 0 or 1 pays for the look at its ends: '1%' and '$1' are amounts, not true/false.
  if ((x !== 0 && x !== 1) || numberUnit(text) !== '') return -1;
  return x === 1 ? 1 : 0;
}

/** 1 or 0 for a typed or stored true/false value (the words, or 1 and 0), as a column chosen as true/false reads it; -1 otherwise. */
export function booleanBit(text: string): 0 | 1 | -1 {
  const word = parseBoolean(text);
  return word >= 0 ? word : zeroOrOne(text, false);
}

/** Each spelling's other half: a column that only ever wrote 'Yes' says 'No' for its false. */
const OPPOSITES: Record<string, string> = { true: 'false', yes: 'no', t: 'f', y: 'n' };
for (const [a, b] of Object.entries(OPPOSITES)) OPPOSITES[b] = a;

/** `word`'s opposite in the same case ('Yes' → 'No', 'YES' → 'NO', 'y' → 'n'); '' for an unknown word. */
function opposite(word: string): string {
  const other = OPPOSITES[word.toLowerCase()];
  if (other === undefined) return '';
  if (word.length > 1 && word === word.toUpperCase()) return other.toUpperCase();
  return word[0] === word[0]!.toUpperCase() ? other[0]!.toUpperCase() + other.slice(1) : other;
}

/**
 * A boolean column's words (Column.words) from the first spelling of false and of true its cells
 * used ('' for one never seen), the missing one made to match the other; undefined when they are
 * 'false' and 'true', as shown by default, or when no cell held a value.
 * Example: columnWords('', 'Yes') → ['No', 'Yes'].
 */
export function columnWords(falseWord: string, trueWord: string): readonly [string, string] | undefined {
  const no = falseWord || opposite(trueWord);
  const yes = trueWord || opposite(falseWord);
  if (!no || !yes || (no === 'false' && yes === 'true')) return undefined;
  return [no, yes];
}
