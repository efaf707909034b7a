/**
 * @fileoverview Mutable per-node piece lists of the tree structures: `[lo, hi, owner, …]`, disjoint and sorted.
 * Updates are in place (binary search + splice).
 */
import type { Flat } from './flat.js';

/** Offset of the first piece whose end is ≥ x. */
export function firstPiece(p: readonly number[], x: number): number {
  let lo = 0;
  let hi = p.length / 3;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((p[3 * mid + 1] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return 3 * lo;
}

/** Calls `visit(owner)` for every piece overlapping the atoms until it returns false. */
export function forPiecesIn(p: readonly number[], atoms: Flat, visit: (owner: number) => boolean): boolean {
  for (let i = 0; i < atoms.length; i += 2) {
    const hi = atoms[i + 1] as number;
    for (let k = firstPiece(p, atoms[i] as number); k < p.length && (p[k] as number) <= hi; k += 3) {
      if (!visit(p[k + 2] as number)) return false;
    }
  }
  return true;
}

/** The atoms no piece covers (the input itself when nothing overlaps). */
export function minusPieces(p: readonly number[], atoms: Flat): Flat {
  let out: number[] | undefined;
  for (let i = 0; i < atoms.length; i += 2) {
    const start = atoms[i] as number;
    const hi = atoms[i + 1] as number;
    let cur = start;
    for (let k = firstPiece(p, cur); cur <= hi && k < p.length && (p[k] as number) <= hi; k += 3) {
      out ??= atoms.slice(0, i);
      if ((p[k] as number) > cur) out.push(cur, (p[k] as number) - 1);
      cur = Math.max(cur, (p[k + 1] as number) + 1);
    }
    if (out !== undefined && cur <= hi) out.push(cur, hi);
  }
  return out ?? atoms;
}

/** Adds pieces for atoms that no piece of `p` overlaps, merging with same-owner neighbours. */
export function addPieces(p: number[] | undefined, atoms: Flat, owner: number): number[] {
  const out = p ?? [];
  for (let i = 0; i < atoms.length; i += 2) addPiece(out, atoms[i] as number, atoms[i + 1] as number, owner);
  return out;
}

/** Adds one piece [lo, hi] that no piece of `p` overlaps. */
function addPiece(p: number[], lo: number, hi: number, owner: number): void {
  const k = firstPiece(p, lo);
  const joinsPrev = k > 0 && p[k - 1] === owner && (p[k - 2] as number) + 1 === lo;
  const joinsNext = k < p.length && p[k + 2] === owner && (p[k] as number) === hi + 1;
  if (joinsPrev && joinsNext) {
    p[k - 2] = p[k + 1] as number;
    p.splice(k, 3);
  } else if (joinsPrev) p[k - 2] = hi;
  else if (joinsNext) p[k] = lo;
  else p.splice(k, 0, lo, hi, owner);
}

/** Removes the atoms from the pieces, splitting pieces at the edges. */
export function extractPieces(p: number[], atoms: Flat): void {
  for (let i = 0; i < atoms.length; i += 2) {
    const a = atoms[i] as number;
    const b = atoms[i + 1] as number;
    const k = firstPiece(p, a);
    let end = k;
    while (end < p.length && (p[end] as number) <= b) end += 3;
    if (end === k) continue;
    const firstLo = p[k] as number;
    const firstOwner = p[k + 2] as number;
    const lastHi = p[end - 2] as number;
    const lastOwner = p[end - 1] as number;
    const left = firstLo < a;
    const right = lastHi > b;
    if (left && right) p.splice(k, end - k, firstLo, a - 1, firstOwner, b + 1, lastHi, lastOwner);
    else if (left) p.splice(k, end - k, firstLo, a - 1, firstOwner);
    else if (right) p.splice(k, end - k, b + 1, lastHi, lastOwner);
    else p.splice(k, end - k);
  }
}
