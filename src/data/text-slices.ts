/**
 * A file's text, slice by slice. One streaming TextDecoder decodes every slice: a character whose bytes straddle two slices
 * is decoded whole (decoding slices apart, as PapaParse's own file reader does, turns it into
 * two replacement characters). A UTF-8 byte-order mark is dropped at the start of the file only.
 *
 * The encoding is detected on the file's head; bytes further on that are not UTF-8 are still
 * read (as U+FFFD, '�'), and the first slice holding them says where, so the import can tell the
 * learner. UTF-8 is decoded strictly until then, which costs nothing while the bytes are valid.
 */
import type { TextEncoding } from './dialect';

export interface TextSlice {
  text: string;
  /** bytes (characters, for a string) read so far, from the start of the range */
  bytesRead: number;
  /**
   * in the first slice whose bytes are not all UTF-8 (in a UTF-8 file), the index in `text` of
   * the first '\uFFFD' (the first place, unless the file spells out a '\uFFFD' before it in the same slice); else -1
   */
  notUtf8At: number;
}

/**
 * How many bytes at the end of `bytes` begin a UTF-8 character that the next slice completes
 * (0–3); a lead byte with too few continuation bytes after it, not followed by more.
 */
function openCharacterBytes(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back]!;
    if ((b & 0xc0) === 0x80) continue;
    if (b < 0xc2 || b > 0xf4) return 0;
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return length > back ? back : 0;
  }
  return 0;
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
      yield { text: input.slice(at, Math.min(end, at + sliceBytes)), bytesRead: Math.min(end, at + sliceBytes) - start, notUtf8At: -1 };
    }
    return;
  }
  // A part after the first starts at a record: a U+FEFF there is a character of a cell.
  const ignoreBOM = !range.first;
  let strict = encoding === 'utf-8';
  let decoder = new TextDecoder(encoding, { ignoreBOM, fatal: strict });
  /** the bytes of a character the previous slice began and this one ends, which a strict decoder that fails loses */
  let open = new Uint8Array(0);
  for (let at = start; at < end; at += sliceBytes) {
    const to = Math.min(end, at + sliceBytes);
    const bytes = new Uint8Array(await input.slice(at, to).arrayBuffer());
    const stream = to < end;
    if (!strict) {
      yield { text: decoder.decode(bytes, { stream }), bytesRead: to - start, notUtf8At: -1 };
      continue;
    }
    let text: string;
    let notUtf8At = -1;
    try {
      text = decoder.decode(bytes, { stream });
    } catch {
      // Not UTF-8 somewhere here: read on forgivingly, from the character the previous slice began.
      strict = false;
      decoder = new TextDecoder(encoding, { ignoreBOM: ignoreBOM || at > start });
      const again = new Uint8Array(open.length + bytes.length);
      again.set(open);
      again.set(bytes, open.length);
      text = decoder.decode(again, { stream });
      notUtf8At = Math.max(0, text.indexOf('\uFFFD'));
    }
    if (stream) {
      // A character's first bytes may lie in more than one slice when slices are tiny.
      const tail = bytes.length >= 3 ? bytes.subarray(bytes.length - 3) : Uint8Array.from([...open, ...bytes]).subarray(-3);
      open = tail.slice(tail.length - openCharacterBytes(tail));
    }
    yield { text, bytesRead: to - start, notUtf8At };
  }
}
