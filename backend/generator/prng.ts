// Seeded randomness: the demo data must be the same for the same seed, so nothing in the
// generator may call Math.random or crypto.

/** mulberry32: tiny, fast and good enough for synthetic data (not for secrets). */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  uint32(): number {
    return Math.floor(this.next() * 4294967296) >>> 0;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Integer in [min, max], both inclusive. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(items.length)] as T;
  }

  /** Picks by weight; `weights` and `items` have the same length. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    const total = weights.reduce((a, b) => a + b, 0);
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i] ?? 0;
      if (r < 0) return items[i] as T;
    }
    return items[items.length - 1] as T;
  }

  digits(count: number): string {
    let s = '';
    for (let i = 0; i < count; i++) s += String(this.int(10));
    return s;
  }
}

/** murmur3's finaliser: a bijection on 32 bits, so distinct inputs give distinct outputs. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Two hex digits per byte, looked up: formatting a million ids with toString(16) is 5x slower. */
const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const byte = (b: number): string => HEX_BYTE[b & 255] as string;
const hex16 = (w: number): string => byte(w >>> 8) + byte(w);
const hex32 = (w: number): string => byte(w >>> 24) + byte(w >>> 16) + byte(w >>> 8) + byte(w);

/**
 * A version-4-shaped UUID derived from (salt, index). For a fixed salt the first 32 bits are a
 * bijection of the index, so ids are unique without keeping a set, and cheap enough to derive
 * while serving a million feed events instead of storing them.
 */
export function derivedUuid(salt: number, index: number): string {
  const w0 = mix32(salt ^ mix32((index + 0x9e3779b9) >>> 0));
  const w1 = mix32(w0 ^ salt ^ 0x27d4eb2f);
  const w2 = mix32(w1 + index);
  const w3 = mix32(w2 ^ 0x165667b1 ^ salt);
  const variant = 0x8000 | ((w2 >>> 16) & 0x3fff);
  return `${hex32(w0)}-${hex16(w1 >>> 16)}-${hex16(0x4000 | (w1 & 0xfff))}-${hex16(variant)}-${hex16(w2)}${hex32(w3)}`;
}
