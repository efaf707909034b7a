/**
 * @fileoverview Set operations on flat interval lists `[lo0, hi0, lo1, hi1, …]` of plain numbers (inclusive, sorted,
 * disjoint, adjacent intervals merged). The anomaly analyses work in compressed coordinates, where these are small and
 * fast; lookups into a long list use binary search, so a small query against a large set costs O(q log n).
 */
import { firstEndingAtOrAfter } from '../../model/flat-search.js';

/** A normalized flat interval list. */
export type Flat = readonly number[];

// `overlaps`: whether the two lists share a value.
export { boundsOverlap as overlaps, firstEndingAtOrAfter } from '../../model/flat-search.js';

/** Whether the two lists hold the same values. */
export function equals(a: Flat, b: Flat): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether every value of `small` lies in `big`. */
export function contains(big: Flat, small: Flat): boolean {
  for (let i = 0; i < small.length; i += 2) {
    const k = firstEndingAtOrAfter(big, small[i] as number);
    if (2 * k >= big.length) return false;
    if ((big[2 * k] as number) > (small[i] as number) || (big[2 * k + 1] as number) < (small[i + 1] as number)) return false;
  }
  return true;
}

/** `a` without the values of `b`. */
export function subtract(a: Flat, b: Flat): number[] {
  const out: number[] = [];
  for (let i = 0; i < a.length; i += 2) {
    const hi = a[i + 1] as number;
    let cur = a[i] as number;
    let k = firstEndingAtOrAfter(b, cur);
    while (cur <= hi && 2 * k < b.length && (b[2 * k] as number) <= hi) {
      const blo = b[2 * k] as number;
      if (blo > cur) out.push(cur, blo - 1);
      cur = Math.max(cur, (b[2 * k + 1] as number) + 1);
      k++;
    }
    if (cur <= hi) out.push(cur, hi);
  }
  return out;
}

/** The values in both lists. */
export function intersect(a: Flat, b: Flat): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i] as number, b[j] as number);
    const hi = Math.min(a[i + 1] as number, b[j + 1] as number);
    if (lo <= hi) out.push(lo, hi);
    if ((a[i + 1] as number) < (b[j + 1] as number)) i += 2;
    else j += 2;
  }
  return out;
}
