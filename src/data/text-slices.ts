/**
 * A file's text, slice by slice. One streaming TextDecoder decodes every slice: a character whose bytes straddle two slices
 * is decoded whole (decoding slices apart, as PapaParse's own file reader does, turns it into
 * two replacement characters). A UTF-8 byte-order mark is dropped.
 */
import type { TextEncoding } from './dialect';

export interface TextSlice {
  text: string;
  /** bytes (characters, for a string) read so far */
  bytesRead: number;
}

/** Decoded slices of a File or of a string (tests). */
export async function* textSlices(input: File | string, encoding: TextEncoding, sliceBytes: number): AsyncGenerator<TextSlice> {
  if (typeof input === 'string') {
    for (let start = 0; start < input.length; start += sliceBytes) {
      yield { text: input.slice(start, start + sliceBytes), bytesRead: Math.min(input.length, start + sliceBytes) };
    }
    return;
  }
  const decoder = new TextDecoder(encoding);
  for (let start = 0; start < input.size; start += sliceBytes) {
    const end = Math.min(input.size, start + sliceBytes);
    const bytes = await input.slice(start, end).arrayBuffer();
    const last = end >= input.size;
    yield { text: decoder.decode(bytes, { stream: !last }), bytesRead: end };
  }
}
