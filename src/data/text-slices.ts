/**
 * A file's text, slice by slice. One streaming TextDecoder decodes every slice: a character whose bytes straddle two slices
 * is decoded whole (decoding slices apart, as PapaParse's own file reader does, turns it into
 * two replacement characters). A UTF-8 byte-order mark is dropped at the start of the file only.
 */
import type { TextEncoding } from './dialect';

export interface TextSlice {
  text: string;
  /** bytes (characters, for a string) read so far, from the start of the range */
  bytesRead: number;
}

/** Decoded slices of bytes [start, end) of a File, or characters of a string (tests). */
export async function* textSlices(
  input: File | string,
  encoding: TextEncoding,
  sliceBytes: number,
  range: { start: number; end: number; first: boolean },
): AsyncGenerator<TextSlice> {
  const { start, end } = range;
  if (typeof input === 'string') {
    for (let at = start; at < end; at += sliceBytes) {
      yield { text: input.slice(at, Math.min(end, at + sliceBytes)), bytesRead: Math.min(end, at + sliceBytes) - start };
    }
    return;
  }
  // A part after the first starts at a record: a U+FEFF there is a character of a cell.
  const decoder = new TextDecoder(encoding, { ignoreBOM: !range.first });
  for (let at = start; at < end; at += sliceBytes) {
    const to = Math.min(end, at + sliceBytes);
    const bytes = await input.slice(at, to).arrayBuffer();
    yield { text: decoder.decode(bytes, { stream: to < end }), bytesRead: to - start };
  }
}
