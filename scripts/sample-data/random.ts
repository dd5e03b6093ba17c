/**
 * Seeded pseudo-random numbers. Each part of the generator draws from its own named
 * stream (seed + label), so adding a draw to, say, the projects does not shift every
 * income figure generated after it.
 */
import { SEED } from "./config.ts";

/** mulberry32: tiny, fast and good enough for invented statistics (not for secrets). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a label, to derive one stream's seed from the global seed. */
function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** Uniform real in [min, max). */
  between(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by relative weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** Standard normal (Box-Muller). */
  normal(): number;
  /** Log-normal with the given median and log-scale sigma: the skew of incomes. */
  logNormal(median: number, sigma: number): number;
  /** A shuffled copy (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** k distinct items, in random order. */
  sample<T>(items: readonly T[], k: number): T[];
}

export function createRng(label: string): Rng {
  const next = mulberry32((SEED ^ hashLabel(label)) >>> 0);
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    between: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    weighted(items) {
      const sum = items.reduce((s, [, w]) => s + w, 0);
      let r = next() * sum;
      for (const [item, w] of items) {
        r -= w;
        if (r < 0) return item;
      }
      return (items[items.length - 1] as (typeof items)[number])[0];
    },
    normal() {
      const u = 1 - next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    logNormal: (median, sigma) => median * Math.exp(sigma * rng.normal()),
    shuffle(items) {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j] as (typeof out)[number], out[i] as (typeof out)[number]];
      }
      return out;
    },
    sample: (items, k) => rng.shuffle(items).slice(0, k),
  };
  return rng;
}

/**
 * Splits an exact total into n integers within [min, max], randomly: used where an
 * article gives a sum (943 team members, 583 targets) that the rows must add up to.
 */
export function splitExact(rng: Rng, total: number, n: number, min: number, max: number): number[] {
  if (total < n * min || total > n * max)
    throw new Error(`cannot split ${total} into ${n} × [${min}, ${max}]`);
  const parts = new Array<number>(n).fill(min);
  let left = total - n * min;
  while (left > 0) {
    const i = Math.floor(rng.next() * n);
    if ((parts[i] as number) < max) {
      parts[i] = (parts[i] as number) + 1;
      left--;
    }
  }
  return parts;
}
