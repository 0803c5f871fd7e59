/** When a file read as UTF-8 is read through bytes that are not UTF-8 without asking (encodingQuestion). */
import type { TextEncoding } from './dialect';

/**
 * True when the learner said so ("UTF-8 anyway", `asked`), or chose UTF-8 for a file whose start
 * was detected as not UTF-8: the preview already shows those bytes as '\uFFFD', so later ones are
 * read the same way, the notes saying where; asking would claim the start of the file is UTF-8.
 * `chosen` is undefined while the detected encoding is kept.
 */
export function keepsNotUtf8(asked: boolean, chosen: TextEncoding | undefined, detected: TextEncoding | null): boolean {
  return asked || (chosen === 'utf-8' && detected === 'windows-1252');
}
