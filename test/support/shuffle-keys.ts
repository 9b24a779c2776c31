/** Deterministic key shuffling, for tests that output must not depend on key order. */

/** mulberry32: a seeded PRNG, so a shuffle (and a failure) reproduces on every run. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A deep copy with every object's keys in a shuffled (Fisher-Yates) order; arrays keep theirs. */
export function shuffleKeys(value: unknown, random: () => number): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffleKeys(v, random));
  if (typeof value !== "object" || value === null) return value;
  const entries = Object.entries(value);
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  }
  const copy: Record<string, unknown> = {};
  // defineProperty, so a key named `__proto__` stays an own key instead of setting the prototype.
  for (const [key, v] of entries)
    Object.defineProperty(copy, key, {
      value: shuffleKeys(v, random),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return copy;
}
