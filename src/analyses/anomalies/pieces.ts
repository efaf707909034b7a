/**
 * @fileoverview Mutable per-node piece lists of the tree structures: `[lo, hi, owner, …]`, disjoint and sorted.
 * Updates are in place (binary search + splice).
 */
import { firstEndingAtOrAfter, type Flat } from './flat.js';

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

/** The atoms no piece covers (the input itself when nothing overlaps). */
export function minusPieces(p: readonly number[], atoms: Flat): Flat {
  if (p.length === 0) return atoms;
  // Many intervals against few pieces (a wide box over a node that holds a few pieces): only the intervals a piece
  // overlaps are split, the others are copied as they are; the result is the same list either way.
  if (atoms.length > 2 * p.length) return minusFewPieces(p, atoms);
  let out: number[] | undefined;
  for (let i = 0; i < atoms.length; i += 2) out = minusInterval(p, atoms, i, out);
  return out ?? atoms;
}

/** Subtracts the pieces from interval `i` of the atoms; starts the output (with the intervals before) on a change. */
function minusInterval(p: readonly number[], atoms: Flat, i: number, out: number[] | undefined): number[] | undefined {
  const start = atoms[i] as number;
  const hi = atoms[i + 1] as number;
  let cur = start;
  for (let k = firstPiece(p, cur); cur <= hi && k < p.length && (p[k] as number) <= hi; k += 3) {
    out ??= atoms.slice(0, i);
    if ((p[k] as number) > cur) out.push(cur, (p[k] as number) - 1);
    cur = Math.max(cur, (p[k + 1] as number) + 1);
  }
  if (out !== undefined && cur <= hi) out.push(cur, hi);
  return out;
}

/** minusPieces driven by the pieces: finds the intervals they overlap by binary search. */
function minusFewPieces(p: readonly number[], atoms: Flat): Flat {
  let out: number[] | undefined;
  let next = 0;
  for (let k = 0; k < p.length; k += 3) {
    const lo = p[k] as number;
    const hi = p[k + 1] as number;
    let i = Math.max(next, 2 * firstEndingAtOrAfter(atoms, lo));
    for (; i < atoms.length && (atoms[i] as number) <= hi; i += 2) {
      if (out === undefined) out = atoms.slice(0, i);
      else for (let c = next; c < i; c++) out.push(atoms[c] as number);
      out = minusInterval(p, atoms, i, out);
      next = i + 2;
    }
  }
  if (out === undefined) return atoms;
  for (let c = next; c < atoms.length; c++) out.push(atoms[c] as number);
  return out;
}

/** Calls `visit(owner)` once for every piece that overlaps the atoms, in piece order. */
export function forOverlappingPieces(p: readonly number[], atoms: Flat, visit: (owner: number) => void): void {
  if (atoms.length === 0) return;
  if (p.length / 3 > atoms.length / 2) {
    let last = -3;
    for (let i = 0; i < atoms.length; i += 2) {
      const hi = atoms[i + 1] as number;
      for (let k = Math.max(last + 3, firstPiece(p, atoms[i] as number)); k < p.length && (p[k] as number) <= hi; k += 3) {
        visit(p[k + 2] as number);
        last = k;
      }
    }
    return;
  }
  for (let k = 0; k < p.length; k += 3) {
    const i = 2 * firstEndingAtOrAfter(atoms, p[k] as number);
    if (i < atoms.length && (atoms[i] as number) <= (p[k + 1] as number)) visit(p[k + 2] as number);
  }
}

/** Adds pieces for atoms that no piece of `p` overlaps, merging with same-owner neighbours. */
export function addPieces(p: number[] | undefined, atoms: Flat, owner: number): number[] {
  const out = p ?? [];
  if (atoms.length > 8) return mergePieces(out, atoms, owner);
  for (let i = 0; i < atoms.length; i += 2) addPiece(out, atoms[i] as number, atoms[i + 1] as number, owner);
  return out;
}

/**
 * addPieces in one merge pass (a new list), for many atoms: the same list as inserting them one by one. A new piece
 * joins the piece before it and the old piece right after it when they have its owner and touch it.
 */
function mergePieces(p: readonly number[], atoms: Flat, owner: number): number[] {
  const out: number[] = [];
  let k = 0;
  let lastIsNew = false;
  const pushOld = (): void => {
    const n = out.length;
    if (lastIsNew && p[k + 2] === owner && (out[n - 2] as number) + 1 === p[k]) out[n - 2] = p[k + 1] as number;
    else out.push(p[k] as number, p[k + 1] as number, p[k + 2] as number);
    lastIsNew = false;
    k += 3;
  };
  for (let i = 0; i < atoms.length; i += 2) {
    const lo = atoms[i] as number;
    const hi = atoms[i + 1] as number;
    while (k < p.length && (p[k] as number) < lo) pushOld();
    const n = out.length;
    if (n > 0 && out[n - 1] === owner && (out[n - 2] as number) + 1 === lo) out[n - 2] = hi;
    else out.push(lo, hi, owner);
    lastIsNew = true;
  }
  while (k < p.length) pushOld();
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
