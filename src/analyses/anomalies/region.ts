/**
 * @fileoverview Pruning a set of covering rules to a minimal one, with a small region of (key, address) space as a
 * list of rectangles (one key-segment interval times an address-atom set). Only used on a handful of boxes.
 */
import { contains, intersect, overlaps, subtract, type Flat } from './flat.js';
import type { Shape } from './geometry.js';

/** One rectangle: keys [k0, k1] × atoms. */
interface Rect {
  readonly k0: number;
  readonly k1: number;
  readonly atoms: Flat;
}

type Region = readonly Rect[];

/** The region of a box. */
function regionOf(box: Shape): Region {
  const out: Rect[] = [];
  for (let i = 0; i < box.keys.length; i += 2) out.push({ k0: box.keys[i] as number, k1: box.keys[i + 1] as number, atoms: box.atoms });
  return out;
}

/** The region without the box. */
function regionMinus(r: Region, box: Shape): Region {
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
function unionCovers(box: Shape, by: readonly Shape[]): boolean {
  let r = regionOf(box);
  for (const b of by) {
    r = regionMinus(r, b);
    if (r.length === 0) return true;
  }
  return r.length === 0;
}

/** Owners small enough to prune: beyond this the sufficient set found by the cover tree is reported as it is. */
const PRUNE_LIMIT = 12;

/**
 * A small sufficient subset of `owners` (in their order) that still covers `box`: the first owner containing the whole
 * box if there is one, else each owner is dropped, latest first, when the others cover without it.
 */
export function minimalCover<T extends Shape>(box: Shape, owners: readonly T[]): T[] {
  const one = owners.find((o) => contains(o.keys, box.keys) && contains(o.atoms, box.atoms));
  if (one !== undefined) return [one];
  const kept = [...owners];
  if (kept.length > PRUNE_LIMIT) return kept;
  for (let i = kept.length - 1; i >= 0 && kept.length > 1; i--) {
    const without = kept.filter((_, k) => k !== i);
    if (unionCovers(box, without)) kept.splice(i, 1);
  }
  return kept;
}
