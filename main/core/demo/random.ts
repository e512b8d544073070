// Seeded pseudo-random numbers for the sample data: the same seed gives the same county on every
// machine and Node version, which Math.random cannot promise. sfc32 (fast, passes PractRand to
// 2^40 or so), its state filled by splitmix32 so that nearby seeds give unrelated streams.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Standard normal deviate (Box–Muller). */
  normal(): number;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createRandom(seed: number): Random {
  // Seeds above 2^32 (e.g. a timestamp) keep their high bits instead of being truncated.
  const hi = Math.floor(Math.abs(seed) / 2 ** 32) >>> 0;
  const init = splitmix32((seed >>> 0) ^ Math.imul(hi, 0x27d4eb2f));
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const next32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) next32(); // let the state mix before the first value is used

  const next = (): number => next32() / 4294967296;
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick() from an empty list');
      return item;
    },
    normal: () => {
      const u = 1 - next(); // (0, 1]: log(0) would be -Infinity
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
  };
}

export type Weighted<T> = readonly (readonly [T, number])[];

/** A picker over fixed weights (need not sum to 1), built once and used many times. */
export function weighted<T>(entries: Weighted<T>): (rng: Random) => T {
  if (entries.length === 0) throw new Error('weighted() needs at least one entry');
  const values = entries.map(([v]) => v);
  const cumulative: number[] = [];
  let total = 0;
  for (const [, w] of entries) {
    total += w;
    cumulative.push(total);
  }
  return (rng) => {
    const x = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] ?? 0) > x) hi = mid;
      else lo = mid + 1;
    }
    return values[lo] as T;
  };
}

/** One pick from weights that change per call (a few entries; a zero weight is never picked). */
export function pickWeighted<T>(rng: Random, values: readonly T[], weights: readonly number[]): T {
  let total = 0;
  for (const w of weights) total += w;
  let x = rng.next() * total;
  for (let i = 0; i < values.length; i++) {
    const w = weights[i] ?? 0;
    if (w > 0 && x < w) return values[i] as T;
    x -= w;
  }
  // Rounding can leave x a hair above the last weight: take the last non-zero one.
  for (let i = values.length - 1; i >= 0; i--) if ((weights[i] ?? 0) > 0) return values[i] as T;
  throw new Error('pickWeighted() with no positive weight');
}
