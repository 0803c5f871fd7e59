/**
 * Scratch arrays reused from one call to the next. Fresh memory is not free: over a million
 * rows, touching a new array's pages costs about as much as writing it twice, and many large
 * arrays make the garbage collector run. A scratch array is only for the function that asked
 * for it, while it runs: its contents are whatever was left there, and it must not be kept,
 * returned, or asked for again under the same name before that function is done.
 */
const buffers = new Map<string, ArrayBuffer>();

function buffer(name: string, bytes: number): ArrayBuffer {
  let b = buffers.get(name);
  if (!b || b.byteLength < bytes) {
    // A little headroom, so that slightly larger parts do not allocate again.
    b = new ArrayBuffer(Math.ceil((bytes * 1.25) / 8) * 8);
    buffers.set(name, b);
  }
  return b;
}

export function scratchUint32(name: string, length: number): Uint32Array {
  return new Uint32Array(buffer(name, length * 4), 0, length);
}

export function scratchInt32(name: string, length: number): Int32Array {
  return new Int32Array(buffer(name, length * 4), 0, length);
}

export function scratchFloat64(name: string, length: number): Float64Array {
  return new Float64Array(buffer(name, length * 8), 0, length);
}
