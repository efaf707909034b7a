/**
 * @fileoverview A small region of (key, address) space as a list of rectangles, each one key-segment interval times
 * an address-atom set. Used by the bounded order walks, where regions stay small.
 */
import { intersect, overlaps, subtract, type Flat } from './flat.js';
import type { Shape } from './geometry.js';

/** One rectangle: keys [k0, k1] × atoms. */
interface Rect {
  readonly k0: number;
  readonly k1: number;
  readonly atoms: Flat;
}

export type Region = readonly Rect[];

/** The region of a box. */
export function regionOf(box: Shape): Region {
  const out: Rect[] = [];
  for (let i = 0; i < box.keys.length; i += 2) out.push({ k0: box.keys[i] as number, k1: box.keys[i + 1] as number, atoms: box.atoms });
  return out;
}

/** Whether the region shares a point with the box. */
export function regionHits(r: Region, box: Shape): boolean {
  for (const rect of r) if (overlaps([rect.k0, rect.k1], box.keys) && overlaps(rect.atoms, box.atoms)) return true;
  return false;
}

/** The region without the box. */
export function regionMinus(r: Region, box: Shape): Region {
  const out: Rect[] = [];
  for (const rect of r) {
    const span = [rect.k0, rect.k1];
    if (!overlaps(span, box.keys) || !overlaps(rect.atoms, box.atoms)) {
      out.push(rect);
      continue;
    }
    const outside = subtract(span, box.keys);
    for (let i = 0; i < outside.length; i += 2) out.push({ k0: outside[i] as number, k1: outside[i + 1] as number, atoms: rect.atoms });
    const rest = subtract(rect.atoms, box.atoms);
    if (rest.length === 0) continue;
    const inside = intersect(span, box.keys);
    for (let i = 0; i < inside.length; i += 2) out.push({ k0: inside[i] as number, k1: inside[i + 1] as number, atoms: rest });
  }
  return out;
}

/** Whether the boxes together cover `box`. */
export function unionCovers(box: Shape, by: readonly Shape[]): boolean {
  let r = regionOf(box);
  for (const b of by) {
    r = regionMinus(r, b);
    if (r.length === 0) return true;
  }
  return r.length === 0;
}
