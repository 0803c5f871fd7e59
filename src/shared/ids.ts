/**
 * Random identifiers for rows that must stay unique across devices, because projects travel
 * between machines as files. Uses crypto.getRandomValues, which, unlike crypto.randomUUID,
 * also exists on pages served over plain http from another host (e.g. http://192.168.1.5:5173).
 *
 * Example: newId() === '4f1c2a9e6b7d4e0f8a1b2c3d4e5f6a7b' (32 lowercase hex digits, 128 bits).
 */
export function newId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/** A 32-bit seed for seeded generators, e.g. a new project's default seed. */
export function newSeed(): number {
  const word = new Uint32Array(1);
  crypto.getRandomValues(word);
  return word[0]! % 1_000_000;
}
