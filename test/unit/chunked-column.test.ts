import { describe, expect, test } from 'vitest';
import { appendChunked, CHUNK_ROWS, chunkBuffers, chunkedMissing, copyBits, remapCodes, toColumn, type ChunkedColumn } from '../../src/shared/chunked-column';
import { createColumnBuilder } from '../../src/data/column-builder';
import { isValid } from '../../src/shared/column';
import seedrandom from 'seedrandom';

/** A numeric column of `n` rows whose row i holds `start + i`, missing when (start + i) % 7 === 3. */
function numbers(start: number, n: number): ChunkedColumn {
  const b = createColumnBuilder('x', 'numeric', { decimalComma: false });
  for (let i = start; i < start + n; i++) b.push(i % 7 === 3 ? '' : String(i));
  return b.finishChunked();
}

function expectRows(column: ChunkedColumn, n: number): void {
  const flat = toColumn(column);
  expect(column.length).toBe(n);
  for (let i = 0; i < n; i++) {
    const present = i % 7 !== 3;
    if (isValid(flat.valid, i) !== present) throw new Error(`row ${i}: validity ${!present}`);
    if (flat.values[i] !== (present ? i : 0)) throw new Error(`row ${i}: ${flat.values[i]}`);
  }
}

describe('copyBits', () => {
  test('copies any run of bits between any offsets, setting and clearing', () => {
    const random = seedrandom('bits');
    for (let trial = 0; trial < 200; trial++) {
      const src = Uint8Array.from({ length: 40 }, () => Math.floor(random() * 256));
      const dst = Uint8Array.from({ length: 40 }, () => Math.floor(random() * 256));
      const expected = dst.slice();
      const from = Math.floor(random() * 100);
      const to = Math.floor(random() * 100);
      const count = Math.floor(random() * 200);
      for (let i = 0; i < count; i++) {
        const bit = (src[(from + i) >> 3]! >> ((from + i) & 7)) & 1;
        const d = to + i;
        expected[d >> 3] = bit ? expected[d >> 3]! | (1 << (d & 7)) : expected[d >> 3]! & ~(1 << (d & 7));
      }
      copyBits(src, from, dst, to, count);
      expect(Array.from(dst)).toEqual(Array.from(expected));
    }
  });

  test('moves bits down within one bitmap', () => {
    const bits = Uint8Array.from([0b10110000, 0b00000001, 0xff]);
    copyBits(bits, 4, bits, 0, 12);
    expect(bits[0]).toBe(0b00011011);
    expect(bits[1]! & 0x0f).toBe(0);
  });
});

describe('appendChunked: parts read apart become one column on the chunk grid', () => {
  test.each([
    [10, 20],
    [CHUNK_ROWS, 5],
    [CHUNK_ROWS - 1, 2],
    [5, CHUNK_ROWS * 2 + 17],
    [CHUNK_ROWS + 3, CHUNK_ROWS - 3],
    [CHUNK_ROWS + 3, CHUNK_ROWS - 2],
    [CHUNK_ROWS * 2 + 1001, CHUNK_ROWS * 2 + 999],
    [0, 100],
    [100, 0],
  ])('%i rows, then %i rows', (a, b) => {
    const target = numbers(0, a);
    appendChunked(target, numbers(a, b));
    expectRows(target, a + b);
    // Every chunk but the last is whole, as storage expects.
    expect(target.chunks.slice(0, -1).every((c) => c.length === CHUNK_ROWS)).toBe(true);
    expect(target.chunks).toHaveLength(Math.ceil((a + b) / CHUNK_ROWS));
  });

  test('three parts in a row', () => {
    const sizes = [70_001, 3, 140_000];
    const target = numbers(0, sizes[0]!);
    appendChunked(target, numbers(sizes[0]!, sizes[1]!));
    appendChunked(target, numbers(sizes[0]! + sizes[1]!, sizes[2]!));
    expectRows(target, 210_004);
    expect(chunkedMissing(target)).toBe(Array.from({ length: 210_004 }, (_, i) => i).filter((i) => i % 7 === 3).length);
  });
});

describe('storage and dictionaries', () => {
  test('chunkBuffers gives each chunk exactly its rows', () => {
    const column = numbers(0, CHUNK_ROWS + 10);
    const first = chunkBuffers(column, 0);
    const last = chunkBuffers(column, 1);
    expect(first.values.byteLength).toBe(CHUNK_ROWS * 8);
    expect(first.valid.byteLength).toBe(CHUNK_ROWS / 8);
    expect(new Float64Array(last.values)).toEqual(Float64Array.from({ length: 10 }, (_, i) => ((CHUNK_ROWS + i) % 7 === 3 ? 0 : CHUNK_ROWS + i)));
    expect(last.valid.byteLength).toBe(2);
  });

  test('remapCodes rewrites codes into a joined dictionary', () => {
    const b = createColumnBuilder('c', 'categorical', { decimalComma: false });
    for (const label of ['z', 'y', '', 'z']) b.push(label);
    const column = b.finishChunked();
    expect(column.dictionary).toEqual(['z', 'y']);
    remapCodes(column, Uint32Array.from([5, 2]));
    expect(Array.from(toColumn(column).values)).toEqual([5, 2, 0, 5]);
  });
});
