/**
 * A small seeded random source for the demo data. Math.random cannot be seeded, and the demo
 * base must come out the same for the same seed number (reproducible benchmarks and bug
 * reports), so this uses sfc32: fast, 128-bit state, good enough statistics for fake data.
 */

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight; build the table once with `weighted` and reuse it. */
  pickWeighted<T>(table: WeightedTable<T>): T;
  /** A string of n random decimal digits. */
  digits(n: number): string;
  /** An independent stream derived from this one (e.g. one per company). */
  fork(salt: number): Random;
}

export interface WeightedTable<T> {
  items: readonly T[];
  /** Running totals of the weights, the last one is the sum. */
  cumulative: Float64Array;
}

export function weighted<T>(entries: readonly (readonly [T, number])[]): WeightedTable<T> {
  const cumulative = new Float64Array(entries.length);
  let sum = 0;
  entries.forEach(([, w], i) => {
    sum += w;
    cumulative[i] = sum;
  });
  return { items: entries.map(([item]) => item), cumulative };
}

/** The same table from objects that carry their own weight. */
export function weightedBy<T extends { weight: number }>(items: readonly T[]): WeightedTable<T> {
  return weighted(items.map((item) => [item, item.weight] as const));
}

/** Spreads a small seed over 32 bits so that seeds 1 and 2 give unrelated streams. */
function mix(seed: number): number {
  let h = seed ^ 0x9e3779b9;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function createRandom(seed: number): Random {
  let a = mix(seed);
  let b = mix(seed + 1);
  let c = mix(seed + 2);
  let d = 1;
  const next = (): number => {
    // sfc32 (Chris Doty-Humphrey's Small Fast Counting generator).
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // Warm up: the first outputs of a freshly seeded sfc32 are correlated with the seed.
  for (let i = 0; i < 12; i++) next();
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    pickWeighted: (table) => {
      const x = next() * table.cumulative[table.cumulative.length - 1]!;
      // Binary search: tables have up to a few hundred entries and this runs millions of times.
      let lo = 0;
      let hi = table.cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (table.cumulative[mid]! > x) hi = mid;
        else lo = mid + 1;
      }
      return table.items[lo]!;
    },
    digits: (n) => {
      let s = "";
      for (let i = 0; i < n; i++) s += Math.floor(next() * 10).toString();
      return s;
    },
    fork: (salt) => createRandom((Math.floor(next() * 4294967296) ^ mix(salt)) >>> 0),
  };
  return random;
}
