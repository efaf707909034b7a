/**
 * @fileoverview Seeded random boxes on a small grid, and brute-force answers to compare the tree structures with.
 */
import type { Geometry, Item, Shape } from '../../../src/analyses/anomalies/geometry.js';

export const KEYS = 24;
export const ATOMS = 20;

/** A deterministic generator (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sorts and merges touching or overlapping [lo, hi] pairs. */
function normalize(pairs: number[]): number[] {
  const list: [number, number][] = [];
  for (let i = 0; i < pairs.length; i += 2) list.push([pairs[i] as number, pairs[i + 1] as number]);
  list.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [lo, hi] of list) {
    if (out.length > 0 && lo <= (out[out.length - 1] as number) + 1) out[out.length - 1] = Math.max(hi, out[out.length - 1] as number);
    else out.push(lo, hi);
  }
  return out;
}

function intervals(rnd: () => number, size: number): number[] {
  const out: number[] = [];
  const n = 1 + Math.floor(rnd() * 2);
  for (let i = 0; i < n; i++) {
    const lo = Math.floor(rnd() * size);
    const wide = rnd() < 0.2;
    const hi = Math.min(size - 1, lo + Math.floor(rnd() * (wide ? size : 4)));
    out.push(lo, hi);
  }
  return normalize(out);
}

/** `n` random boxes. */
export function shapes(rnd: () => number, n: number): Shape[] {
  return Array.from({ length: n }, () => ({ keys: intervals(rnd, KEYS), atoms: intervals(rnd, ATOMS) }));
}

/** A geometry of the shapes (items carry only what the structures read). */
export function geometry(list: readonly Shape[]): Geometry {
  const items = list.map((s, index) => ({ ...s, index }) as unknown as Item);
  return { items, segments: KEYS, atoms: ATOMS };
}

/** The grid cells of a box. */
export function cells(s: Shape): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < s.keys.length; i += 2) {
    for (let k = s.keys[i] as number; k <= (s.keys[i + 1] as number); k++) {
      for (let j = 0; j < s.atoms.length; j += 2) for (let a = s.atoms[j] as number; a <= (s.atoms[j + 1] as number); a++) out.push([k, a]);
    }
  }
  return out;
}

export function inside(s: Shape, k: number, a: number): boolean {
  return cells(s).some(([x, y]) => x === k && y === a);
}
