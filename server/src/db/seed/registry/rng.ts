/**
 * Deterministic randomness and calendar arithmetic for the demo registry. Every stream is mulberry32 seeded
 * from `REGISTRY_SEED` and a label, so each part of the generator (enterprises, patents, experts…) draws from
 * its own stream: changing how experts are made never shifts the enterprises. Nothing here reads the clock.
 */

/** The one seed of the demo registry. Changing it changes every generated name, code and figure. */
export const REGISTRY_SEED = 0x4a4a_2017;

/** FNV-1a over the label's UTF-16 units: a stable 32-bit seed per stream. */
function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A new stream for `label`, independent of how much this one has been used. */
  static stream(label: string, seed = REGISTRY_SEED): Rng {
    return new Rng((hashLabel(label) ^ seed) >>> 0);
  }

  /** mulberry32: a uniform float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** The generator as a plain function, for APIs that take `() => number`. */
  readonly fn = (): number => this.next();

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median and log standard deviation: the long tail of firm sizes. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Fisher–Yates, in place; returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }

  /** `count` distinct items, in draw order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      const tmp = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = tmp;
    }
    return copy.slice(0, n);
  }

  /** A version-4-shaped UUID from this stream, so the seeded rows keep the same ids on every run. */
  uuid(): string {
    const hex = (n: number) =>
      (Math.floor(this.next() * 4294967296) >>> 0).toString(16).padStart(8, '0').slice(0, n);
    const a = hex(8);
    const b = hex(4);
    const c = `4${hex(3)}`;
    const d = `${'89ab'[this.int(0, 3)]}${hex(3)}`;
    const e = hex(8) + hex(4);
    return `${a}-${b}-${c}-${d}-${e}`;
  }
}

/** Weighted choice over fixed weights: cumulative sums once, binary search per draw. */
export class WeightedPicker<T> {
  private readonly cumulative: number[] = [];
  readonly total: number;

  constructor(
    private readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length === 0 || items.length !== weights.length)
      throw new RangeError('items and weights must match and not be empty');
    let sum = 0;
    for (const w of weights) {
      sum += Math.max(0, w);
      this.cumulative.push(sum);
    }
    if (sum <= 0) throw new RangeError('weights must not all be zero');
    this.total = sum;
  }

  static of<T>(entries: readonly (readonly [T, number])[]): WeightedPicker<T> {
    return new WeightedPicker(
      entries.map(([item]) => item),
      entries.map(([, weight]) => weight),
    );
  }

  /** Index of the item drawn among the first `limit` items (all by default). */
  index(rng: Rng, limit = this.items.length): number {
    const top = this.cumulative[Math.min(limit, this.items.length) - 1] ?? 0;
    const target = rng.next() * top;
    let lo = 0;
    let hi = Math.min(limit, this.items.length) - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] ?? 0) > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  pick(rng: Rng, limit?: number): T {
    return this.items[this.index(rng, limit)] as T;
  }
}

// ——— Calendar days: integers counted from 1970-01-01 (UTC), written out as YYYY-MM-DD. ———

const MS_PER_DAY = 86_400_000;

export function dayOf(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function parseDay(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: "${iso}"`);
  return dayOf(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function isoDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function yearOfDay(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** The same calendar day `years` later (29 February rolls to 1 March), plus `days`. */
export function addYears(day: number, years: number, days = 0): number {
  const d = new Date(day * MS_PER_DAY);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return Math.floor(d.getTime() / MS_PER_DAY) + days;
}

/** A uniform day in [from, to], both included. */
export function dayBetween(rng: Rng, from: number, to: number): number {
  return to <= from ? from : rng.int(from, to);
}

/** A uniform day of `year`, optionally within [first, last] day of year bounds. */
export function dayInYear(
  rng: Rng,
  year: number,
  first = dayOf(year, 1, 1),
  last = dayOf(year, 12, 31),
): number {
  return dayBetween(rng, Math.max(first, dayOf(year, 1, 1)), Math.min(last, dayOf(year, 12, 31)));
}

/** Scales a count, never below `min` when the original is positive: exact at scale 1. */
export function scaled(count: number, scale: number, min = 0): number {
  if (scale === 1) return count;
  const value = Math.round(count * scale);
  return count > 0 ? Math.max(min, value) : value;
}
