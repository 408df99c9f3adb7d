// Seeded PRNG shared by the fault proxy (probability rules) and the image builder (layer bytes),
// so a test bed built twice from the same seeds is byte-for-byte the same.

/**
 * mulberry32: small, fast, good enough for test data; not for anything secret.
 * @param {number} seed
 * @returns {() => number} uniform in [0, 1)
 */
export function mulberry32(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * `size` deterministic pseudo-random bytes for `seed` (incompressible, so gzip keeps the size).
 * @param {number} seed
 * @param {number} size
 * @returns {Uint8Array}
 */
export function seededBytes(seed, size) {
  const next = mulberry32(seed)
  const out = new Uint8Array(size)
  for (let i = 0; i < size; i += 4) {
    const word = Math.floor(next() * 4294967296)
    for (let j = 0; j < 4 && i + j < size; j++) out[i + j] = (word >>> (8 * j)) & 0xff
  }
  return out
}
